using System.Text.RegularExpressions;
using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Events;

/// <summary>
/// An event as the venue manager describes it. <see cref="Problems"/> is the one rule set the dialog, the
/// service and the aggregate check, so a value one refuses, the others refuse too.
/// </summary>
/// <param name="ExpectedAttendance">The most people expected at the same time, the event's temporary occupancy.</param>
/// <param name="Attributes">Keys of the methodology's attribute catalogue the event brings (e.g. alcohol served, queues outside).</param>
public sealed partial record EventInput(
    string Name,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int ExpectedAttendance,
    EntryChecks EntryChecks,
    string ResponsibleName,
    string ResponsiblePhone,
    IReadOnlyList<string> Attributes)
{
    public const int MaxAttributes = 100;

    /// <summary>
    /// Each invalid field with what to do about it, in English and Czech; empty when the input can be saved.
    /// With <paramref name="knownAttributes"/> (the site's methodology), an attribute outside it is a problem too.
    /// </summary>
    public Dictionary<string, LocalizedText> Problems(IReadOnlyCollection<string>? knownAttributes = null)
    {
        var problems = new Dictionary<string, LocalizedText>();
        var name = (Name ?? "").Trim();
        if (name.Length == 0) problems[nameof(Name)] = EventMessages.NameRequired;
        else if (name.Length > EventMessages.MaxNameLength) problems[nameof(Name)] = EventMessages.NameTooLong;
        if (StartsOn == default) problems[nameof(StartsOn)] = EventMessages.StartRequired;
        else if (EndsOn < StartsOn) problems[nameof(EndsOn)] = EventMessages.EndBeforeStart;
        if (ExpectedAttendance is < 1 or > EventMessages.MaxAttendance) problems[nameof(ExpectedAttendance)] = EventMessages.AttendanceRange;
        if (!Enum.IsDefined(EntryChecks)) problems[nameof(EntryChecks)] = EventMessages.EntryChecksRequired;
        var responsible = (ResponsibleName ?? "").Trim();
        if (responsible.Length == 0) problems[nameof(ResponsibleName)] = EventMessages.ResponsibleNameRequired;
        else if (responsible.Length > 200) problems[nameof(ResponsibleName)] = EventMessages.ResponsibleNameTooLong;
        var phone = (ResponsiblePhone ?? "").Trim();
        if (phone.Length is 0 or > 50 || !PhonePattern().IsMatch(phone)) problems[nameof(ResponsiblePhone)] = EventMessages.ResponsiblePhone;
        if (Attributes is null || Attributes.Count > MaxAttributes || Attributes.Any(a => string.IsNullOrWhiteSpace(a) || a.Length > 100 || HasControlCharacters(a)))
            problems[nameof(Attributes)] = EventMessages.AttributesInvalid;
        else if (knownAttributes is not null && Attributes.FirstOrDefault(a => !knownAttributes.Contains(a)) is { } unknown)
            problems[nameof(Attributes)] = EventMessages.AttributeUnknown(unknown);
        foreach (var (field, text) in new[] { (nameof(Name), Name), (nameof(ResponsibleName), ResponsibleName) })
            if (HasControlCharacters(text)) problems.TryAdd(field, EventMessages.ControlCharacters);
        return problems;
    }

    public void EnsureValid(IReadOnlyCollection<string>? knownAttributes = null)
    {
        var problems = Problems(knownAttributes);
        if (problems.Count > 0) throw ValidationFailedException.From(problems);
    }

    private static bool HasControlCharacters(string? text) => text is not null && text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    [GeneratedRegex(@"^\+?[0-9][0-9 ]{2,}$")]
    private static partial Regex PhonePattern();
}
