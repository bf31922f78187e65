using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Guidelines;
using static SoftTargets.UnitTests.Features.Guidelines.GuidelineTestData;

namespace SoftTargets.UnitTests.Features.Guidelines;

public class GuidelinePlaybookTests
{
    [Fact]
    public void Each_assessed_threat_with_a_playbook_gets_one_in_the_methodology_s_order()
    {
        var site = Site() with
        {
            Threats = [new ThreatSnapshot("cbrn", 2, 2, 1, 1), new ThreatSnapshot("arson", 2, 3, 1, 1), new ThreatSnapshot("firearms", 4, 5, 2, 2)],
        };

        var playbooks = SmallGenerator.Generate(site).Playbooks;

        Assert.Equal(["PB-FIREARMS", "PB-ARSON"], playbooks.Select(p => p.Key));
        Assert.Equal(("firearms", "Firearms attack", "Útok střelnou zbraní", 20),
            (playbooks[0].Threat, playbooks[0].ThreatName.En, playbooks[0].ThreatName.Cs, playbooks[0].InherentRisk));
        Assert.Equal(6, playbooks[1].InherentRisk);
    }

    [Fact]
    public void Steps_keep_the_template_s_order_phase_procedure_role_and_time()
    {
        var steps = SmallGenerator.Generate(FullSite).Playbooks.Single().Steps;

        Assert.Equal(Small.Playbooks[0].Steps.Select(s => s.Key), steps.Select(s => s.Key));
        var lockdown = steps[1];
        Assert.Equal((IncidentPhase.P1, Procedure.Lockdown, "security-lead", 2), (lockdown.Phase, lockdown.Procedure, lockdown.Role, lockdown.TargetMinutes));
        Assert.Equal("Security lead", lockdown.RoleName.En);
        Assert.Equal("Vedoucí komunikace", steps[4].RoleName.Cs);
        Assert.Null(steps[3].TargetMinutes);
    }

    [Fact]
    public void One_zone_fills_zone_placeholders_with_its_own_values()
    {
        var steps = SmallGenerator.Generate(FullSite).Playbooks.Single().Steps;

        Assert.Equal("Close 3 entrances of Riverside Arena.", steps[1].Text.En);
        Assert.Equal("Zavřete vstupy (3) objektu Riverside Arena.", steps[1].Text.Cs);
        Assert.Equal("Move people into Room 12.", steps[2].Text.En);
        Assert.Equal("Lead people out of Main hall to Car park P1.", steps[3].Text.En);
        Assert.Equal("Vyveďte lidi ze zóny Main hall na shromaždiště Car park P1.", steps[3].Text.Cs);
        Assert.All(steps, s => Assert.Empty(s.Unfilled));
    }

    [Fact]
    public void Several_zones_refer_to_a_list_with_one_line_per_zone_in_both_languages()
    {
        var site = FullSite with
        {
            Zones =
            [
                new ZoneSnapshot("North stand", 400, 1, "Car park P2", "Room 4"),
                new ZoneSnapshot("East stand", 300, 2, "Car park P1", "Room 3"),
            ],
        };

        var steps = SmallGenerator.Generate(site).Playbooks.Single().Steps;

        Assert.Equal("Close each zone's entrances (listed below) of Riverside Arena.\n• East stand – entrances: 2\n• North stand – entrances: 1", steps[1].Text.En);
        Assert.Equal("Zavřete vstupy příslušné zóny (viz seznam níže) objektu Riverside Arena.\n• East stand – vstupy: 2\n• North stand – vstupy: 1", steps[1].Text.Cs);
        Assert.Equal("Move people into each zone's invacuation room (listed below).\n• East stand – invacuation room: Room 3\n• North stand – invacuation room: Room 4",
            steps[2].Text.En);
        Assert.Equal("Lead people out of East stand, North stand to each zone's assembly point (listed below).\n• East stand – assembly point: Car park P1\n• North stand – assembly point: Car park P2",
            steps[3].Text.En);
        Assert.Equal("Vyveďte lidi ze zóny East stand, North stand na shromaždiště příslušné zóny (viz seznam níže).\n• East stand – shromaždiště: Car park P1\n• North stand – shromaždiště: Car park P2",
            steps[3].Text.Cs);
        Assert.All(steps, s => Assert.Empty(s.Unfilled));
    }

