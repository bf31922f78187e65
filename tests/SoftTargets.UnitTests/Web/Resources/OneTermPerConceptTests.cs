using System.Text.RegularExpressions;

namespace SoftTargets.UnitTests.Web.Resources;

/// <summary>
/// One word for one thing, in each language: the place being protected is a site (objekt), what a methodology asks of it a
/// measure (opatření), what an auditor records a finding (zjištění), the document made for a site its plan (plán), what a
/// drill's review raises an improvement item (nápravný úkol), a measure's periodic look a review (revize), a measure's
/// advice its guidance (pokyny), the highest priority essential (nezbytné), the risk
/// before any measure inherent (výchozí). In Czech "akce" is an event and nothing else.
/// </summary>
public partial class ResourceParityTests
{
    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void English_texts_call_a_site_a_site_and_say_venue_only_in_venue_manager_and_venue_type(string resource)
    {
        var venues = Load(resource + ".resx").Where(t => VenueForSite().IsMatch(t.Value)).Select(t => t.Key).ToList();

        Assert.True(venues.Count == 0, $"{resource}: [{string.Join(", ", venues)}] call a site a venue");
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void English_texts_call_the_document_made_for_a_site_its_plan_never_a_guideline(string resource) =>
        AssertNoEnglish(resource, Guideline(), "call the plan a guideline");

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void English_texts_call_a_measure_a_measure_never_a_control_countermeasure_or_safeguard(string resource) =>
        AssertNoEnglish(resource, MeasureSynonym(), "call a measure by another name");

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void English_texts_call_a_finding_a_finding_never_an_observation_or_issue(string resource) =>
        AssertNoEnglish(resource, FindingSynonym(), "call a finding by another name");

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void English_texts_call_what_a_review_raises_an_improvement_item_never_an_action_or_task(string resource) =>
        AssertNoEnglish(resource, ImprovementSynonym(), "call an improvement item by another name");

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Czech_texts_say_akce_only_for_an_event(string resource) =>
        AssertCzech(resource, (en, cs) => !CzechAkce().IsMatch(cs) || EnglishEvent().IsMatch(en), "say akce for something other than an event");

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Czech_texts_call_a_measure_opatreni(string resource) =>
        AssertCzech(resource, (en, cs) => !EnglishMeasure().IsMatch(en) || cs.Contains("opatření", StringComparison.OrdinalIgnoreCase),
            "speak of a measure without saying opatření");

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Czech_texts_call_a_finding_zjisteni(string resource) =>
        AssertCzech(resource, (en, cs) => !en.Contains("finding", StringComparison.OrdinalIgnoreCase) || cs.Contains("zjištění", StringComparison.OrdinalIgnoreCase),
            "speak of a finding without saying zjištění");

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Czech_texts_call_an_improvement_item_napravny_ukol_never_a_plan_or_an_item_of_improvement(string resource) =>
        AssertCzech(resource, (en, cs) => !CzechImprovementSynonym().IsMatch(cs)
                && (!en.Contains("improvement item", StringComparison.OrdinalIgnoreCase) || cs.Contains("nápravn", StringComparison.OrdinalIgnoreCase)),
            "call an improvement item by another name than nápravný úkol");

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Czech_texts_call_a_measures_review_revize_never_kontrola(string resource) =>
        AssertCzech(resource, (en, cs) => !MeasureReview().IsMatch(en) || !cs.Contains("kontrol", StringComparison.OrdinalIgnoreCase),
            "call a measure's review kontrola");

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Czech_texts_call_guidance_pokyny_and_nothing_else_pokyny(string resource) =>
        AssertCzech(resource, (en, cs) => CzechPokyny().IsMatch(cs) == en.Contains("guidance", StringComparison.OrdinalIgnoreCase),
            "say pokyny for something other than a measure's guidance, or guidance without pokyny");

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Czech_texts_call_an_essential_measure_nezbytne_never_zakladni(string resource) =>
        AssertCzech(resource, (en, cs) => !EnglishEssential().IsMatch(en)
                || (cs.Contains("nezbytn", StringComparison.OrdinalIgnoreCase) && !cs.Contains("základn", StringComparison.OrdinalIgnoreCase)),
            "call the essential priority by another name than nezbytné");

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Czech_texts_call_inherent_risk_vychozi_never_inherentni(string resource) =>
        AssertCzech(resource, (en, cs) => !cs.Contains("inherentní", StringComparison.OrdinalIgnoreCase)
                && (!en.Contains("inherent", StringComparison.OrdinalIgnoreCase) || cs.Contains("výchozí", StringComparison.OrdinalIgnoreCase)),
            "call inherent risk by another name than výchozí riziko");

    [Fact]
    public void The_term_checks_can_fail()
    {
        Assert.Matches(Guideline(), "each event gets its own guideline");
        Assert.Matches(MeasureSynonym(), "Security controls");
        Assert.Matches(FindingSynonym(), "Record an observation");
        Assert.Matches(ImprovementSynonym(), "Improvement actions");
        Assert.Matches(CzechAkce(), "K této akci nemáte oprávnění.");
        Assert.DoesNotMatch(EnglishEvent(), "You are not allowed to do this.");
        Assert.Matches(CzechImprovementSynonym(), "Zatím žádné položky plánu zlepšení.");
        Assert.Matches(MeasureReview(), "Reviews due in 30 days");
        Assert.DoesNotMatch(MeasureReview(), "After-action review");
        Assert.Matches(CzechPokyny(), "každá akce dostane vlastní pokyny");
        Assert.Matches(EnglishEssential(), "Essential measures implemented (%)");
    }

    private static void AssertNoEnglish(string resource, Regex synonym, string says)
    {
        var found = Load(resource + ".resx").Where(t => synonym.IsMatch(t.Value)).Select(t => t.Key).ToList();

        Assert.True(found.Count == 0, $"{resource}: [{string.Join(", ", found)}] {says}");
    }

    private static void AssertCzech(string resource, Func<string, string, bool> keepsTheTerm, string says)
    {
        var (english, czech) = (Load(resource + ".resx"), Load(resource + ".cs.resx"));
        var found = english.Keys.Intersect(czech.Keys).Where(key => !keepsTheTerm(english[key], czech[key])).Order(StringComparer.Ordinal).ToList();

        Assert.True(found.Count == 0, $"{resource}.cs: [{string.Join(", ", found)}] {says}");
    }

    [GeneratedRegex(@"\bvenues?\b(?!['’]?s?\s+(managers?|types?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex VenueForSite();

    [GeneratedRegex(@"\bguidelines?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Guideline();

    [GeneratedRegex(@"\b(controls?|countermeasures?|safeguards?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MeasureSynonym();

    [GeneratedRegex(@"\b(observations?|issues?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FindingSynonym();

    [GeneratedRegex(@"\bimprovement\s+(actions?|tasks?|points?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ImprovementSynonym();

    [GeneratedRegex(@"\bmeasures?\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishMeasure();

    [GeneratedRegex(@"\bevents?\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishEvent();

    [GeneratedRegex(@"\bessential\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishEssential();

    /// <summary>A measure's review (its next review, reviews coming due), not the after-action review of a drill nor the wizard's last step.</summary>
    [GeneratedRegex(@"(?<!after-action\s)\breviews?\b(?!\s+and\s+save)", RegexOptions.IgnoreCase)]
    private static partial Regex MeasureReview();

    [GeneratedRegex(@"\bakc(e|i|í|emi|ích|ím)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CzechAkce();

    [GeneratedRegex(@"položk\w*\s+(plánu\s+)?zlepšení|plán\w*\s+zlepšení", RegexOptions.IgnoreCase)]
    private static partial Regex CzechImprovementSynonym();

    [GeneratedRegex(@"\bpokyn", RegexOptions.IgnoreCase)]
    private static partial Regex CzechPokyny();
}
