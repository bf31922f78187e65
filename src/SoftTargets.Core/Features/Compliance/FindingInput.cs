using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Compliance;

namespace SoftTargets.Core.Features.Compliance;

/// <summary>A finding as the auditor entered it.</summary>
public sealed record FindingInput(FindingSeverity Severity, string Title, string Text, DateOnly DueDate)
{
    /// <summary>
    /// Each invalid field with what to do about it, in English and Czech; empty when the input can be saved.
    /// A new finding cannot be due in the past; an edited one may keep a due date that has since passed.
    /// </summary>
    public Dictionary<string, LocalizedText> Problems(DateOnly today, bool isNew)
    {
        var problems = new Dictionary<string, LocalizedText>();
        var title = (Title ?? "").Trim();
        if (title.Length == 0) problems[nameof(Title)] = FindingMessages.TitleRequired;
        else if (title.Length > FindingMessages.MaxTitleLength) problems[nameof(Title)] = FindingMessages.TitleTooLong;
        if ((Text ?? "").Trim().Length > FindingMessages.MaxTextLength) problems[nameof(Text)] = FindingMessages.TextTooLong;
        if (!Enum.IsDefined(Severity)) problems[nameof(Severity)] = FindingMessages.SeverityRequired;
        if (isNew && DueDate < today) problems[nameof(DueDate)] = FindingMessages.DueDateInPast;
        return problems;
    }

    internal static ValidationFailedException Failure(Dictionary<string, LocalizedText> problems) => ValidationFailedException.From(problems);
}
