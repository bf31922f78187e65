using System.Text.Json.Serialization;

namespace SoftTargets.Core.Domain.Methodology;

public enum MethodologyVersionStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>Incident phases used throughout the app, from preparedness to the return to routine.</summary>
public enum IncidentPhase
{
    [JsonStringEnumMemberName("P0")] P0,
    [JsonStringEnumMemberName("P1")] P1,
    [JsonStringEnumMemberName("P2")] P2,
    [JsonStringEnumMemberName("P3")] P3,
    [JsonStringEnumMemberName("P4")] P4,
    [JsonStringEnumMemberName("P5")] P5,
}

/// <summary>The four procedures every plan must have, and everything else.</summary>
public enum Procedure
{
    Evacuation,
    Invacuation,
    Lockdown,
    Communication,
    Other,
}

public enum MeasurePriority
{
    Essential,
    Recommended,
    Enhanced,
}
