namespace SoftTargets.Core.Domain.Users;

public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string MethodologyEditor = nameof(MethodologyEditor);
    public const string VenueManager = nameof(VenueManager);
    public const string Auditor = nameof(Auditor);

    public static readonly IReadOnlyList<string> All = [Administrator, MethodologyEditor, VenueManager, Auditor];
}
