using System.Text.Json.Serialization;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Sites;

namespace SoftTargets.Core.Features.Guidelines;

/// <summary>
/// Everything the guideline generator reads about a site, detached from the database: the same input
/// always gives the same guideline. Also the body of the guideline preview API.
/// </summary>
public sealed record SiteSnapshot
{
    public required string Name { get; init; }
    public string Address { get; init; } = "";
    public string Region { get; init; } = "";
    public required string VenueTypeKey { get; init; }
    public int MaxOccupancy { get; init; }
    public int DailyVisitors { get; init; }
    public IReadOnlyList<string> Attributes { get; init; } = [];
    public IReadOnlyList<ZoneSnapshot> Zones { get; init; } = [];
    public IReadOnlyList<ContactSnapshot> Contacts { get; init; } = [];
    public IReadOnlyList<ThreatSnapshot> Threats { get; init; } = [];

    /// <summary>Self-assessment: question key → chosen level 1 (very low protection) to 5.</summary>
    public IReadOnlyDictionary<string, int> Answers { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// The event the guideline is for, or null for the venue itself. Left out of JSON when null, so the
    /// inputs hash of a venue's plan does not change with it.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EventSnapshot? Event { get; init; }

    public static SiteSnapshot Of(Site site) => new()
    {
        Name = site.Name, Address = site.Address, Region = site.Region, VenueTypeKey = site.VenueTypeKey,
        MaxOccupancy = site.MaxOccupancy, DailyVisitors = site.DailyVisitors, Attributes = site.Attributes,
        Zones = site.Zones.Select(z => new ZoneSnapshot(z.Name, z.Capacity, z.Entrances, z.AssemblyPoint, z.InvacuationRoom)).ToList(),
        Contacts = site.Contacts.Select(c => new ContactSnapshot(c.RoleKey, c.Name, c.Phone, c.Email, c.IsDeputy)).ToList(),
        Threats = site.Threats.Select(t => new ThreatSnapshot(t.ThreatKey, t.Inherent.Likelihood, t.Inherent.Impact, t.Residual.Likelihood, t.Residual.Impact)).ToList(),
        Answers = site.Answers.ToDictionary(a => a.QuestionKey, a => a.Level),
    };
}

/// <summary>What an event adds to its site's facts: its expected attendance at one time and its attributes.</summary>
public sealed record EventSnapshot(string Name, int ExpectedAttendance, IReadOnlyList<string> Attributes)
{
    public static EventSnapshot Of(Domain.Events.SiteEvent siteEvent) => new(siteEvent.Name, siteEvent.ExpectedAttendance, siteEvent.Attributes);
}

public sealed record ZoneSnapshot(string Name, int Capacity, int Entrances, string AssemblyPoint, string InvacuationRoom);

public sealed record ContactSnapshot(string RoleKey, string Name, string Phone, string Email, bool IsDeputy);

/// <summary>Likelihood and impact on 1–5 scales, before (inherent) and after (residual) the site's measures.</summary>
public sealed record ThreatSnapshot(string ThreatKey, int InherentLikelihood, int InherentImpact, int ResidualLikelihood, int ResidualImpact)
{
    public int InherentRisk => InherentLikelihood * InherentImpact;
    public int ResidualRisk => ResidualLikelihood * ResidualImpact;
}
