using System.Globalization;
using System.Xml.Linq;
using SoftTargets.Core.Features.Texts;

namespace SoftTargets.UnitTests.Web.Resources;

/// <summary>
/// A count the pages say as a sentence reads in the language's plural form (Czech: 1, 2–4, 5 and more) instead of a
/// label, a colon and a number ("Vybraná opatření: 5").
/// </summary>
public class CountSentenceTests
{
    private static readonly CultureInfo Czech = CultureInfo.GetCultureInfo("cs-CZ");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Theory]
    [InlineData("PlanStrings", "Bulk_Selected", 1, "Vybráno 1 opatření")]
    [InlineData("PlanStrings", "Bulk_Selected", 2, "Vybrána 2 opatření")]
    [InlineData("PlanStrings", "Bulk_Selected", 5, "Vybráno 5 opatření")]
    [InlineData("PlanStrings", "Bulk_Selected", 0, "Vybráno 0 opatření")]
    [InlineData("PlanStrings", "Bulk_Saved", 1, "Změněno 1 opatření.")]
    [InlineData("PlanStrings", "Bulk_Saved", 2, "Změněna 2 opatření.")]
    [InlineData("PlanStrings", "Bulk_Saved", 5, "Změněno 5 opatření.")]
    [InlineData("PlanStrings", "Bulk_Title", 1, "Změnit 1 vybrané opatření")]
    [InlineData("PlanStrings", "Bulk_Title", 2, "Změnit 2 vybraná opatření")]
    [InlineData("PlanStrings", "Bulk_Title", 5, "Změnit 5 vybraných opatření")]
    [InlineData("EventStrings", "Upcoming_Count", 1, "1 nadcházející akce")]
    [InlineData("EventStrings", "Upcoming_Count", 2, "2 nadcházející akce")]
    [InlineData("EventStrings", "Upcoming_Count", 5, "5 nadcházejících akcí")]
    [InlineData("AssessmentStrings", "Table_SuggestedWhy", 1, "Při vysokém hodnocení by tato hrozba objektu jako váš přidala 1 opatření:")]
    [InlineData("AssessmentStrings", "Table_SuggestedWhy", 2, "Při vysokém hodnocení by tato hrozba objektu jako váš přidala 2 opatření:")]
    [InlineData("AssessmentStrings", "Table_SuggestedWhy", 5, "Při vysokém hodnocení by tato hrozba objektu jako váš přidala 5 opatření:")]
    [InlineData("DashboardStrings", "Fig_Drills", 1, "Cvičení za posledních 12 měsíců (1 objekt)")]
    [InlineData("DashboardStrings", "Fig_Drills", 2, "Cvičení za posledních 12 měsíců (2 objekty)")]
    [InlineData("DashboardStrings", "Fig_Drills", 5, "Cvičení za posledních 12 měsíců (5 objektů)")]
    public void Czech_counts_read_as_words_for_one_few_and_many(string resource, string key, int count, string expected)
    {
        Assert.Equal(expected, Plural.Format(Czech, Value(resource + ".cs.resx", key), count));
    }

    [Theory]
    [InlineData(1, "Zobrazen 1 krok (Všechny role)")]
    [InlineData(2, "Zobrazeny 2 kroky (Všechny role)")]
    [InlineData(5, "Zobrazeno 5 kroků (Všechny role)")]
    public void Czech_shown_steps_read_as_words_and_keep_the_choice(int count, string expected)
    {
        Assert.Equal(expected, Plural.Format(Czech, Value("ReadinessStrings.cs.resx", "Playbooks_Shown"), count, "Všechny role"));
    }

    [Theory]
    [InlineData(1, "Zde: získáno 3 z 9 bodů váhy; 1 opatření vyřazeno.")]
    [InlineData(2, "Zde: získáno 3 z 9 bodů váhy; 2 opatření vyřazena.")]
    [InlineData(5, "Zde: získáno 3 z 9 bodů váhy; 5 opatření vyřazeno.")]
    public void Czech_score_counts_say_how_many_measures_are_set_aside_in_words(int setAside, string expected)
    {
        Assert.Equal(expected, Plural.Format(Czech, Value("DashboardStrings.cs.resx", "Score_Counts"), 3, 9, setAside));
    }

    [Theory]
    [InlineData("PlanStrings", "Bulk_Selected", 1, "1 measure chosen")]
    [InlineData("PlanStrings", "Bulk_Selected", 2, "2 measures chosen")]
    [InlineData("PlanStrings", "Bulk_Saved", 1, "1 measure changed.")]
    [InlineData("PlanStrings", "Bulk_Title", 5, "Change 5 chosen measures")]
    [InlineData("EventStrings", "Upcoming_Count", 1, "1 upcoming event")]
    [InlineData("EventStrings", "Upcoming_Count", 5, "5 upcoming events")]
    [InlineData("AssessmentStrings", "Table_SuggestedWhy", 1, "Assessed high, this threat would add 1 measure to a site like yours:")]
    public void English_counts_read_as_words(string resource, string key, int count, string expected)
    {
        Assert.Equal(expected, Plural.Format(English, Value(resource + ".resx", key), count));
    }

    private static string Value(string file, string key)
    {
        var root = XDocument.Load(Path.Combine(RepositoryFolder.Root, "src", "SoftTargets.Web", "Resources", file)).Root!;
        return root.Elements("data").Single(d => (string?)d.Attribute("name") == key).Element("value")!.Value;
    }
}
