using System.ComponentModel.DataAnnotations;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;

namespace SoftTargets.Core.Domain.Readiness;

/// <summary>
/// One run of a site's playbook: a drill, or the response to a real incident. The steps are copied from the
/// plan revision it started from, so a later plan never rewrites what was done. Time targets count from
/// <see cref="StartedAt"/> (for an incident: when it happened). A drill covers the response (P1–P3); an
/// incident also carries the recovery and the return to routine (P4–P5), whose steps are the reopening
/// criteria that a named person signs off.
/// </summary>
public sealed class PlaybookRun : AuditableEntity
{
    private readonly List<RunStep> steps = [];

    private PlaybookRun() { }

    public PlaybookRun(RunKind kind, Guid siteId, Guid methodologyVersionId, int planRevision, GuidelinePlaybook playbook,
        string zoneName, string scenario, DateTimeOffset startedAt)
    {
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind));
        Kind = kind;
        SiteId = siteId;
        MethodologyVersionId = methodologyVersionId;
        PlanRevision = planRevision;
        PlaybookKey = playbook.Key;
        ThreatKey = playbook.Threat;
        ThreatName = playbook.ThreatName;
        ZoneName = (zoneName ?? "").Trim();
        Scenario = (scenario ?? "").Trim();
        if (Scenario.Length > RunMessages.MaxScenarioLength) throw Invalid(nameof(Scenario), RunMessages.ScenarioTooLong);
        StartedAt = startedAt;
        HeldOn = DateOnly.FromDateTime(startedAt.UtcDateTime);
        var order = 0;
        foreach (var step in playbook.Steps.Where(s => Covers(kind, s.Phase)))
            steps.Add(new RunStep(Id, order++, step));
    }

    /// <summary>A drill exercises the response (P1–P3); an incident is followed to the return to routine (P1–P5). P0 is preparation, not a run.</summary>
    public static bool Covers(RunKind kind, IncidentPhase phase) =>
        phase >= IncidentPhase.P1 && (kind == RunKind.Incident || phase <= IncidentPhase.P3);

    /// <summary>In an incident the recovery and return-to-routine steps are reopening criteria, each signed off by a named person.</summary>
    public static bool IsReopeningCriterion(RunKind kind, IncidentPhase phase) => kind == RunKind.Incident && phase >= IncidentPhase.P4;

    public RunKind Kind { get; private set; }
    public Guid SiteId { get; private set; }
    /// <summary>The methodology version of the plan the run started from; null for drills and incidents recorded before runs followed a plan.</summary>
    public Guid? MethodologyVersionId { get; private set; }
    public int PlanRevision { get; private set; }
    public string PlaybookKey { get; private set; } = "";

    /// <summary>The threat type of the methodology: for an incident, its type.</summary>
    public string ThreatKey { get; private set; } = "";
    public LocalizedText ThreatName { get; private set; } = new("", "");

    /// <summary>The zone where it happens; empty for the whole site.</summary>
    public string ZoneName { get; private set; } = "";
    public string Scenario { get; private set; } = "";

    /// <summary>Time zero of every target: when the drill started or the incident happened.</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>The UTC day of <see cref="StartedAt"/>: what "drills in the last 12 months" counts.</summary>
    public DateOnly HeldOn { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>
    /// The procedures of the steps done in the run, set when it finishes (none while it goes on): the coverage
    /// figures count a drill's procedures from its run without reading its steps.
    /// </summary>
    public ProcedureFlags DoneProcedures { get; private set; }

    /// <summary>How many people took part (staff and visitors), when known.</summary>
    public int? Headcount { get; private set; }
    public string Lessons { get; private set; } = "";

    /// <summary>Incidents only: what happened in the end, and the casualties when known.</summary>
    public string Outcome { get; private set; } = "";
    public int? Injured { get; private set; }
    public int? Fatalities { get; private set; }

    [Timestamp]
    public uint Version { get; private set; }

    public IReadOnlyList<RunStep> Steps => steps;

    public bool IsFinished => FinishedAt is not null;

    /// <summary>For an incident, the time from when it happened to the return to routine.</summary>
    public TimeSpan? TimeToReopen => Kind == RunKind.Incident && FinishedAt is { } finished ? finished - StartedAt : null;

    /// <summary>
    /// Marks a step done by <paramref name="by"/> at <paramref name="at"/>. Idempotent: a step already done keeps its
    /// first tick and the call returns false (a double click or a replay after a reconnect records one tick).
    /// Steps may be ticked in any order: a team acts in parallel. A reopening criterion needs the signing person's name.
    /// </summary>
    public bool Tick(string stepKey, string by, DateTimeOffset at, string? signedOffBy = null)
    {
        DemandRunning();
        var step = Step(stepKey);
        if (step.DoneAt is not null) return false;
        signedOffBy = (signedOffBy ?? "").Trim();
        if (IsReopeningCriterion(Kind, step.Phase) && signedOffBy.Length == 0) throw Invalid("SignedOffBy", RunMessages.SignOffNameRequired);
        if (signedOffBy.Length > RunMessages.MaxNameLength) throw Invalid("SignedOffBy", RunMessages.NameTooLong);
        step.MarkDone(by, at, StartedAt, signedOffBy);
        return true;
    }

    /// <summary>Takes a tick back while the run goes on (ticked by mistake); returns false when the step was not done.</summary>
    public bool Untick(string stepKey)
    {
        DemandRunning();
        var step = Step(stepKey);
        if (step.DoneAt is null) return false;
        step.MarkUndone();
        return true;
    }

    public void Note(string stepKey, string note)
    {
        DemandRunning();
        note = (note ?? "").Trim();
        if (note.Length > RunMessages.MaxNoteLength) throw Invalid("Note", RunMessages.NoteTooLong);
        Step(stepKey).Note = note;
    }

    /// <summary>
    /// Ends the run: every step gets its outcome (late against its target, missed when never done). A drill may
    /// finish any time; an incident returns to routine only when every reopening criterion is signed off.
    /// </summary>
    public void Finish(DateTimeOffset at)
    {
        DemandRunning();
        if (Kind == RunKind.Incident && steps.Any(s => IsReopeningCriterion(Kind, s.Phase) && s.DoneAt is null))
            throw Invalid("Steps", RunMessages.UnsignedCriteria);
        FinishedAt = at < StartedAt ? StartedAt : at;
        foreach (var step in steps) step.Outcome = StepTiming.OutcomeOf(step.TargetMinutes, step.ElapsedSeconds);
        DoneProcedures = ProceduresDone(steps);
    }

    /// <summary>The procedures of the steps that were done (ticked), whatever their timing: what <see cref="DoneProcedures"/> keeps.</summary>
    public static ProcedureFlags ProceduresDone(IEnumerable<RunStep> steps) =>
        ProcedureFlag.Of(steps.Where(s => s.DoneAt is not null).Select(s => s.Procedure));

    /// <summary>The review's free-text lessons and the headcount; editable after the run too.</summary>
    public void Review(string lessons, int? headcount)
    {
        lessons = (lessons ?? "").Trim();
        if (lessons.Length > RunMessages.MaxLessonsLength) throw Invalid(nameof(Lessons), RunMessages.LessonsTooLong);
        if (headcount < 0) throw Invalid(nameof(Headcount), RunMessages.CountNegative);
        Lessons = lessons;
        Headcount = headcount;
    }

    /// <summary>The incident record's outcome and casualties (both optional).</summary>
    public void RecordOutcome(string outcome, int? injured, int? fatalities)
    {
        if (Kind != RunKind.Incident) throw new DomainException("NotAnIncident", "Only an incident has an outcome and casualties.");
        outcome = (outcome ?? "").Trim();
        if (outcome.Length > RunMessages.MaxOutcomeLength) throw Invalid(nameof(Outcome), RunMessages.OutcomeTooLong);
        if (injured < 0) throw Invalid(nameof(Injured), RunMessages.CountNegative);
        if (fatalities < 0) throw Invalid(nameof(Fatalities), RunMessages.CountNegative);
        Outcome = outcome;
        Injured = injured;
        Fatalities = fatalities;
    }

    private RunStep Step(string stepKey) =>
        steps.FirstOrDefault(s => s.Key == stepKey) ?? throw new NotFoundException("The step");

    private void DemandRunning()
    {
        if (IsFinished) throw new DomainException("RunFinished", "The run has finished; its steps no longer change.");
    }

    private static ValidationFailedException Invalid(string field, LocalizedText message) =>
        ValidationFailedException.From(new Dictionary<string, LocalizedText> { [field] = message });
}
