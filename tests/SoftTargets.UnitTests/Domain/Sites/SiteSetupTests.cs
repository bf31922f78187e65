using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Sites;

namespace SoftTargets.UnitTests.Domain.Sites;

public class SiteSetupTests
{
    private static ZoneInput Zone(string name = "Main hall", Guid? id = null) => new(id, name, 800, 4, "Car park P1", "Basement store");

    private static ContactInput Contact(string role = "security-lead", bool deputy = false, string phone = "+420 601 123 456", string email = "", Guid? id = null) =>
        new(id, role, deputy ? "Petr Dvořák" : "Jana Nováková", phone, email, deputy);

    private static SiteSetup Setup(IReadOnlyList<ZoneInput>? zones = null, IReadOnlyList<ContactInput>? contacts = null) =>
        new(SiteProfileTests.Valid(), zones ?? [Zone()], contacts ?? [Contact(), Contact(deputy: true)]);

    [Fact]
    public void A_complete_setup_has_no_problems()
    {
        Assert.Empty(Setup().Problems());
    }

    [Fact]
    public void Zone_problems_are_keyed_by_the_zone_position_and_field()
    {
        var setup = Setup(zones: [Zone(), Zone(" main HALL "), new ZoneInput(null, "", -1, 1001, "", new string('x', 501))]);

        var problems = setup.Problems();

        Assert.Equal(SiteMessages.ZoneNameDuplicate, problems["Zones[1].Name"]);
        Assert.Equal(SiteMessages.ZoneNameRequired, problems["Zones[2].Name"]);
        Assert.Equal(SiteMessages.ZoneCapacityRange, problems["Zones[2].Capacity"]);
        Assert.Equal(SiteMessages.ZoneEntrancesRange, problems["Zones[2].Entrances"]);
        Assert.Equal(SiteMessages.ZoneTextTooLong, problems["Zones[2].InvacuationRoom"]);
        Assert.DoesNotContain("Zones[0].Name", problems.Keys);
    }

    [Theory]
    [InlineData("+420 601 123 456", "", null)]
    [InlineData("601123456", "", null)]
    [InlineData("", "jana@example.cz", null)]
    [InlineData("", "", "Phone")]
    [InlineData("call reception", "", "Phone")]
    [InlineData("", "jana.example.cz", "Email")]
    [InlineData("", "jana@example", "Email")]
    public void A_contact_needs_a_valid_phone_or_e_mail(string phone, string email, string? problemField)
    {
        var problems = Setup(contacts: [Contact(phone: phone, email: email)]).Problems();

        if (problemField is null) Assert.Empty(problems);
        else Assert.Equal([$"Contacts[0].{problemField}"], problems.Keys);
    }

    [Fact]
    public void A_deputy_needs_a_main_contact_with_the_same_role()
    {
        var problems = Setup(contacts: [Contact("security-lead"), Contact("communication-lead", deputy: true)]).Problems();

        Assert.Equal(SiteMessages.DeputyWithoutMain, problems["Contacts[1].IsDeputy"]);
        Assert.Single(problems);
    }

    [Fact]
    public void A_contact_without_role_or_name_is_reported_per_field()
    {
        var problems = Setup(contacts: [new ContactInput(null, "", " ", "601123456", "", false)]).Problems();

        Assert.Equal(SiteMessages.ContactRoleRequired, problems["Contacts[0].RoleKey"]);
        Assert.Equal(SiteMessages.ContactNameRequired, problems["Contacts[0].Name"]);
    }

    [Fact]
    public void Profile_problems_come_first_with_their_czech_text()
    {
        var setup = Setup() with { Profile = SiteProfileTests.Valid() with { Address = new string('a', 501) } };

        var problem = Assert.Single(setup.Problems());

        Assert.Equal("Address", problem.Key);
        Assert.Equal("Adresa může mít nejvýše 500 znaků.", problem.Value.Cs);
    }

    [Fact]
    public void Applying_a_setup_adds_new_parts_changes_kept_ones_and_removes_the_rest()
    {
        var site = new Site(Guid.NewGuid(), Guid.NewGuid(), SiteProfileTests.Valid());
        site.Apply(Setup(zones: [Zone("Hall A"), Zone("Hall B")]));
        var hallA = site.Zones.Single(z => z.Name == "Hall A");
        var contact = site.Contacts.Single(c => !c.IsDeputy);

        site.Apply(Setup(
            zones: [Zone("Hall A renamed", hallA.Id), Zone("Hall C")],
            contacts: [Contact(id: contact.Id, phone: "+420 777 000 111")]));

        Assert.Equal(["Hall A renamed", "Hall C"], site.Zones.Select(z => z.Name).Order());
        Assert.Equal(hallA.Id, site.Zones.Single(z => z.Name == "Hall A renamed").Id);
        var kept = Assert.Single(site.Contacts);
        Assert.Equal(contact.Id, kept.Id);
        Assert.Equal("+420 777 000 111", kept.Phone);
    }

    [Fact]
    public void An_invalid_setup_changes_nothing()
    {
        var site = new Site(Guid.NewGuid(), Guid.NewGuid(), SiteProfileTests.Valid());
        site.Apply(Setup());

        var ex = Assert.Throws<ValidationFailedException>(() => site.Apply(Setup(zones: [Zone(""), Zone("Roof terrace")])));

        Assert.Contains("Zones[0].Name", ex.Errors.Keys);
        Assert.Equal(["Main hall"], site.Zones.Select(z => z.Name));
    }
}
