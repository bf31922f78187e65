using System.Runtime.CompilerServices;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Users;

namespace SoftTargets.Core.Security;

/// <summary>
/// Who is asking: the signed-in user with their organisation and roles. Core services decide
/// access from this, so the rules hold whatever the UI shows or hides.
/// </summary>
public sealed record Actor(string UserId, string UserName, Guid? OrganizationId, IReadOnlySet<string> Roles)
{
    /// <summary>The application itself: migrations, seeding and command-line verbs, inside a <see cref="SystemScope"/>.</summary>
    public static Actor System { get; } = new("system", "system", null, new HashSet<string>());

    public static Actor Anonymous { get; } = new("", "anonymous", null, new HashSet<string>());

    public bool IsAuthenticated => UserId.Length > 0;
    public bool IsSystem => ReferenceEquals(this, System);

    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>
    /// Auditors and methodology editors (who follow the dashboards down to a site) read every site, read-only;
    /// a venue manager reads the sites of their own organisation.
    /// </summary>
    public bool CanReadSitesOf(Guid organizationId) =>
        CanReadAllSites || (IsIn(Domain.Users.Roles.VenueManager) && OrganizationId == organizationId);

    public bool CanReadAllSites => IsSystem || IsIn(Domain.Users.Roles.Auditor) || IsIn(Domain.Users.Roles.MethodologyEditor);

    /// <summary>Only a venue manager of the owning organisation changes a site.</summary>
    public bool CanChangeSitesOf(Guid organizationId) =>
        IsSystem || (IsIn(Domain.Users.Roles.VenueManager) && OrganizationId == organizationId);

    /// <summary>Administrators manage every organisation's users; a local administrator those of their own organisation.</summary>
    public bool CanManageUsersOf(Guid organizationId) =>
        ManagesAllUsers || (IsIn(Domain.Users.Roles.LocalAdministrator) && OrganizationId == organizationId);

    public bool ManagesAllUsers => IsSystem || IsIn(Domain.Users.Roles.Administrator);

    public void Demand(bool allowed, [CallerMemberName] string operation = "", [CallerFilePath] string file = "")
    {
        if (allowed) return;
        AccessRefusals.Announce(this, Path.GetFileNameWithoutExtension(file) + "." + operation);
        throw new AccessDeniedException();
    }

    /// <summary>Work only the application itself does (inside a <see cref="SystemScope"/>): snapshots, bulk regeneration, seeding.</summary>
    public void DemandSystem([CallerMemberName] string operation = "", [CallerFilePath] string file = "") =>
        Demand(IsSystem, operation, file);

    public void DemandRole(string role, [CallerMemberName] string operation = "", [CallerFilePath] string file = "") =>
        Demand(IsSystem || IsIn(role), operation, file);
}
