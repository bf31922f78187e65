namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary>What the rules can see of a site.</summary>
/// <param name="ThreatRisks">Threat key to inherent risk 1 to 25 (likelihood x impact); a threat that is absent is not assessed.</param>
/// <param name="Tier">The site's tier key, or null when it has none or it is not known yet.</param>
/// <param name="Attendance">The expected attendance at one time of the event the rules are read for; null for the venue itself.</param>
public sealed record RuleFacts(
    string VenueTypeKey,
    int MaxOccupancy,
    IReadOnlySet<string> Attributes,
    IReadOnlyDictionary<string, int> ThreatRisks,
    string? Tier,
    int? Attendance = null);
