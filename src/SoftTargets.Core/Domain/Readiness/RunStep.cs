using System.ComponentModel.DataAnnotations;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;

namespace SoftTargets.Core.Domain.Readiness;

/// <summary>One step of a run: the plan's step as it read when the run started, and who did it when.</summary>
public sealed class RunStep : AuditableEntity
{
    private RunStep() { }

    internal RunStep(Guid runId, int order, GuidelineStep step)
    {
        RunId = runId;
        Order = order;
        Key = step.Key;
        Phase = step.Phase;
        Procedure = step.Procedure;
        Role = step.Role;
        RoleName = step.RoleName;
        TargetMinutes = step.TargetMinutes;
        Text = step.Text;
    }

    public Guid RunId { get; private set; }
    public int Order { get; private set; }
    public string Key { get; private set; } = "";
    public IncidentPhase Phase { get; private set; }
    public Procedure Procedure { get; private set; }
    public string Role { get; private set; } = "";
    public LocalizedText RoleName { get; private set; } = new("", "");
    public int? TargetMinutes { get; private set; }
    public LocalizedText Text { get; private set; } = new("", "");

    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>The user who ticked the step.</summary>
    public string DoneBy { get; private set; } = "";

    /// <summary>Seconds from the run's start to the tick, kept so figures across all sites are counted without joining the runs.</summary>
    public int? ElapsedSeconds { get; private set; }

    /// <summary>For a reopening criterion: the named person who signed it off.</summary>
    public string SignedOffBy { get; private set; } = "";
    public string Note { get; internal set; } = "";

    /// <summary>Set when the run finishes; null while it goes on.</summary>
    public StepOutcome? Outcome { get; internal set; }

    [Timestamp]
    public uint Version { get; private set; }

    internal void MarkDone(string by, DateTimeOffset at, DateTimeOffset runStart, string signedOffBy)
    {
        DoneAt = at;
        DoneBy = by;
        ElapsedSeconds = StepTiming.ElapsedSeconds(runStart, at);
        SignedOffBy = signedOffBy;
    }

    internal void MarkUndone()
    {
        DoneAt = null;
        DoneBy = "";
        ElapsedSeconds = null;
        SignedOffBy = "";
    }
}
