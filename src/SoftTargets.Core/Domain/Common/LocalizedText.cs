using System.Globalization;
using System.Text.Json.Serialization;

namespace SoftTargets.Core.Domain.Common;

/// <summary>Text authored in English and Czech; serialised as <c>{ "en": ..., "cs": ... }</c>.</summary>
public sealed record LocalizedText(
    [property: JsonPropertyName("en")] string En,
    [property: JsonPropertyName("cs")] string Cs)
{
    public string For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "cs" && !string.IsNullOrWhiteSpace(Cs) ? Cs : En;

    public override string ToString() => For(CultureInfo.CurrentUICulture);
}
