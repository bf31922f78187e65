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
        IncidentPhase phase => m[$"Phase_{phase}"],
        Procedure procedure => m[$"Procedure_{procedure}"],
        string role when field == "role" => document.Roles.FirstOrDefault(r => r.Key == role)?.Name.For(culture) ?? role,
        string threat when field == "threat" => document.ThreatTypes.FirstOrDefault(t => t.Key == threat)?.Name.For(culture) ?? threat,
        string category when field == "category" => CatalogueNames.Of(document).Category(category).For(culture),
        string { Length: 0 } => "—",
        string text => text,
        IFormattable number => number.ToString(null, culture),
        IEnumerable<string> keys => string.Join(", ", keys),
        IEnumerable => JsonSerializer.Serialize(value, LibraryFormat.JsonOptions),
        _ => value.ToString() ?? "",
    };
}