    [Fact]
    public void Contacts_fill_the_first_primary_by_name_its_phone_and_the_first_deputy()
    {
        var site = FullSite with
        {
            Contacts =
            [
                new ContactSnapshot("security-lead", "Zdeněk Černý", "+420 602 000 009", "", false),
                new ContactSnapshot("security-lead", "Věra Deputy", "+420 602 000 008", "", true),
                new ContactSnapshot("security-lead", "Adam Bílý", "+420 602 000 001", "", false),
                new ContactSnapshot("security-lead", "Bohdan Deputy", "+420 602 000 007", "", true),
            ],
        };

        var step = SmallGenerator.Generate(site).Playbooks.Single().Steps[0];

        Assert.Equal("When Adam Bílý is absent, Bohdan Deputy takes over; call +420 602 000 001.", step.Text.En);
        Assert.Equal("V nepřítomnosti Adam Bílý zastupuje Bohdan Deputy; volejte +420 602 000 001.", step.Text.Cs);
    }

    [Fact]
    public void Maximum_occupancy_is_formatted_for_each_language()
    {
        var step = SmallGenerator.Generate(FullSite with { MaxOccupancy = 12500 }).Playbooks.Single().Steps[4];

        Assert.Equal("Account for up to 12,500 people at Nábřeží 1, Praha; Eva Malá speaks to the media.", step.Text.En);
        Assert.Equal("Zjistěte, kdo z až 12\u00A0500 osob na adrese Nábřeží 1, Praha chybí; s médii mluví Eva Malá.", step.Text.Cs);
    }

    [Fact]
    public void An_unfilled_placeholder_leaves_a_marker_and_is_listed_on_its_step()
    {
        var site = Site("stadium", 0, "firearms");

        var steps = SmallGenerator.Generate(site).Playbooks.Single().Steps;

        Assert.Equal("Lead people out of [zone missing] to [assembly point missing].", steps[3].Text.En);
        Assert.Equal("Vyveďte lidi ze zóny [chybí zóna] na shromaždiště [chybí shromaždiště].", steps[3].Text.Cs);
        Assert.Equal(["zone.name", "zone.assemblyPoint"], steps[3].Unfilled);
        Assert.Equal("When [Security lead missing] is absent, [Security lead's deputy missing] takes over; call [Security lead's phone missing].",
            steps[0].Text.En);
        Assert.Equal("V nepřítomnosti [chybí osoba: Vedoucí bezpečnosti] zastupuje [chybí zástupce: Vedoucí bezpečnosti]; volejte [chybí telefon: Vedoucí bezpečnosti].",
            steps[0].Text.Cs);
        Assert.Equal("Account for up to [maximum occupancy missing] people at [address missing]; [Communications lead missing] speaks to the media.",
            steps[4].Text.En);
        Assert.Equal(["site.maxOccupancy", "site.address", "contact.communications-lead"], steps[4].Unfilled);
        Assert.Equal("Close [entrances missing] of Test site.", steps[1].Text.En);
    }

    [Fact]
    public void A_zone_without_the_value_keeps_its_line_with_a_marker_and_is_unfilled_by_name()
    {
        var site = FullSite with { Zones = [new ZoneSnapshot("A", 10, 0, "", ""), new ZoneSnapshot("B", 10, 2, " ", "Gym")] };

        var steps = SmallGenerator.Generate(site).Playbooks.Single().Steps;

        Assert.Equal("Lead people out of A, B to each zone's assembly point (listed below).\n• A – assembly point: [assembly point missing]\n• B – assembly point: [assembly point missing]",
            steps[3].Text.En);
        Assert.Equal(["zone.assemblyPoint@A", "zone.assemblyPoint@B"], steps[3].Unfilled);
        Assert.Equal(["zone.entrances@A"], steps[1].Unfilled);
        Assert.Equal(["zone.invacuationRoom@A"], steps[2].Unfilled);
    }

    [Fact]
    public void A_phone_is_missing_when_the_primary_contact_has_none()
    {
        var site = FullSite with
        {
            Contacts = [.. FullSite.Contacts.Where(c => c.RoleKey != "security-lead"), new ContactSnapshot("security-lead", "Jana Nováková", "", "", false)],
        };

        var guideline = SmallGenerator.Generate(site);

        Assert.Equal(["contact.security-lead.deputy", "contact.security-lead.phone"], guideline.Playbooks.Single().Steps[0].Unfilled);
        Assert.StartsWith("When Jana Nováková is absent,", guideline.Playbooks.Single().Steps[0].Text.En);
        var phone = Assert.Single(guideline.Gaps, g => g.Subject == "contact.security-lead.phone");
        Assert.Equal("Add a phone number to the contact for the role Security lead.", phone.Message.En);
        Assert.Equal("Doplňte telefonní číslo ke kontaktu pro roli Vedoucí bezpečnosti.", phone.Message.Cs);
    }

