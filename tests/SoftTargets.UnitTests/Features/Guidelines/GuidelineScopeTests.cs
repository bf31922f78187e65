using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Guidelines;
using static SoftTargets.UnitTests.Features.Guidelines.GuidelineTestData;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Features.Guidelines;

public class GuidelineScopeTests
{
    private static readonly GuidelineGenerator Scoped = new(Small with
    {
        Scope = new MethodologyScope { When = Occupancy(gte: 50), Baseline = ["GOV-01", "ACC-01"] },
    }, "scoped-v1");

    private static readonly SiteSnapshot Cafe = FullSite with
    {
        MaxOccupancy = 30,
        Contacts = [.. FullSite.Contacts.Where(c => !c.IsDeputy)],
    };

    [Fact]
    public void A_site_below_the_scope_gets_only_the_baseline_measures()
    {
        var guideline = Scoped.Generate(Cafe);

        Assert.Equal(["GOV-01", "ACC-01"], guideline.Applicable.Select(m => m.Key));
        var other = guideline.Measures.Single(m => m.Key == "RES-01");
        Assert.Equal("Not required: the site is outside the scope of the methodology, and this measure is not part of its baseline.", other.Reason.En);
        Assert.Equal("Nevyžaduje se: objekt je mimo působnost metodiky a toto opatření nepatří k jejímu základu.", other.Reason.Cs);
    }

    [Fact]
    public void The_guideline_says_plainly_that_the_site_is_out_of_scope_and_what_that_means()
    {
        var notice = Scoped.Generate(Cafe).OutOfScope!;

        Assert.StartsWith("Outside the scope of the methodology because occupancy 30 < 50. The site gets a short baseline instead of the full plan: only the 2 baseline measures apply",
            notice.En);
        Assert.Contains("no deputies are asked for", notice.En);
        Assert.StartsWith("Mimo působnost metodiky, protože obsazenost 30 < 50. Objekt dostává místo úplného plánu krátký základ", notice.Cs);
        Assert.Contains("zástupci se nepožadují", notice.Cs);
    }

    [Fact]
    public void A_site_out_of_scope_is_not_asked_for_deputies()
    {
        var guideline = Scoped.Generate(Cafe);

        Assert.DoesNotContain(guideline.Gaps, g => g.Kind == GapKind.NoDeputy || g.Subject.EndsWith(".deputy", StringComparison.Ordinal));
        Assert.Empty(guideline.Gaps);
        Assert.Equal("When Jana Nováková is absent, [no deputy named] takes over; call +420 601 000 001.", guideline.Playbooks.Single().Steps[0].Text.En);
        Assert.Equal("V nepřítomnosti Jana Nováková zastupuje [zástupce neurčen]; volejte +420 601 000 001.", guideline.Playbooks.Single().Steps[0].Text.Cs);
    }

    [Fact]
    public void A_site_within_the_scope_gets_the_full_plan_and_deputy_gaps()
    {
        var guideline = Scoped.Generate(Cafe with { MaxOccupancy = 50 });

        Assert.Null(guideline.OutOfScope);
        Assert.Contains(guideline.Applicable, m => m.Key == "RES-01");
        Assert.Contains(guideline.Gaps, g => g.Kind == GapKind.NoDeputy);
        Assert.Null(SmallGenerator.Generate(Cafe).OutOfScope);
    }

    [Fact]
    public void The_seeded_library_puts_a_small_cafe_out_of_scope_but_not_a_small_school()
    {
        var cafe = Site("restaurant-bar", 40, "firearms");

        var guideline = SeededGenerator.Generate(cafe);

        Assert.NotNull(guideline.OutOfScope);
        Assert.Equal(["GOV-12", "DET-03", "RES-09", "TRN-01", "COM-10"], guideline.Applicable.Select(m => m.Key));
        Assert.DoesNotContain(guideline.Gaps, g => g.Kind == GapKind.NoDeputy);
        Assert.Null(SeededGenerator.Generate(cafe with { VenueTypeKey = "school", Attributes = ["children-present"] }).OutOfScope);
    }
}
