using System.Globalization;
using Microsoft.Extensions.Localization;
using SoftTargets.Core.Features.Texts;

namespace SoftTargets.Web.Components;

/// <summary>
/// Resource strings that count things are written in ICU MessageFormat (<c>{0, plural, one {# measure} other {# measures}}</c>)
/// and read through here, so each language gets its own plural forms; the indexer's string.Format would not understand them.
/// </summary>
public static class Counted
{
    public static string Count(this IStringLocalizer localizer, string key, params object?[] args) =>
        Plural.Format(CultureInfo.CurrentCulture, localizer[key].Value, args);
}
