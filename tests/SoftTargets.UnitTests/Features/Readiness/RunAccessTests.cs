using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Readiness;
using SoftTargets.Core.Security;

namespace SoftTargets.UnitTests.Features.Readiness;

public class RunAccessTests
{
    private static readonly Guid Arena = Guid.NewGuid();

    private static Actor As(string role, Guid? organization) => new("u1", "someone@example", organization, new HashSet<string> { role });

    [Fact]
    public void A_venue_manager_of_the_sites_organisation_runs_its_drills_and_incidents()
    {
        Assert.True(RunService.MayRun(As(Roles.VenueManager, Arena), Arena));
    }

    [Fact]
    public void A_venue_manager_of_another_organisation_an_auditor_and_an_editor_may_not_tick()
    {
        Assert.False(RunService.MayRun(As(Roles.VenueManager, Guid.NewGuid()), Arena));
        Assert.False(RunService.MayRun(As(Roles.Auditor, Arena), Arena));
        Assert.False(RunService.MayRun(As(Roles.MethodologyEditor, Arena), Arena));
        Assert.False(RunService.MayRun(Actor.Anonymous, Arena));
    }
}
