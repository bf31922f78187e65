namespace SoftTargets.Core.Domain.Readiness;

/// <summary>A playbook is run either as a drill (an exercise) or for a real incident.</summary>
public enum RunKind
{
    Drill,
    Incident,
}

/// <summary>How a step ended when its run finished: done in time (or without a target), done after its target, or never done.</summary>
public enum StepOutcome
{
    Done,
    Late,
    Missed,
}
