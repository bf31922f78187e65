using System.Globalization;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Web.Features.Methodology.Rules;
using static SoftTargets.UnitTests.Web.Methodology.RuleCatalog;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Web.Methodology;

public class RuleSummaryTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Czech = CultureInfo.GetCultureInfo("cs-CZ");

    private static string En(Condition? rule) => RuleSummary.Describe(rule, Document, English);

    private static string Cs(Condition? rule) => RuleSummary.Describe(rule, Document, Czech);

    [Fact]
    public void No_rule_applies_to_every_site()
    {
        Assert.Equal("Applies to every site", En(null));
        Assert.Equal("Platí pro každý objekt", Cs(null));
    }

    [Fact]
    public void Venue_types_are_named_from_the_catalogue_and_joined_with_or()
    {
        Assert.Equal("Venue type is Stadium", En(VenueTypeIn("stadium")));
        Assert.Equal("Venue type is Stadium, Arena or School", En(VenueTypeIn("stadium", "arena", "school")));
        Assert.Equal("Typ objektu je Stadion, Aréna nebo Škola", Cs(VenueTypeIn("stadium", "arena", "school")));
    }

    [Fact]
    public void Occupancy_shows_every_comparison_with_the_number_in_the_culture()
    {
        Assert.Equal("Occupancy ≥ 800", En(Occupancy(gte: 800)));
        Assert.Equal("Occupancy > 199 and < 1,200", En(Occupancy(gt: 199, lt: 1200)));
        Assert.Equal("Occupancy ≤ 50", En(Occupancy(lte: 50)));
        Assert.Equal("Obsazenost > 199 a < 1\u00a0200", Cs(Occupancy(gt: 199, lt: 1200)));
    }

    [Fact]
    public void Attribute_is_named_in_quotes()
    {
        Assert.Equal("Attribute “Queues form outside” is set", En(Attribute("outdoor-queues")));
        Assert.Equal("Vlastnost „Fronty se tvoří venku“ je nastavena", Cs(Attribute("outdoor-queues")));
    }

    [Fact]
    public void Threat_is_assessed_with_or_without_a_minimum_risk()
    {
        Assert.Equal("Firearms attack is assessed", En(Threat("firearms")));
        Assert.Equal("Firearms attack is assessed with risk at least 12", En(Threat("firearms", 12)));
        Assert.Equal("Hrozba Útok střelnou zbraní je posouzena", Cs(Threat("firearms")));
        Assert.Equal("Hrozba Útok střelnou zbraní je posouzena s rizikem alespoň 12", Cs(Threat("firearms", 12)));
    }

    [Fact]
    public void Tiers_are_named_from_the_catalogue()
    {
        Assert.Equal("Tier is Enhanced or Standard", En(TierIn("enhanced", "standard")));
        Assert.Equal("Úroveň je Rozšířená nebo Standardní", Cs(TierIn("enhanced", "standard")));
    }

    [Fact]
    public void All_joins_with_and()
    {
        var rule = All(Occupancy(gte: 800), VenueTypeIn("stadium", "arena"));

        Assert.Equal("Occupancy ≥ 800 and venue type is Stadium or Arena", En(rule));
        Assert.Equal("Obsazenost ≥ 800 a typ objektu je Stadion nebo Aréna", Cs(rule));
    }

    [Fact]
    public void Any_joins_with_or()
    {
        var rule = Any(Attribute("outdoor-queues"), TierIn("enhanced"));

        Assert.Equal("Attribute “Queues form outside” is set or tier is Enhanced", En(rule));
        Assert.Equal("Vlastnost „Fronty se tvoří venku“ je nastavena nebo úroveň je Rozšířená", Cs(rule));
    }

    [Fact]
    public void Not_wraps_its_condition()
    {
        Assert.Equal("Not (venue type is School)", En(Not(VenueTypeIn("school"))));
        Assert.Equal("Neplatí (typ objektu je Škola)", Cs(Not(VenueTypeIn("school"))));
    }

    [Fact]
    public void Nested_combinations_are_put_in_parentheses()
    {
        var rule = All(
            Any(Attribute("outdoor-queues"), Threat("firearms", 12)),
            Not(Any(VenueTypeIn("school"), Occupancy(lt: 200))));

        Assert.Equal(
            "(Attribute “Queues form outside” is set or Firearms attack is assessed with risk at least 12) and not (venue type is School or occupancy < 200)",
            En(rule));
        Assert.Equal(
            "(Vlastnost „Fronty se tvoří venku“ je nastavena nebo hrozba Útok střelnou zbraní je posouzena s rizikem alespoň 12) a neplatí (typ objektu je Škola nebo obsazenost < 200)",
            Cs(rule));
    }

    [Fact]
    public void A_combination_of_one_needs_no_parentheses()
    {
        Assert.Equal("Occupancy ≥ 800 and venue type is Arena", En(All(Occupancy(gte: 800), Any(VenueTypeIn("arena")))));
    }

    [Fact]
    public void Unknown_keys_are_shown_as_they_are()
    {
        Assert.Equal("Venue type is museum or Stadium", En(VenueTypeIn("museum", "stadium")));
    }

    [Fact]
    public void Unfinished_nodes_say_what_is_missing()
    {
        Assert.Equal("Condition (not chosen yet)", En(new Condition()));
        Assert.Equal("No conditions yet", En(new Condition { All = [] }));
        Assert.Equal("Venue type (not chosen yet)", En(VenueTypeIn()));
        Assert.Equal("Occupancy (no number yet)", En(Occupancy()));
        Assert.Equal("Attribute (not chosen yet)", En(Attribute("")));
        Assert.Equal("Threat (not chosen yet)", En(Threat("")));
        Assert.Equal("Tier (not chosen yet)", En(TierIn()));
        Assert.Equal("Podmínka (zatím nevybrána) a obsazenost (zatím bez čísla)", Cs(All(new Condition(), Occupancy())));
    }

    [Fact]
    public void Describe_uses_the_given_culture_not_the_current_one()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Czech;
            Assert.Equal("Occupancy ≥ 800", En(Occupancy(gte: 800)));
            Assert.Equal("Obsazenost ≥ 800", RuleSummary.Describe(Occupancy(gte: 800), Document, CultureInfo.CurrentUICulture));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
