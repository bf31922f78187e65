namespace SoftTargets.Web.Features.Account;

/// <summary>Authorization policies every page and endpoint names.</summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string VenueManager = nameof(VenueManager);
    public const string MethodologyEditor = nameof(MethodologyEditor);
    public const string Auditor = nameof(Auditor);
    public const string Administrator = nameof(Administrator);

    /// <summary>Administrators (every organisation's users) and local administrators (their own organisation's users).</summary>
    public const string UserAdministrator = nameof(UserAdministrator);

    /// <summary>Methodology editors and auditors (read-only) see the methodology library.</summary>
    public const string MethodologyReader = nameof(MethodologyReader);

    /// <summary>Auditors and ministry staff (methodology editors) see the national compliance dashboards.</summary>
    public const string DashboardReader = nameof(DashboardReader);

    /// <summary>Venue managers (their own organisation's sites), auditors and methodology editors (all sites, read-only).</summary>
    public const string SiteReader = nameof(SiteReader);
}
