using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Methodology.Library;
using SoftTargets.Core.Features.Methodology.Rules;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleTestData;

namespace SoftTargets.UnitTests.Features.Methodology.Rules;

public class AttendanceRuleTests
{
    private static Condition Attendance(int? gte = null, int? lt = null) => new() { Attendance = new NumberComparison { Gte = gte, Lt = lt } };

    private static RuleFacts ForEvent(int attendance) => Site() with { Attendance = attendance };

    [Theory]
    [InlineData(5000, true, "Applies because event attendance 5,000 ≥ 5,000.")]
    [InlineData(4999, false, "Excluded because event attendance 4,999 < 5,000.")]
    public void Attendance_is_compared_like_occupancy_and_named_as_the_events(int attendance, bool holds, string reason)
    {
        var outcome = Evaluator.Evaluate(Attendance(gte: 5000), ForEvent(attendance));

        Assert.Equal(holds, outcome.Holds);
        Assert.Equal(holds, Evaluator.Holds(Attendance(gte: 5000), ForEvent(attendance)));
        Assert.Equal(reason, outcome.Reason.En);
    }

    [Fact]
    public void Without_an_event_an_attendance_rule_does_not_hold_and_says_why_in_both_languages()
    {
        var outcome = Evaluator.Evaluate(Attendance(lt: 100), Site(occupancy: 50));

        Assert.False(outcome.Holds);
        Assert.False(Evaluator.Holds(Attendance(lt: 100), Site(occupancy: 50)));
        Assert.Equal("Excluded because there is no event (attendance applies to events only).", outcome.Reason.En);
        Assert.Equal("Neplatí, protože nejde o akci (návštěvnost akce platí jen pro akce).", outcome.Reason.Cs);
    }

    [Fact]
    public void The_validator_knows_attendance_and_asks_for_a_number()
    {
        var document = Document with
        {
            Measures = [new MeasureTemplate { Key = "EVT-X", Role = "r", Title = new("t", "t"), Guidance = new("g", "g"), Evidence = new("e", "e"), AppliesWhen = new Condition { Attendance = new NumberComparison() } }],
        };

        var problems = MethodologyValidator.Validate(document);

        Assert.Contains(problems, p => p.Path.EndsWith(".attendance", StringComparison.Ordinal) && p.Message.En.Contains("gte, gt, lte or lt", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Message.En.StartsWith("Each rule must be exactly one of", StringComparison.Ordinal));
    }

    [Fact]
    public void The_seeded_library_with_attendance_rules_reads_and_writes_back_the_same()
    {
        var file = MethodologyLibrary.ReadSeed();
        var (again, errors) = LibraryFormat.Read(LibraryFormat.WriteYaml(file));

        Assert.Empty(errors);
        Assert.Equal(5000, again!.Measures.Single(m => m.Key == "EVT-02").AppliesWhen!.Attendance!.Gte);
    }
}
