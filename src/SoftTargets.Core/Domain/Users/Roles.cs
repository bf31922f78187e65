namespace SoftTargets.Core.Domain.Users;

public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string MethodologyEditor = nameof(MethodologyEditor);
    public const string VenueManager = nameof(VenueManager);
    public const string Auditor = nameof(Auditor);

    /// <summary>A venue organisation's own administrator: manages the users of their organisation only.</summary>
    public const string LocalAdministrator = nameof(LocalAdministrator);

    public static readonly IReadOnlyList<string> All = [Administrator, MethodologyEditor, VenueManager, Auditor, LocalAdministrator];

    /// <summary>The roles a local administrator may give: those of a venue organisation.</summary>
    public static readonly IReadOnlyList<string> OfVenueOrganizations = [VenueManager, LocalAdministrator];
}
