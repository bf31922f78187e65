using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Events;

namespace SoftTargets.UnitTests.Domain.Events;

public class EventInputTests
{
    private static readonly EventInput Valid = new("Letní koncert", new DateOnly(2030, 6, 20), new DateOnly(2030, 6, 21), 20000,
        EntryChecks.BagChecks, "Petra Horáková", "+420 601 111 222", ["children-present"]);

    [Fact]
    public void A_complete_event_has_no_problems()
    {
        Assert.Empty(Valid.Problems(["children-present"]));
    }

    [Fact]
    public void A_one_day_event_may_end_on_the_day_it_starts()
    {
        Assert.Empty((Valid with { EndsOn = Valid.StartsOn }).Problems());
    }

    [Fact]
    public void An_event_cannot_end_before_it_starts()
    {
        var problems = (Valid with { EndsOn = Valid.StartsOn.AddDays(-1) }).Problems();

        Assert.Equal(EventMessages.EndBeforeStart, problems["EndsOn"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1_000_001)]
    public void Attendance_must_be_at_least_one_person(int attendance)
    {
        Assert.Equal(EventMessages.AttendanceRange, (Valid with { ExpectedAttendance = attendance }).Problems()["ExpectedAttendance"]);
    }

    [Fact]
    public void Each_missing_or_malformed_field_is_named_with_a_message_in_both_languages()
    {
        var problems = new EventInput(" ", default, default, 10, (EntryChecks)42, "", "phone", ["a\0b"]).Problems();

        Assert.Equal(["Attributes", "EntryChecks", "Name", "ResponsibleName", "ResponsiblePhone", "StartsOn"], problems.Keys.Order());
        Assert.All(problems.Values, p => Assert.False(string.IsNullOrWhiteSpace(p.Cs) || p.Cs == p.En));
    }

    [Fact]
    public void An_attribute_outside_the_methodology_is_refused_when_the_catalogue_is_known()
    {
        var problems = Valid.Problems(["alcohol-served"]);

        Assert.Equal(EventMessages.AttributeUnknown("children-present"), problems["Attributes"]);
    }

    [Fact]
    public void The_aggregate_refuses_what_the_rules_refuse()
    {
        var error = Assert.Throws<ValidationFailedException>(() => new SiteEvent(Guid.NewGuid(), Valid with { Name = "" }));

        Assert.Equal(EventMessages.NameRequired, error.Problems["Name"]);
    }

    [Fact]
    public void The_aggregate_trims_and_orders_what_it_keeps()
    {
        var siteEvent = new SiteEvent(Guid.NewGuid(), Valid with { Name = "  Koncert ", Attributes = ["b", "a", "b"] });

        Assert.Equal("Koncert", siteEvent.Name);
        Assert.Equal(["a", "b"], siteEvent.Attributes);
    }
}
