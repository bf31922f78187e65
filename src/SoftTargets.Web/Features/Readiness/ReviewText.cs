using System.Globalization;
using Microsoft.Extensions.Localization;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Features.Readiness;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Readiness;

/// <summary>Small helpers shared by the review page, its dialogs and the plan's improvement panel.</summary>
public static class ReviewText
{
    /// <summary>Each refused field's message in the user's language, by field; Core's English text where no translation is known.</summary>
    public static Dictionary<string, string> FieldErrors(ValidationFailedException error) =>
        error.Problems.Count > 0
            ? error.Problems.ToDictionary(p => p.Key, p => p.Value.For(CultureInfo.CurrentUICulture))
            : error.Errors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value));

    /// <summary>A refusal that is not about one field, localised by its code.</summary>
    public static string Error(IStringLocalizer<ReadinessStrings> strings, DomainException error)
    {
        var text = strings[$"Review_Error_{error.Code}"];
        return text.ResourceNotFound ? error.Message : text.Value;
    }

    public static string Elapsed(int? seconds) => seconds is { } s ? ReviewFacts.Elapsed(s) : "–";

    /// <summary>"2 d 3 h 15 min", leaving out the larger parts that are zero.</summary>
    public static string Duration(IStringLocalizer<ReadinessStrings> strings, TimeSpan duration)
    {
        var (days, hours, minutes) = ReviewFacts.Parts(duration);
        if (days > 0) return strings["Review_DurationDays", days, hours, minutes];
        if (hours > 0) return strings["Review_DurationHours", hours, minutes];
        return strings["Review_DurationMinutes", minutes];
    }

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string ReviewUrl(Guid siteId, Guid runId) => $"/sites/{siteId}/runs/{runId}/review";
}
