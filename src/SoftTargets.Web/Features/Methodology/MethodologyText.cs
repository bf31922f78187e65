using Microsoft.Extensions.Localization;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Methodology;

/// <summary>Small helpers shared by the methodology pages.</summary>
public static class MethodologyText
{
    /// <summary>The localised message for a domain error, by its code; Core's English text otherwise.</summary>
    public static string Error(IStringLocalizer<MethodologyStrings> strings, DomainException error)
    {
        var text = strings[$"Error_{error.Code}"];
        return text.ResourceNotFound ? error.Message : text.Value;
    }

    /// <summary>A copy of a list with one item replaced (or appended when <paramref name="index"/> is -1).</summary>
    public static IReadOnlyList<T> With<T>(this IReadOnlyList<T> items, int index, T item)
    {
        var copy = items.ToList();
        if (index < 0) copy.Add(item);
        else copy[index] = item;
        return copy;
    }

    public static IReadOnlyList<T> Without<T>(this IReadOnlyList<T> items, int index) =>
        items.Where((_, i) => i != index).ToList();
}
