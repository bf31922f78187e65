namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary>
/// The facts of a site that a rule reads, gathered from its nodes' kinds: whether it holds, and the words of why,
/// depend on these alone, so two sites equal in them share one outcome.
/// </summary>
internal sealed class RuleFootprint
{
    public bool VenueType { get; set; }
    public bool Occupancy { get; set; }
    public bool Attendance { get; set; }
    public bool Tier { get; set; }
    public List<string> Attributes { get; } = [];
    public List<string> Threats { get; } = [];

    public void Attribute(string key)
    {
        if (!Attributes.Contains(key))
            Attributes.Add(key);
    }

    public void Threat(string key)
    {
        if (!Threats.Contains(key))
            Threats.Add(key);
    }
}
