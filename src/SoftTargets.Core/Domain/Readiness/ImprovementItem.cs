using System.ComponentModel.DataAnnotations;
using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Readiness;

public enum ImprovementStatus
{
    Open,
    Done,
}

/// <summary>
/// An item of a site's improvement plan raised by a run's review (owner, due date), about a plan measure or a
/// playbook step; it shows in the site's plan tracking and may answer an open finding.
/// </summary>
public sealed class ImprovementItem : AuditableEntity
{
    private ImprovementItem() { }

    public ImprovementItem(Guid siteId, Guid? runId, string title, string owner, DateOnly dueDate, string? measureKey, string? stepKey, DateOnly today)
    {
        SiteId = siteId;
        RunId = runId;
        Edit(title, owner, dueDate, measureKey, stepKey, today);
    }

    public Guid SiteId { get; private set; }
    public Guid? RunId { get; private set; }
    public string Title { get; private set; } = "";
    public string Owner { get; private set; } = "";
    public DateOnly DueDate { get; private set; }

    /// <summary>The plan measure it concerns, by its stable key; null when it concerns none.</summary>
    public string? MeasureKey { get; private set; }

    /// <summary>The playbook step it concerns, by its stable key; null when it concerns none.</summary>
    public string? StepKey { get; private set; }

    /// <summary>The finding this item answers, when linked to one.</summary>
    public Guid? FindingId { get; private set; }
    public ImprovementStatus Status { get; private set; } = ImprovementStatus.Open;
    public DateTimeOffset? DoneAt { get; private set; }

    [Timestamp]
    public uint Version { get; private set; }

    /// <summary>Overdue is derived like a measure's: open and the due date has passed.</summary>
    public bool IsOverdue(DateOnly today) => Status == ImprovementStatus.Open && DueDate < today;

    public void Edit(string title, string owner, DateOnly dueDate, string? measureKey, string? stepKey, DateOnly today)
    {
        title = (title ?? "").Trim();
        owner = (owner ?? "").Trim();
        var problems = new Dictionary<string, LocalizedText>();
        if (title.Length == 0) problems[nameof(Title)] = RunMessages.TitleRequired;
        else if (title.Length > RunMessages.MaxTitleLength) problems[nameof(Title)] = RunMessages.TitleTooLong;
        if (owner.Length == 0) problems[nameof(Owner)] = RunMessages.OwnerRequired;
        else if (owner.Length > RunMessages.MaxNameLength) problems[nameof(Owner)] = RunMessages.NameTooLong;
        if (dueDate < today && dueDate != DueDate) problems[nameof(DueDate)] = RunMessages.DueDateInPast;
        if (problems.Count > 0) throw ValidationFailedException.From(problems);
        Title = title;
        Owner = owner;
        DueDate = dueDate;
        MeasureKey = string.IsNullOrWhiteSpace(measureKey) ? null : measureKey.Trim();
        StepKey = string.IsNullOrWhiteSpace(stepKey) ? null : stepKey.Trim();
    }

    public void Complete(DateTimeOffset at)
    {
        if (Status == ImprovementStatus.Done) return;
        Status = ImprovementStatus.Done;
        DoneAt = at;
    }

    public void Reopen()
    {
        Status = ImprovementStatus.Open;
        DoneAt = null;
    }

    public void Answers(Guid findingId) => FindingId = findingId;
}
