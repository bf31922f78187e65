using Microsoft.Extensions.Localization;
using SoftTargets.Core.Domain.Audit;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Audit;

/// <summary>Words for the audit trail's record types and actions, in the user's language.</summary>
public static class AuditText
{
    /// <summary>A type the app no longer has (or not yet a name for) is shown as recorded.</summary>
    public static string EntityType(this IStringLocalizer<AuditStrings> a, string entityType)
    {
        var name = a[$"EntityType_{entityType}"];
        return name.ResourceNotFound ? entityType : name.Value;
    }

    public static string Action(this IStringLocalizer<AuditStrings> a, AuditAction action) => a[$"Action_{action}"];

    /// <summary>The trail filtered to one record, as a link other pages can use.</summary>
    public static string RecordHistoryUrl(string entityType, string entityId, bool includeParts = false) =>
        $"/audit?entityType={Uri.EscapeDataString(entityType)}&entityId={Uri.EscapeDataString(entityId)}" + (includeParts ? "&parts=true" : "");
}
