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

    public void Edit(FindingSeverity severity, string title, string text, DateOnly dueDate)
    {
        DemandNotClosed("A closed finding cannot change.");
        title = (title ?? "").Trim();
        text = (text ?? "").Trim();
        if (title.Length == 0) throw Invalid(nameof(Title), FindingMessages.TitleRequired);
        if (title.Length > FindingMessages.MaxTitleLength) throw Invalid(nameof(Title), FindingMessages.TitleTooLong);
        if (text.Length > FindingMessages.MaxTextLength) throw Invalid(nameof(Text), FindingMessages.TextTooLong);
        if (!Enum.IsDefined(severity)) throw Invalid(nameof(Severity), FindingMessages.SeverityRequired);
        Severity = severity;
        Title = title;
        Text = text;
        DueDate = dueDate;
    }

    /// <summary>The venue manager answers an open finding, or revises the answer while the auditor has not yet decided.</summary>
    public void Respond(string answer, DateTimeOffset at)
    {
        DemandNotClosed("A closed finding cannot be answered.");
        answer = (answer ?? "").Trim();
        if (answer.Length == 0) throw Invalid(nameof(Answer), FindingMessages.AnswerRequired);
        if (answer.Length > FindingMessages.MaxTextLength) throw Invalid(nameof(Answer), FindingMessages.AnswerTooLong);
        Answer = answer;
        AnsweredAt = at;
        Status = FindingStatus.Answered;
    }

    /// <summary>
    /// An auditor accepts the answer and closes the finding. An open finding (no answer) closes only with a
    /// reason, e.g. it was checked on a follow-up visit or recorded by mistake. A closed finding is final.
    /// </summary>
    public void Close(string reason, DateTimeOffset at)
    {
        DemandNotClosed("The finding is already closed.");
        reason = (reason ?? "").Trim();
        if (Status == FindingStatus.Open && reason.Length == 0) throw Invalid("Reason", FindingMessages.CloseReasonRequired);
        if (reason.Length > 0) AppendNote("Closed", reason, at);
        Status = FindingStatus.Closed;
        ClosedAt = at;
    }

    /// <summary>
    /// An auditor sends an answered finding back to the venue manager because the answer is not enough. The
    /// note is appended to the finding's description (the auditor's own text); the last answer stays for the
    /// manager to revise, and earlier answers live in the audit trail.
    /// </summary>
    public void Reopen(string note, DateTimeOffset at)
    {
        if (Status != FindingStatus.Answered)
            throw new DomainException("FindingNotAnswered", "Only an answered finding can be reopened.");
        note = (note ?? "").Trim();
        if (note.Length == 0) throw Invalid("Note", FindingMessages.ReopenNoteRequired);
        AppendNote("Reopened", note, at);
        Status = FindingStatus.Open;
    }

    private void AppendNote(string what, string note, DateTimeOffset at)
    {
        var text = $"{Text}\n\n{what} {at:yyyy-MM-dd}: {note}".Trim();
        if (text.Length > FindingMessages.MaxTextLength) throw Invalid("Note", FindingMessages.NoteTooLong);
        Text = text;
    }

    private void DemandNotClosed(string message)
    {
        if (Status == FindingStatus.Closed) throw new DomainException("FindingClosed", message);
    }

    private static ValidationFailedException Invalid(string field, LocalizedText message) =>
        ValidationFailedException.From(new Dictionary<string, LocalizedText> { [field] = message });
}
