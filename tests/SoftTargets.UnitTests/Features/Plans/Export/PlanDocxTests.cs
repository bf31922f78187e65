using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Plans.Export;
using static SoftTargets.UnitTests.Features.Plans.Export.ExportTestData;

namespace SoftTargets.UnitTests.Features.Plans.Export;

public class PlanDocxTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Czech = CultureInfo.GetCultureInfo("cs-CZ");

    [Fact]
    public void The_document_holds_the_site_its_measures_playbook_steps_and_contacts()
    {
        var data = Data();

        using var document = Open(PlanDocx.Write(data, English));

        var text = BodyText(document);
        var measure = data.Guideline.Applicable.First();
        var step = data.Guideline.Playbooks.SelectMany(p => p.Steps).First(s => s.Text.En.Contains("Riverside Arena"));
        Assert.Contains("Riverside Arena", text);
        Assert.Contains(measure.Key, text);
        Assert.Contains(measure.Title.En, text);
        Assert.Contains(step.Text.En, text);
        Assert.Contains("Jana Nováková", text);
        Assert.Contains("Petr Svoboda", text);
        Assert.Contains("North stand", text);
        Assert.Contains("P1 Immediate response", text);
        Assert.Contains("Arena Operator a.s.", text);
    }

    [Fact]
    public void The_document_is_valid_Office_2019_in_both_languages()
    {
        var data = Data();

        using var english = Open(PlanDocx.Write(data, English));
        using var czech = Open(PlanDocx.Write(data, Czech));

        AssertValid(english);
        AssertValid(czech);
    }

    [Fact]
    public void Czech_culture_writes_Czech_labels_and_texts()
    {
        var data = Data();

        using var document = Open(PlanDocx.Write(data, Czech));

        var text = BodyText(document);
        Assert.Contains("Shrnutí", text);
        Assert.Contains("Kontakty", text);
        Assert.Contains("Scénáře reakce", text);
        Assert.Contains("P1 Okamžitá reakce", text);
        Assert.Contains("Hlavní město Praha", text);
        Assert.Contains(data.Guideline.Applicable.First().Title.Cs, text);
        Assert.DoesNotContain("Immediate response", text);
        Assert.Equal("Riverside Arena – plán připravenosti", document.PackageProperties.Title);
    }

    [Fact]
    public void Styles_define_title_headings_and_a_table_style_and_the_body_uses_them()
    {
        using var document = Open(PlanDocx.Write(Data(), English));

        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToList();
        Assert.Contains(styles, s => s.StyleId == "Heading1" && s.StyleParagraphProperties?.OutlineLevel?.Val?.Value == 0);
        Assert.Contains(styles, s => s.StyleId == "Heading2" && s.StyleParagraphProperties?.OutlineLevel?.Val?.Value == 1);
        Assert.Contains(styles, s => s.StyleId == "Title");
        Assert.Contains(styles, s => s.Type?.Value == StyleValues.Table);
        var used = document.MainDocumentPart.Document.Body!.Descendants<ParagraphStyleId>().Select(p => p.Val?.Value).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Title", "Heading1", "Heading2", "Heading3" }, used);
    }

    [Fact]
    public void Every_table_starts_with_a_repeating_header_row()
    {
        using var document = Open(PlanDocx.Write(Data(), English));

        var tables = document.MainDocumentPart!.Document.Body!.Elements<Table>().ToList();
        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>()));
    }

    [Fact]
    public void The_core_properties_title_names_the_site()
    {
        using var document = Open(PlanDocx.Write(Data(), English));

        Assert.Equal("Riverside Arena – readiness plan", document.PackageProperties.Title);
    }

    [Fact]
    public void Measures_show_their_tracked_state_and_generated_at_is_in_Prague_time()
    {
        var data = Data();

        using var document = Open(PlanDocx.Write(data, English));

        var text = BodyText(document);
        Assert.Contains("Implemented", text);
        Assert.Contains("2 evidence files", text);
        Assert.Contains("31 Mar 2026", text);
        Assert.Contains("1 Jun 2026 12:00 (Prague time)", text);
    }

    [Fact]
    public void Applicable_measures_are_in_the_category_tables_and_the_others_in_the_appendix_with_their_reason()
    {
        var data = Data();
        var excluded = data.Guideline.Measures.First(m => !m.Applies);

        using var document = Open(PlanDocx.Write(data, English));

        var body = document.MainDocumentPart!.Document.Body!;
        var appendix = body.Elements<Paragraph>().Single(p => p.InnerText == "Appendix: measures that do not apply");
        var before = string.Concat(body.Elements().TakeWhile(e => e != appendix).Select(e => e.InnerText));
        var after = string.Concat(body.Elements().SkipWhile(e => e != appendix).Select(e => e.InnerText));
        Assert.DoesNotContain(excluded.Title.En, before);
        Assert.Contains(excluded.Title.En, after);
        Assert.Contains(excluded.Reason.En, after);
        Assert.Contains(data.Guideline.Applicable.Last().Title.En, before);
    }

    [Fact]
    public void Playbook_steps_are_grouped_by_phase_under_a_threat_heading_with_its_risk()
    {
        using var document = Open(PlanDocx.Write(Data(), English));

        var headings = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "Heading2" or "Heading3")
            .Select(p => p.InnerText).ToList();
        var firearms = headings.IndexOf("Firearms attack (inherent risk 15)");
        Assert.True(firearms >= 0, string.Join(" | ", headings));
        var phases = headings.Skip(firearms + 1).TakeWhile(h => h.StartsWith('P')).ToList();
        Assert.Equal(phases.Order(StringComparer.Ordinal), phases);
        Assert.Contains("P0 Preparedness", phases);
        Assert.Contains("P2 Until responders take over", phases);
    }

    [Fact]
    public void Gaps_are_listed_and_a_site_without_threats_says_it_has_no_playbooks()
    {
        var data = Data(Stadium() with { Threats = [], Contacts = [] });
        Assert.NotEmpty(data.Guideline.Gaps);

        using var document = Open(PlanDocx.Write(data, English));

        var text = BodyText(document);
        Assert.Contains(data.Guideline.Gaps[0].Message.En, text);
        Assert.Contains("No threat has been assessed", text);
        Assert.Contains("No contacts have been entered.", text);
        AssertValid(document);
    }

    [Fact]
    public void Control_characters_in_user_text_do_not_break_the_document()
    {
        var site = Stadium("Arena\u0001 Nord\u000B") with
        {
            Contacts = [new("security-lead", "Jana\u0000 Nováková", "+420\u001F 601", "jana\uD800@example.cz", false)],
        };

        using var document = Open(PlanDocx.Write(Data(site), English));

        AssertValid(document);
        var text = BodyText(document);
        Assert.Contains("Arena Nord", text);
        Assert.Contains("Jana Nováková", text);
        Assert.Contains("jana@example.cz", text);
        Assert.Equal("Arena Nord – readiness plan", document.PackageProperties.Title);
    }

    [Fact]
    public void Zone_values_of_several_zones_are_one_line_each_in_both_languages()
    {
        var data = Data();

        using var english = Open(PlanDocx.Write(data, English));
        using var czech = Open(PlanDocx.Write(data, Czech));

        Assert.Contains(ZoneLines(english), t => t == "• North stand – assembly point: Car park P1");
        Assert.Contains(ZoneLines(english), t => t == "• South stand – assembly point: Tram loop");
        Assert.Contains(ZoneLines(czech), t => t == "• South stand – shromaždiště: Tram loop");
        var run = english.MainDocumentPart!.Document.Body!.Descendants<Text>().First(t => t.Text == "• North stand – assembly point: Car park P1").Parent!;
        Assert.IsType<Break>(run.FirstChild);
    }

    [Fact]
    public void A_site_out_of_scope_reads_so_in_the_summary_and_above_the_gaps()
    {
        var data = Data(Stadium() with { VenueTypeKey = "restaurant-bar", MaxOccupancy = 30, Attributes = [] });

        using var english = Open(PlanDocx.Write(data, English));
        using var czech = Open(PlanDocx.Write(data, Czech));

        Assert.NotNull(data.Guideline.OutOfScope);
        Assert.Contains("Outside the methodology's scope", BodyText(english));
        Assert.Equal(2, CountOf(BodyText(english), data.Guideline.OutOfScope!.En));
        Assert.Equal(2, CountOf(BodyText(czech), data.Guideline.OutOfScope.Cs));
    }

    private static List<string> ZoneLines(DocumentFormat.OpenXml.Packaging.WordprocessingDocument document) =>
        document.MainDocumentPart!.Document.Body!.Descendants<Text>().Select(t => t.Text).Where(t => t.StartsWith("• ", StringComparison.Ordinal)).ToList();

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
