using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Plans.Export;
using static SoftTargets.UnitTests.Features.Plans.Export.ExportTestData;

namespace SoftTargets.UnitTests.Features.Plans.Export;

public class PocketCardsTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Czech = CultureInfo.GetCultureInfo("cs-CZ");

    [Fact]
    public void There_is_one_card_per_role_with_P1_or_P2_steps()
    {
        var data = Data();
        var roles = data.Guideline.Playbooks.SelectMany(p => p.Steps)
            .Where(s => s.Phase is IncidentPhase.P1 or IncidentPhase.P2).Select(s => s.Role).Distinct().Order().ToList();

        var cards = PocketCards.Build(data);

        Assert.Equal(roles, cards.Select(c => c.Role).Order());
    }

    [Fact]
    public void A_card_holds_all_of_its_role_s_P1_and_P2_steps_and_nothing_else()
    {
        var data = Data();
        var all = data.Guideline.Playbooks.SelectMany(p => p.Steps).ToList();

        var card = PocketCards.Build(data).Single(c => c.Role == "security-lead");

        Assert.All(card.Steps, s => Assert.True(s.Phase is IncidentPhase.P1 or IncidentPhase.P2));
        var expected = all.Where(s => s.Role == "security-lead" && s.Phase is IncidentPhase.P1 or IncidentPhase.P2).Select(s => s.Text);
        Assert.Equal(expected.OrderBy(t => t.En), card.Steps.Select(s => s.Text).OrderBy(t => t.En));
        var elsewhere = all.Where(s => s.Phase is IncidentPhase.P0 or IncidentPhase.P3).Select(s => s.Text).ToHashSet();
        Assert.DoesNotContain(card.Steps, s => elsewhere.Contains(s.Text));
        Assert.Equal("Security lead", card.RoleName.En);
    }

    [Fact]
    public void The_person_phone_and_deputy_come_from_the_site_s_contacts()
    {
        var cards = PocketCards.Build(Data());

        var security = cards.Single(c => c.Role == "security-lead");
        Assert.Equal(("Jana Nováková", "+420 601 000 001", "Petr Svoboda"), (security.Person, security.Phone, security.Deputy));
        var duty = cards.Single(c => c.Role == "duty-manager");
        Assert.Equal(("Eva Malá", null), (duty.Person, duty.Deputy));
        Assert.All(cards.Where(c => c.Role is not ("security-lead" or "duty-manager")), c => Assert.Null(c.Person));
    }

    [Fact]
    public void Steps_are_grouped_by_threat_in_phase_order()
    {
        foreach (var card in PocketCards.Build(Data()))
        {
            var threats = card.Steps.Select(s => s.Threat.En).ToList();
            var blocks = threats.Where((t, i) => i == 0 || t != threats[i - 1]).ToList();
            Assert.Equal(blocks.Distinct(), blocks);
            foreach (var threat in card.Steps.GroupBy(s => s.Threat))
                Assert.Equal(threat.Select(s => s.Phase).Order(), threat.Select(s => s.Phase));
        }
    }

    [Fact]
    public void The_cards_document_is_valid_with_one_small_page_per_card_and_the_role_names()
    {
        var data = Data();
        var cards = PocketCards.Build(data);

        using var document = Open(PocketCards.Write(data, English));

        AssertValid(document);
        var body = document.MainDocumentPart!.Document.Body!;
        var text = BodyText(document);
        Assert.All(cards, c => Assert.Contains(c.RoleName.En, text));
        Assert.Contains("Police 158", text);
        Assert.Contains("Jana Nováková, +420 601 000 001", text);
        Assert.Equal(cards.Count - 1, body.Descendants<PageBreakBefore>().Count());
        Assert.True(body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!.Width!.Value < 6000);
        Assert.Equal("Riverside Arena – pocket cards", document.PackageProperties.Title);
    }

    [Fact]
    public void Czech_cards_are_in_Czech_and_valid()
    {
        using var document = Open(PocketCards.Write(Data(), Czech));

        AssertValid(document);
        var text = BodyText(document);
        Assert.Contains("Vedoucí bezpečnosti", text);
        Assert.Contains("Záchranná služba 155", text);
        Assert.Contains("Útok střelnou zbraní", text);
    }

    [Fact]
    public void A_site_without_threats_gets_a_valid_document_that_says_why_there_are_no_cards()
    {
        var data = Data(Stadium() with { Threats = [] });

        using var document = Open(PocketCards.Write(data, English));

        Assert.Empty(PocketCards.Build(data));
        AssertValid(document);
        Assert.Contains("assess at least one threat", BodyText(document));
    }

    [Fact]
    public void Control_characters_in_the_site_name_do_not_break_the_cards()
    {
        using var document = Open(PocketCards.Write(Data(Stadium("Arena\u0002 Nord")), English));

        AssertValid(document);
        Assert.Contains("Arena Nord", BodyText(document));
    }
}
