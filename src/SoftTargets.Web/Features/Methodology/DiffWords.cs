using System.Collections;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology.Library;
using SoftTargets.Web.Features.Methodology.Rules;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Methodology;

/// <summary>A changed field's value in words: rules as sentences, choices by their names, keys by their catalogue names.</summary>
public static class DiffWords
{
    public static string Value(object? value, MethodologyDocument document, IStringLocalizer<MethodologyStrings> m, CultureInfo culture, string field) => value switch
    {
        null when field is "appliesWhen" or "when" => RuleSummary.Describe(null, document, culture),
        null => "—",
        Condition rule => RuleSummary.Describe(rule, document, culture),
        MeasurePriority priority => m[$"Priority_{priority}"],
        MeasureCategory category => m[$"Category_{category}"],
        IncidentPhase phase => m[$"Phase_{phase}"],
        Procedure procedure => m[$"Procedure_{procedure}"],
        string role when field == "role" => document.Roles.FirstOrDefault(r => r.Key == role)?.Name.For(culture) ?? role,
        string threat when field == "threat" => document.ThreatTypes.FirstOrDefault(t => t.Key == threat)?.Name.For(culture) ?? threat,
        string { Length: 0 } => "—",
        string text => text,
        IFormattable number => number.ToString(null, culture),
        IEnumerable<string> keys => string.Join(", ", keys),
        IEnumerable => JsonSerializer.Serialize(value, LibraryFormat.JsonOptions),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// Which of the plural forms "One", "Few" or "Many" a count takes: Czech has 1, 2–4 and the rest (0 and 5 and more);
    /// English has 1 and the rest.
    /// </summary>
    public static string PluralForm(int count, CultureInfo culture) => culture.TwoLetterISOLanguageName == "cs"
        ? count switch { 1 => "One", >= 2 and <= 4 => "Few", _ => "Many" }
        : count == 1 ? "One" : "Many";
}
