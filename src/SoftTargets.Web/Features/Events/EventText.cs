using System.Globalization;
using Microsoft.Extensions.Localization;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Events;

/// <summary>Small helpers shared by the event pages and dialogs.</summary>
public static class EventText
{
    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>One day, or the first and last day of a longer event.</summary>
    public static string Days(DateOnly startsOn, DateOnly endsOn) =>
        startsOn == endsOn ? Date(startsOn) : $"{Date(startsOn)} – {Date(endsOn)}";

    /// <summary>What a refused action says in the user's language: validation problems carry both languages, other errors go by code.</summary>
    public static IReadOnlyList<string> Errors(IStringLocalizer<EventStrings> strings, DomainException error)
    {
        if (error is ValidationFailedException { Problems.Count: > 0 } invalid)
            return invalid.Problems.Values.Select(p => p.For(CultureInfo.CurrentUICulture)).ToList();
        if (error is ValidationFailedException other)
            return other.Errors.SelectMany(e => e.Value).ToList();
        var text = strings[$"Error_{error.Code}"];
        return [text.ResourceNotFound ? error.Message : text.Value];
    }

    public static string AttributeNames(IReadOnlyList<string> keys, IReadOnlyList<CatalogItem> catalogue) =>
        string.Join(", ", keys.Select(k => catalogue.FirstOrDefault(c => c.Key == k)?.Name.For(CultureInfo.CurrentUICulture) ?? k));
}
