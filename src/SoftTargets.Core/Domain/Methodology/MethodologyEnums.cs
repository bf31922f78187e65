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
    P0,
    P1,
    P2,
    P3,
    P4,
    P5,
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

public enum MeasureCategory
{
    Governance,
    Detection,
    AccessControl,
    Response,
    Recovery,
    Training,
    Communication,
}
