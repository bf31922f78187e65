using System.Globalization;
using Microsoft.Extensions.Localization;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Plans;

/// <summary>Small helpers shared by the plan pages.</summary>
public static class PlanText
{
    /// <summary>The localised message for a domain error, by its code; Core's English text otherwise.</summary>
    public static string Error(IStringLocalizer<PlanStrings> strings, DomainException error)
    {
        var text = strings[$"Error_{error.Code}"];
        return text.ResourceNotFound ? error.Message : text.Value;
    }

    /// <summary>Each field's message, localised where the field is known.</summary>
    public static IEnumerable<string> Errors(IStringLocalizer<PlanStrings> strings, ValidationFailedException error) =>
        error.Errors.SelectMany(field =>
        {
            if (error.Problems.TryGetValue(field.Key, out var problem)) return [problem.ToString()];
            var text = strings[$"Invalid_{field.Key}"];
            return text.ResourceNotFound ? field.Value : [text.Value];
        });

    /// <summary>The message for one field, localised as <see cref="Errors(IStringLocalizer{PlanStrings}, ValidationFailedException)"/> does.</summary>
    public static string Errors(IStringLocalizer<PlanStrings> strings, ValidationFailedException error, string field) =>
        error.Problems.TryGetValue(field, out var problem) ? problem.ToString()
            : strings[$"Invalid_{field}"] is { ResourceNotFound: false } text ? text.Value
            : string.Join(" ", error.Errors.GetValueOrDefault(field) ?? []);

    /// <summary>A measure category's name in the user's language: the one place the plan pages name a category.</summary>

    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "–";

    /// <summary>A file size in kB or MB, the way people read it.</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Format(CultureInfo.CurrentCulture, "{0:N0} kB", Math.Max(1, (bytes + 1023) / 1024))
        : string.Format(CultureInfo.CurrentCulture, "{0:N1} MB", bytes / 1024d / 1024d);

    /// <summary>The allowed evidence types as people know them: ".pdf, .png, …".</summary>
    public static string AllowedTypes => string.Join(", ", MeasureTracking.AllowedExtensions.Order(StringComparer.Ordinal));

    public static string EvidenceUrl(Guid siteId, Guid evidenceId) => $"/sites/{siteId}/evidence/{evidenceId}";
}
