using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Guidelines;
using static SoftTargets.UnitTests.Features.Guidelines.GuidelineTestData;

namespace SoftTargets.UnitTests.Features.Guidelines;

public class GuidelineCompletenessTests
{
    [Fact]
    public void Without_an_assessed_threat_all_four_procedures_are_missing()
    {
        var gaps = SeededGenerator.Generate(Site("stadium", 500)).Gaps.Where(g => g.Kind != GapKind.MissingRequiredRole).ToList();

        Assert.Equal(["communication", "evacuation", "invacuation", "lockdown"], gaps.Select(g => g.Subject));
        Assert.All(gaps, g => Assert.Equal(GapKind.MissingProcedure, g.Kind));
        var evacuation = gaps.Single(g => g.Subject == "evacuation").Message;
        Assert.Equal("No evacuation procedure: assess at least one threat so that its playbook gives one.", evacuation.En);
        Assert.Equal("Chybí postup evakuace: posuďte alespoň jednu hrozbu, její scénář reakce ho obsahuje.", evacuation.Cs);
    }

    [Fact]
    public void A_procedure_none_of_the_assessed_playbooks_has_is_missing()
    {
        var guideline = SmallGenerator.Generate(FullSite with { Threats = [new ThreatSnapshot("arson", 2, 2, 1, 1)] });

        Assert.Equal(["invacuation", "lockdown"], guideline.Gaps.Select(g => g.Subject));
        Assert.Equal(
            "No lockdown procedure: the playbooks of the assessed threats have no lockdown step; ask the methodology editors to add one.",
            guideline.Gaps[1].Message.En);
    }

    [Fact]
    public void Assessed_threats_without_contacts_have_nobody_accountable_and_no_deputy()
    {
        var gaps = SmallGenerator.Generate(FullSite with { Contacts = [] }).Gaps.Where(g => g.Kind != GapKind.UnfilledPlaceholder).ToList();

        Assert.Equal(
            [
                (GapKind.NoAccountablePerson, "communication"), (GapKind.NoAccountablePerson, "evacuation"),
                (GapKind.NoAccountablePerson, "invacuation"), (GapKind.NoAccountablePerson, "lockdown"),
                (GapKind.NoDeputy, "communication"), (GapKind.NoDeputy, "evacuation"),
                (GapKind.NoDeputy, "invacuation"), (GapKind.NoDeputy, "lockdown"),
            ],
            gaps.Select(g => (g.Kind, g.Subject)));
        Assert.Equal("Nobody is accountable for lockdown: add a contact for Security lead (not marked as deputy).", gaps[3].Message.En);
        Assert.Equal("Za postup uzamčení nikdo neodpovídá: doplňte kontakt pro roli Vedoucí bezpečnosti (neoznačený jako zástupce).", gaps[3].Message.Cs);
        Assert.Equal("No deputy for communication: add a deputy contact for Communications lead.", gaps[4].Message.En);
        Assert.Equal("Postup komunikace nemá zástupce: doplňte do kontaktů zástupce pro roli Vedoucí komunikace.", gaps[4].Message.Cs);
    }

    [Fact]
    public void The_message_names_every_role_of_the_procedure_s_steps()
    {
        var gaps = SeededGenerator.Generate(Site("stadium", 500, "firearms")).Gaps;

        var lockdown = gaps.Single(g => g.Kind == GapKind.NoAccountablePerson && g.Subject == "lockdown");
        Assert.Equal("Nobody is accountable for lockdown: add a contact for Facility manager or Security lead (not marked as deputy).", lockdown.Message.En);
    }

    [Fact]
    public void Deputies_alone_leave_nobody_accountable()
    {
        var site = FullSite with { Contacts = [.. FullSite.Contacts.Where(c => c.IsDeputy)] };

        var gaps = SmallGenerator.Generate(site).Gaps.Where(g => g.Kind != GapKind.UnfilledPlaceholder);

        Assert.All(gaps, g => Assert.Equal(GapKind.NoAccountablePerson, g.Kind));
        Assert.Equal(4, gaps.Count());
    }

    [Fact]
    public void A_contact_for_one_of_the_procedure_s_roles_is_enough()
    {
        var site = FullSite with { Threats = [.. FullSite.Threats, new ThreatSnapshot("arson", 2, 2, 1, 1)] };

        Assert.Empty(SmallGenerator.Generate(site).Gaps);
    }

    [Fact]
    public void Full_data_leaves_no_gap()
    {
        Assert.Empty(SmallGenerator.Generate(FullSite).Gaps);
    }

    [Fact]
    public void Gaps_come_in_the_order_procedures_people_deputies_data()
    {
        var site = Site("stadium", 500, "arson");

        var gaps = SmallGenerator.Generate(site).Gaps;

        Assert.Equal(
            [
                (GapKind.MissingProcedure, "invacuation"), (GapKind.MissingProcedure, "lockdown"),
                (GapKind.NoAccountablePerson, "communication"), (GapKind.NoAccountablePerson, "evacuation"),
                (GapKind.NoDeputy, "communication"), (GapKind.NoDeputy, "evacuation"),
                (GapKind.UnfilledPlaceholder, "zone.assemblyPoint"),
            ],
            gaps.Select(g => (g.Kind, g.Subject)));
    }
}
