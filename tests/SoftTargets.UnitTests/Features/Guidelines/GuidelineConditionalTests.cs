using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Guidelines;
using static SoftTargets.UnitTests.Features.Guidelines.GuidelineTestData;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Features.Guidelines;

public class GuidelineConditionalTests
{
    private static readonly MethodologyDocument Conditional = Small with
    {
        Attributes = [.. Small.Attributes, new("open-space", new("Open space", "Otevřené prostranství"))],
        Measures =
        [
            .. Small.Measures.Take(2),
            Small.Measures[2] with
            {
                AppliesWhen = null,
                Variants =
                [
                    new MeasureVariant { When = Attribute("open-space"), Title = new("Close the access routes", "Uzavřít přístupové cesty") },
                    new MeasureVariant { When = Attribute("outdoor-queues"), Guidance = new("Queues first.", "Nejdřív fronty.") },
                    new MeasureVariant { When = VenueTypeIn("stadium"), Title = new("Never chosen after a match", "Nikdy") },
                ],
            },
            .. Small.Measures.Skip(3),
        ],
        Playbooks =
        [
            Small.Playbooks[0] with
            {
                Steps =
                [
                    .. Small.Playbooks[0].Steps.Take(1),
                    Small.Playbooks[0].Steps[1] with { When = Not(Attribute("open-space")) },
                    new PlaybookStep
                    {
                        Key = "PB-FIREARMS-P1-01-OPEN", Phase = IncidentPhase.P1, Procedure = Procedure.Lockdown, Role = "security-lead",
                        Text = new("Stop anyone entering {zone.name}.", "Zastavte vstup do zóny {zone.name}."), When = Attribute("open-space"),
                    },
                    .. Small.Playbooks[0].Steps.Skip(2),
                ],
            },
            Small.Playbooks[1],
        ],
    };

    private static readonly GuidelineGenerator Generator = new(Conditional, "conditional-v1");

    [Fact]
    public void A_conditional_step_appears_only_where_its_condition_holds_and_says_why()
    {
        var building = Generator.Generate(FullSite).Playbooks.Single();
        var square = Generator.Generate(FullSite with { Attributes = ["open-space"] }).Playbooks.Single();

        Assert.Contains("PB-FIREARMS-P1-01", building.Steps.Select(s => s.Key));
        Assert.DoesNotContain("PB-FIREARMS-P1-01-OPEN", building.Steps.Select(s => s.Key));
        Assert.DoesNotContain("PB-FIREARMS-P1-01", square.Steps.Select(s => s.Key));
        var open = Assert.Single(square.Steps, s => s.Key == "PB-FIREARMS-P1-01-OPEN");
        Assert.Equal("Stop anyone entering Main hall.", open.Text.En);
        Assert.Equal("Applies because attribute “Open space” is set.", open.Reason!.En);
        Assert.Equal("Platí, protože vlastnost „Otevřené prostranství“ je nastavena.", open.Reason.Cs);
        Assert.Null(square.Steps[0].Reason);
    }

    [Fact]
    public void A_step_left_out_is_listed_with_its_reason_and_the_procedure_stays_covered()
    {
        var guideline = Generator.Generate(FullSite with { Attributes = ["open-space"] });

        var leftOut = Assert.Single(guideline.Playbooks.Single().LeftOut!);
        Assert.Equal(("PB-FIREARMS-P1-01", Procedure.Lockdown), (leftOut.Key, leftOut.Procedure));
        Assert.Equal("Excluded because attribute “Open space” is set.", leftOut.Reason.En);
        Assert.Empty(guideline.Gaps);
        Assert.Equal(["PB-FIREARMS-P1-01-OPEN"], Generator.Generate(FullSite).Playbooks.Single().LeftOut!.Select(s => s.Key));
        Assert.Null(SmallGenerator.Generate(FullSite).Playbooks.Single().LeftOut);
    }

    [Fact]
    public void The_first_measure_text_variant_that_holds_gives_the_title_and_the_reason()
    {
        var square = Generator.Generate(FullSite with { Attributes = ["open-space", "outdoor-queues"] }).Measures.Single(m => m.Key == "ACC-01");
        var queues = Generator.Generate(FullSite).Measures.Single(m => m.Key == "ACC-01");

        Assert.Equal(("Close the access routes", "Uzavřít přístupové cesty", 0), (square.Title.En, square.Title.Cs, square.Variant));
        Assert.Equal("Applies because attribute “Open space” is set.", square.VariantReason!.En);
        Assert.Equal(1, queues.Variant);
        Assert.Equal("Title ACC-01", queues.Title.En);
    }

    [Fact]
    public void Without_a_matching_variant_a_measure_keeps_its_own_texts()
    {
        var measure = Generator.Generate(FullSite with { VenueTypeKey = "school", Attributes = [] }).Measures.Single(m => m.Key == "ACC-01");

        Assert.Equal("Title ACC-01", measure.Title.En);
        Assert.Null(measure.Variant);
        Assert.Null(measure.VariantReason);
    }

    [Fact]
    public void The_seeded_library_gives_an_open_square_no_locked_entrances_and_no_facade()
    {
        var square = new SiteSnapshot
        {
            Name = "Náměstí Svobody", Address = "Náměstí Svobody, Brno", VenueTypeKey = "open-air-event", MaxOccupancy = 5000,
            Attributes = ["open-space", "outdoor-queues"],
            Zones = [new ZoneSnapshot("Upper square", 3000, 4, "Česká street", "Ground floor of the town hall")],
            Threats = [new ThreatSnapshot("firearms", 2, 5, 2, 4), new ThreatSnapshot("vehicle-as-weapon", 3, 5, 2, 4)],
        };

        var guideline = SeededGenerator.Generate(square);

        var steps = guideline.Playbooks.SelectMany(p => p.Steps).ToList();
        Assert.DoesNotContain(steps, s => s.Key is "PB-FIREARMS-P0-02" or "PB-FIREARMS-P1-01" or "PB-VEHICLE-AS-WEAPON-P1-02" or "PB-VEHICLE-AS-WEAPON-P1-03");
        Assert.DoesNotContain(steps, s => s.Text.En.Contains("façade", StringComparison.Ordinal) || s.Text.Cs.Contains("fasád", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Key == "PB-FIREARMS-P1-01-OPEN");
        Assert.DoesNotContain(guideline.Gaps, g => g.Kind == Core.Domain.Plans.GapKind.MissingProcedure);
        Assert.Equal("Be able to close off the access routes quickly", guideline.Measures.Single(m => m.Key == "ACC-01").Title.En);

        var arena = SeededGenerator.Generate(square with { Attributes = ["outdoor-queues"], VenueTypeKey = "stadium" });
        Assert.Contains(arena.Playbooks.SelectMany(p => p.Steps), s => s.Key == "PB-FIREARMS-P1-01");
        Assert.Equal("Be able to lock every entrance quickly", arena.Measures.Single(m => m.Key == "ACC-01").Title.En);
    }
}
