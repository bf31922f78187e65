using SoftTargets.Core.Features.Audit;

namespace SoftTargets.UnitTests.Features.Audit;

public sealed class AuditChangeParserTests
{
    [Fact]
    public void An_update_gives_one_row_per_property_with_before_and_after()
    {
        var changes = AuditChangeParser.Parse("""{"MaxOccupancy":{"before":450,"after":520},"Name":{"before":"Old","after":"New"}}""");

        Assert.True(changes.IsReadable);
        Assert.Equal([new AuditChangeRow("MaxOccupancy", "450", "520"), new AuditChangeRow("Name", "Old", "New")], changes.Rows);
        Assert.All(changes.Rows, row => Assert.True(row.IsChanged));
    }

    [Fact]
    public void A_null_before_or_after_is_shown_as_absent()
    {
        var changes = AuditChangeParser.Parse("""{"Name":{"before":null,"after":"Arena"},"Phone":{"before":"112","after":null}}""");

        Assert.Equal([new AuditChangeRow("Name", null, "Arena"), new AuditChangeRow("Phone", "112", null)], changes.Rows);
    }

    [Fact]
    public void Nested_values_are_shown_as_compact_json()
    {
        var changes = AuditChangeParser.Parse("""{"AttributeKeys":{"before":[],"after":[ "outdoor-queues", "alcohol" ]},"Content":{"before":{"a": {"b": 1}},"after":true}}""");

        Assert.Equal("[]", changes.Rows[0].Before);
        Assert.Equal("""["outdoor-queues","alcohol"]""", changes.Rows[0].After);
        Assert.Equal("""{"a":{"b":1}}""", changes.Rows[1].Before);
        Assert.Equal("true", changes.Rows[1].After);
    }

    [Fact]
    public void An_equal_before_and_after_is_not_marked_as_changed()
    {
        var row = Assert.Single(AuditChangeParser.Parse("""{"Name":{"before":"Arena","after":"Arena"}}""").Rows);

        Assert.False(row.IsChanged);
    }

    [Fact]
    public void A_property_without_before_and_after_shows_its_value_as_after()
    {
        var changes = AuditChangeParser.Parse("""{"Legacy":"value","Count":{"x":1},"Half":{"after":2}}""");

        Assert.Equal([new AuditChangeRow("Legacy", null, "value"), new AuditChangeRow("Count", null, """{"x":1}"""), new AuditChangeRow("Half", null, "2")],
            changes.Rows);
    }

    [Theory]
    [InlineData("{\"Name\":{\"before\":")]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("\"just a string\"")]
    [InlineData("42")]
    public void Unreadable_changes_give_no_rows_and_keep_the_raw_text(string json)
    {
        var changes = AuditChangeParser.Parse(json);

        Assert.False(changes.IsReadable);
        Assert.Empty(changes.Rows);
        Assert.Equal(json, changes.Raw);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{}")]
    public void No_changes_give_no_rows(string? json)
    {
        var changes = AuditChangeParser.Parse(json);

        Assert.True(changes.IsReadable);
        Assert.Empty(changes.Rows);
    }

    [Fact]
    public void Very_deep_nesting_does_not_throw()
    {
        var json = "{\"Deep\":{\"before\":" + new string('[', 5000) + new string(']', 5000) + "}}";

        var changes = AuditChangeParser.Parse(json);

        Assert.False(changes.IsReadable);
    }
}
