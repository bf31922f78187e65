using System.ComponentModel.DataAnnotations;
using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Compliance;

public enum FindingSeverity
{
    Low,
    Medium,
    High,
    Critical,
}

public enum FindingStatus
{
    Open,
    Answered,
    Closed,
}

/// <summary>An auditor's finding on a site or one of its measures, answered by the venue manager.</summary>
public sealed class Finding : AuditableEntity
{
    private Finding() { }

    public Finding(Guid siteId, Guid? planMeasureId, string authorId, FindingSeverity severity, string title, string text, DateOnly dueDate)
    {
        SiteId = siteId;
        PlanMeasureId = planMeasureId;
        AuthorId = authorId;
        Edit(severity, title, text, dueDate);
    }

    public Guid SiteId { get; private set; }
    public Guid? PlanMeasureId { get; private set; }
    public string AuthorId { get; private set; } = "";
    public FindingSeverity Severity { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateOnly DueDate { get; private set; }
    public FindingStatus Status { get; private set; } = FindingStatus.Open;
    public string Answer { get; private set; } = "";
    public DateTimeOffset? AnsweredAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    [Timestamp]
    public uint Version { get; private set; }

    public bool IsOverdue(DateOnly today) => Status != FindingStatus.Closed && DueDate < today;

    public void Edit(FindingSeverity severity, string title, string text, DateOnly dueDate)
    {
        if (Status == FindingStatus.Closed)
            throw new DomainException("FindingClosed", "A closed finding cannot change.");
        if (string.IsNullOrWhiteSpace(title))
            throw ValidationFailedException.For(nameof(Title), "Give the finding a short title.");
        Severity = severity;
        Title = title.Trim();
        Text = text.Trim();
        DueDate = dueDate;
    }

    public void Respond(string answer, DateTimeOffset at)
    {
        if (Status == FindingStatus.Closed)
            throw new DomainException("FindingClosed", "A closed finding cannot be answered.");
        if (string.IsNullOrWhiteSpace(answer))
            throw ValidationFailedException.For(nameof(Answer), "Write what was done about the finding.");
        Answer = answer.Trim();
        AnsweredAt = at;
        Status = FindingStatus.Answered;
    }

    public void Close(DateTimeOffset at)
    {
        if (Status == FindingStatus.Closed)
            throw new DomainException("FindingClosed", "The finding is already closed.");
        Status = FindingStatus.Closed;
        ClosedAt = at;
    }
}
