using System.Globalization;
using Microsoft.Extensions.Localization;
using SoftTargets.Core.Features.Audit;
using SoftTargets.Web.Components;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Audit;

/// <summary>
/// The audit trail in the reader's words: a record by its name, a field by its label, a value as the app shows it elsewhere
/// (a status by its name, a date in the culture's format, an id by what it refers to). Used by the page and the exports alike.
/// </summary>
public sealed class AuditWords(
    IStringLocalizer<AuditStrings> a, IStringLocalizer<Strings> strings, IStringLocalizer<PlanStrings> plans,
    IStringLocalizer<FindingStrings> findings, IStringLocalizer<MethodologyStrings> methodology,
    IStringLocalizer<ReadinessStrings> readiness, IStringLocalizer<EventStrings> events)
{
    /// <summary>"Plan measure ACC-03 Access control at entrances", "Plan revision 3", "Site Stadion Ostrava".</summary>
    public string Record(AuditListItem item) =>
        item.Record is { } record && record.Name != item.EntityId
            ? Text(a[$"Record_{item.EntityType}"], a.EntityType(item.EntityType), record.Name)
            : $"{a.EntityType(item.EntityType)} {item.EntityId}";

    private static string Text(LocalizedString pattern, string type, string name) =>
        pattern.ResourceNotFound ? $"{type} {name}" : string.Format(CultureInfo.CurrentCulture, pattern.Value, name);

    /// <summary>The site a record belongs to, or null.</summary>
    public static string? Site(AuditListItem item) => item.Record?.Site;

    /// <summary>"Plan revision 3 generated: 63 measures", "Site Stadion Ostrava: created with 5 more records", or the record itself.</summary>
    public string Title(AuditGroup group) => group.Kind switch
    {
        AuditGroupKind.PlanGenerated => a.Count("Group_PlanGenerated", group.PlanRevision ?? 0, group.PlanMeasures),
        AuditGroupKind.Together => a.Count("Group_Together", $"{Record(group.Lead)}", a.Action(group.Lead.Action).ToLower(CultureInfo.CurrentCulture), group.Count - 1),
        _ => Record(group.Lead),
    };

    /// <summary>A property by its label in the reader's language; a property the app has no label for yet, as recorded.</summary>
    public string Field(string property)
    {
        var label = a[$"Field_{property}"];
        return label.ResourceNotFound ? property : label.Value;
    }

    /// <summary>A recorded value in words: an enum by its name, yes/no, a date or time as the culture writes it, an id by its name.</summary>
    public string Value(string entityType, string property, string? value, string? resolved)
    {
        if (string.IsNullOrEmpty(value)) return a["Details_Empty"];
        if (resolved is { Length: > 0 }) return resolved;
        if (value is "true" or "false") return a[value == "true" ? "Value_Yes" : "Value_No"];
        if (Enum(entityType, property, value) is { } named) return named;
        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day.ToString("d", CultureInfo.CurrentCulture);
        if (value.Length > 18 && value[4] == '-' && value[10] == 'T'
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant))
            return Display.When(instant);
        return value;
    }

    private string? Enum(string entityType, string property, string value)
    {
        var (localizer, prefix) = (entityType, property) switch
        {
            (nameof(Core.Domain.Plans.PlanMeasure), "Status") => ((IStringLocalizer)plans, "Status_"),
            (_, "Priority") => (plans, "Priority_"),
            (nameof(Core.Domain.Compliance.Finding), "Status") => (findings, "Status_"),
            (_, "Severity") => (findings, "Severity_"),
            (nameof(Core.Domain.Organizations.Organization), "Kind") => (strings, "OrganizationKind_"),
            (nameof(Core.Domain.Methodology.MethodologyVersion), "Status") => (strings, "MethodologyStatus_"),
            (nameof(Core.Domain.Readiness.PlaybookRun), "Kind") => (readiness, "Kind_"),
            (_, "Procedure") => (methodology, "Procedure_"),
            (nameof(Core.Domain.Readiness.RunStep), "Outcome") => (readiness, "Outcome_"),
            (_, "EntryChecks") => (events, "EntryChecks_"),
            (nameof(Core.Domain.Readiness.ImprovementItem), "Status") => (a, "ImprovementStatus_"),
            _ => (null, ""),
        };
        if (localizer is null) return null;
        var name = localizer[prefix + value];
        return name.ResourceNotFound ? null : name.Value;
    }

    /// <summary>The changed fields of an entry as one line of text: "Status: Not started → Implemented; Owner: – → Jana Nováková".</summary>
    public string Changes(string entityType, AuditChanges changes)
    {
        if (!changes.IsReadable) return changes.Raw;
        return string.Join("; ", changes.Rows.Where(r => r.IsChanged).Select(r =>
            $"{Field(r.Property)}: {Value(entityType, r.Property, r.Before, r.BeforeName)} → {Value(entityType, r.Property, r.After, r.AfterName)}"));
    }

    public IReadOnlyList<string> ExportHeaders() =>
    [
        a["Grid_When"], a["Grid_Who"], a["Grid_Organization"], a["Grid_RecordType"], a["Grid_Record"], a["Grid_Site"], a["Grid_Action"],
        a["Export_Changes"], a["Details_RecordId"],
    ];

    public IReadOnlyList<object?> ExportRow(AuditEntryDetails details)
    {
        var e = details.Entry;
        return [Display.When(e.At), e.UserName, e.OrganizationName ?? "", a.EntityType(e.EntityType), Record(e), Site(e) ?? "", a.Action(e.Action),
            Changes(e.EntityType, details.Changes), e.EntityId];
    }
}