    [Fact]
    public void Each_missing_datum_gives_one_gap_however_many_steps_need_it()
    {
        var site = FullSite with { Zones = [new ZoneSnapshot("Main hall", 1000, 3, "", "Room 12")], Threats = [.. FullSite.Threats, new ThreatSnapshot("arson", 2, 2, 1, 1)] };

        var guideline = SmallGenerator.Generate(site);

        Assert.Equal(2, guideline.Playbooks.SelectMany(p => p.Steps).Count(s => s.Unfilled.Contains("zone.assemblyPoint")));
        var gap = Assert.Single(guideline.Gaps);
        Assert.Equal(new GuidelineGap(GapKind.UnfilledPlaceholder, "zone.assemblyPoint",
            new("Add the assembly point of each zone.", "Doplňte shromaždiště každé zóny.")), gap);
    }

    [Fact]
    public void Gaps_for_missing_data_tell_what_to_add_in_the_site_profile()
    {
        var gaps = SmallGenerator.Generate(Site("stadium", 0, "firearms")).Gaps
            .Where(g => g.Kind == GapKind.UnfilledPlaceholder).ToDictionary(g => g.Subject, g => g.Message);

        Assert.Equal(
            ["contact.communications-lead", "contact.security-lead", "contact.security-lead.deputy", "contact.security-lead.phone",
             "site.address", "site.maxOccupancy", "zone.assemblyPoint", "zone.entrances", "zone.invacuationRoom", "zone.name"],
            gaps.Keys);
        Assert.Equal("Add a contact for the role Security lead to the site's contacts (not marked as deputy).", gaps["contact.security-lead"].En);
        Assert.Equal("Doplňte do kontaktů objektu zástupce pro roli Vedoucí bezpečnosti (označte kontakt jako zástupce).",
            gaps["contact.security-lead.deputy"].Cs);
        Assert.Equal("Add at least one zone to the site profile.", gaps["zone.name"].En);
        Assert.Equal("Doplňte v profilu objektu maximální obsazenost.", gaps["site.maxOccupancy"].Cs);
    }

    [Fact]
    public void A_placeholder_the_format_does_not_know_stays_as_written()
    {
        var step = Small.Playbooks[1].Steps[1] with { Text = new("Call {police.number} now.", "Volejte {police.number}.") };
        var methodology = Small with { Playbooks = [Small.Playbooks[1] with { Steps = [Small.Playbooks[1].Steps[0], step] }] };

        var guideline = new GuidelineGenerator(methodology, "v").Generate(FullSite with { Threats = [new ThreatSnapshot("arson", 1, 1, 1, 1)] });

        var filled = guideline.Playbooks.Single().Steps[1];
        Assert.Equal("Call {police.number} now.", filled.Text.En);
        Assert.Empty(filled.Unfilled);
        Assert.DoesNotContain(guideline.Gaps, g => g.Kind == GapKind.UnfilledPlaceholder);
    }

    [Fact]
    public void A_complete_seeded_site_fills_every_placeholder()
    {
        var roles = Seeded.Roles.Select(r => r.Key).ToList();
        var site = new SiteSnapshot
        {
            Name = "Centrum Nová Karolina",
            Address = "Jantarová 3344/4, Ostrava",
            VenueTypeKey = "shopping-centre",
            MaxOccupancy = 6500,
            Zones = [new ZoneSnapshot("Mall", 6000, 8, "Square in front of the main entrance", "Service corridor B")],
            Contacts = [.. roles.Select(r => new ContactSnapshot(r, $"Lead {r}", "+420 600 000 000", "", false)),
                .. roles.Select(r => new ContactSnapshot(r, $"Deputy {r}", "+420 600 000 001", "", true))],
            Threats = Seeded.ThreatTypes.Select(t => new ThreatSnapshot(t.Key, 3, 4, 2, 3)).ToList(),
        };

        var guideline = SeededGenerator.Generate(site);

        Assert.Equal(Seeded.Playbooks.Count, guideline.Playbooks.Count);
        var steps = guideline.Playbooks.SelectMany(p => p.Steps).ToList();
        Assert.All(steps, s => Assert.Empty(s.Unfilled));
        Assert.All(steps, s => Assert.DoesNotContain("{", s.Text.En + s.Text.Cs));
        Assert.Contains(steps, s => s.Text.En.Contains("Centrum Nová Karolina, Jantarová 3344/4, Ostrava"));
        Assert.Empty(guideline.Gaps);
    }
}
