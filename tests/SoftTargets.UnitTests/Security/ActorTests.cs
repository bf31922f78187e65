using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Security;

namespace SoftTargets.UnitTests.Security;

public class ActorTests
{
    private static readonly Guid OwnOrganization = Guid.NewGuid();
    private static readonly Guid OtherOrganization = Guid.NewGuid();

    private static Actor UserIn(Guid? organizationId, params string[] roles) =>
        new("user-1", "user@example.test", organizationId, new HashSet<string>(roles));

    [Fact]
    public void Auditor_reads_the_sites_of_every_organisation()
    {
        var auditor = UserIn(OwnOrganization, Roles.Auditor);

        Assert.True(auditor.CanReadAllSites);
        Assert.True(auditor.CanReadSitesOf(OwnOrganization));
        Assert.True(auditor.CanReadSitesOf(OtherOrganization));
    }

    [Fact]
    public void Auditor_changes_no_site_not_even_of_their_own_organisation()
    {
        var auditor = UserIn(OwnOrganization, Roles.Auditor);

        Assert.False(auditor.CanChangeSitesOf(OwnOrganization));
        Assert.False(auditor.CanChangeSitesOf(OtherOrganization));
    }

    [Fact]
    public void Venue_manager_reads_and_changes_the_sites_of_their_own_organisation()
    {
        var manager = UserIn(OwnOrganization, Roles.VenueManager);

        Assert.True(manager.CanReadSitesOf(OwnOrganization));
        Assert.True(manager.CanChangeSitesOf(OwnOrganization));
    }

    [Fact]
    public void Venue_manager_neither_reads_nor_changes_another_organisations_sites()
    {
        var manager = UserIn(OwnOrganization, Roles.VenueManager);

        Assert.False(manager.CanReadAllSites);
        Assert.False(manager.CanReadSitesOf(OtherOrganization));
        Assert.False(manager.CanChangeSitesOf(OtherOrganization));
    }

    [Fact]
    public void Venue_manager_without_an_organisation_reads_and_changes_no_site()
    {
        var manager = UserIn(null, Roles.VenueManager);

        Assert.False(manager.CanReadSitesOf(OwnOrganization));
        Assert.False(manager.CanChangeSitesOf(OwnOrganization));
    }

    [Fact]
    public void Administrator_reads_and_changes_no_site()
    {
        var actor = UserIn(OwnOrganization, Roles.Administrator);

        Assert.False(actor.CanReadAllSites);
        Assert.False(actor.CanReadSitesOf(OwnOrganization));
        Assert.False(actor.CanReadSitesOf(OtherOrganization));
        Assert.False(actor.CanChangeSitesOf(OwnOrganization));
    }

    [Fact]
    public void Methodology_editor_reads_every_site_for_the_dashboards_drill_down_and_changes_none()
    {
        var editor = UserIn(OwnOrganization, Roles.MethodologyEditor);

        Assert.True(editor.CanReadAllSites);
        Assert.True(editor.CanReadSitesOf(OtherOrganization));
        Assert.False(editor.CanChangeSitesOf(OwnOrganization));
        Assert.False(editor.CanChangeSitesOf(OtherOrganization));
    }

    [Fact]
    public void System_reads_and_changes_every_site_and_passes_every_role_demand()
    {
        var system = Actor.System;

        Assert.True(system.IsSystem);
        Assert.True(system.CanReadAllSites);
        Assert.True(system.CanReadSitesOf(OtherOrganization));
        Assert.True(system.CanChangeSitesOf(OtherOrganization));
        foreach (var role in Roles.All) system.DemandRole(role);
    }

    [Fact]
    public void An_ordinary_user_named_system_is_not_the_system_actor()
    {
        var impostor = new Actor("system", "system", null, new HashSet<string>());

        Assert.False(impostor.IsSystem);
        Assert.False(impostor.CanReadAllSites);
        Assert.Throws<AccessDeniedException>(() => impostor.DemandRole(Roles.Administrator));
    }

    [Fact]
    public void Anonymous_is_not_authenticated_and_may_do_nothing()
    {
        var anonymous = Actor.Anonymous;

        Assert.False(anonymous.IsAuthenticated);
        Assert.False(anonymous.IsSystem);
        Assert.False(anonymous.CanReadAllSites);
        Assert.False(anonymous.CanReadSitesOf(OwnOrganization));
        Assert.False(anonymous.CanChangeSitesOf(OwnOrganization));
        foreach (var role in Roles.All)
            Assert.Throws<AccessDeniedException>(() => anonymous.DemandRole(role));
    }

    [Fact]
    public void A_signed_in_user_is_authenticated()
    {
        Assert.True(UserIn(OwnOrganization, Roles.Auditor).IsAuthenticated);
    }

    [Fact]
    public void Demand_throws_access_denied_when_not_allowed()
    {
        var actor = UserIn(OwnOrganization, Roles.VenueManager);

        var ex = Assert.Throws<AccessDeniedException>(() => actor.Demand(actor.CanChangeSitesOf(OtherOrganization)));
        Assert.Equal("AccessDenied", ex.Code);
    }

    [Fact]
    public void Demand_passes_silently_when_allowed()
    {
        var actor = UserIn(OwnOrganization, Roles.VenueManager);

        var ex = Record.Exception(() => actor.Demand(actor.CanChangeSitesOf(OwnOrganization)));

        Assert.Null(ex);
    }

    [Fact]
    public void DemandRole_throws_access_denied_for_a_role_the_user_lacks()
    {
        var editor = UserIn(null, Roles.MethodologyEditor);

        Assert.Throws<AccessDeniedException>(() => editor.DemandRole(Roles.Administrator));
    }

    [Fact]
    public void DemandRole_passes_for_a_role_the_user_has()
    {
        var editor = UserIn(null, Roles.MethodologyEditor, Roles.Administrator);

        var ex = Record.Exception(() => editor.DemandRole(Roles.Administrator));

        Assert.Null(ex);
        Assert.True(editor.IsIn(Roles.MethodologyEditor));
        Assert.False(editor.IsIn(Roles.Auditor));
    }
}
