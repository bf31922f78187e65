using System.Globalization;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Methodology.Library;

namespace SoftTargets.UnitTests.Features.Methodology;

/// <summary>A methodology declares the languages its texts are written in; the validator asks for those and no others.</summary>
public sealed class MethodologyLanguageTests
{
    private static MethodologyDocument Document(IReadOnlyList<string> languages, Func<string, LocalizedText> text) => new()
    {
        Title = text("Test"),
        Languages = languages,
        Roles = [new CatalogItem("lead", text("Lead"))],
        VenueTypes = [new CatalogItem("hall", text("Hall"))],
        ThreatTypes = [new CatalogItem("fire", text("Fire"))],
        Regions = [new CatalogItem("north", text("North"))],
        MeasureCategories = [new CatalogItem("governance", text("Governance"))],
        Measures =
        [
            new MeasureTemplate { Key = "GOV-01", Category = "governance", Role = "lead", Title = text("Plan"), Guidance = text("Write it."), Evidence = text("The plan") },
        ],
        Playbooks =
        [
            new PlaybookTemplate
            {
                Key = "PB-FIRE", Threat = "fire",
                Steps = Enum.GetValues<Procedure>().Where(p => p != Procedure.Other).Select((p, i) => new PlaybookStep
                {
                    Key = $"PB-FIRE-P1-0{i + 1}", Phase = IncidentPhase.P1, Procedure = p, Role = "lead", Text = text($"Step {i + 1} at {{site.name}}"),
                }).ToList(),
            },
        ],
    };

    private static LocalizedText English(string en) => new(en, "");
    private static LocalizedText Czech(string cs) => new("", cs);
    private static LocalizedText Both(string text) => new(text, text + " (cs)");

    [Fact]
    public void An_english_only_methodology_is_valid_without_any_czech_text()
    {
        Assert.Empty(MethodologyValidator.Validate(Document(["en"], English), "english-only"));
    }

    [Fact]
    public void A_czech_only_methodology_is_valid_without_any_english_text()
    {
        Assert.Empty(MethodologyValidator.Validate(Document(["cs"], Czech), "czech-only"));
    }

    [Fact]
    public void A_declared_language_is_required_in_every_text()
    {
        var problems = MethodologyValidator.Validate(Document(["en"], Czech), "english-only");

        Assert.Contains(problems, p => p.Path == "$.title" && p.Message.En == "Write the text in English (en).");
        Assert.Contains(problems, p => p.Path == "$.measures[0].guidance");
        Assert.Contains(problems, p => p.Path == "$.playbooks[0].steps[0].text");
        Assert.DoesNotContain(problems, p => p.Message.En.Contains("Czech", StringComparison.Ordinal));
    }

    [Fact]
    public void Content_that_declares_no_languages_needs_both_as_before()
    {
        var document = Document(["en"], English) with { Languages = MethodologyDocument.Empty.Languages };

        var problems = MethodologyValidator.Validate(document, "both");

        Assert.Equal(["en", "cs"], MethodologyDocument.Empty.Languages);
        Assert.Contains(problems, p => p.Path == "$.title" && p.Message.En == "Write the text in both English (en) and Czech (cs).");
        Assert.Empty(MethodologyValidator.Validate(Document(["en", "cs"], Both), "both"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("de")]
    [InlineData("en,en")]
    public void Languages_must_be_known_listed_once_and_at_least_one(string list)
    {
        var languages = list.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var problem = Assert.Single(MethodologyValidator.Validate(Document(languages, Both), "test"));

        Assert.Equal("$.languages", problem.Path);
        Assert.Contains("en, cs", problem.Message.En);
    }

    [Fact]
    public void An_english_only_library_file_reads_without_czech_members_and_exports_its_languages()
    {
        const string yaml = """
            methodology: english-only
            version: 1
            title: { en: "Test" }
            languages: [en]
            roles: [ { key: lead, name: { en: "Lead" } } ]
            venueTypes: [ { key: hall, name: { en: "Hall" } } ]
            regions: [ { key: North, name: { en: "North" } } ]
            measureCategories: [ { key: governance, name: { en: "Governance" } } ]
            measures:
              - { key: GOV-01, category: governance, priority: essential, role: lead, title: { en: "Plan" }, guidance: { en: "Write it." }, evidence: { en: "The plan" } }
            """;

        var (read, errors) = LibraryFormat.Read(yaml);

        Assert.Empty(errors);
        Assert.Equal(["en"], read!.Languages);
        Assert.Equal(("Plan", ""), (read.Measures[0].Title.En, read.Measures[0].Title.Cs));
        Assert.Equal(["en"], read.ToDocument().Languages);
        Assert.Contains("languages:", LibraryFormat.WriteYaml(read));
    }

    [Fact]
    public void A_text_reads_in_the_language_it_has_when_the_readers_language_is_missing()
    {
        var czech = new CultureInfo("cs-CZ");
        var english = new CultureInfo("en-GB");

        Assert.Equal("Theatre", English("Theatre").For(czech));
        Assert.Equal("Divadlo", Czech("Divadlo").For(english));
        Assert.Equal("Divadlo", new LocalizedText("Theatre", "Divadlo").For(czech));
        Assert.Equal("Theatre", new LocalizedText("Theatre", "Divadlo").For(english));
    }
}
