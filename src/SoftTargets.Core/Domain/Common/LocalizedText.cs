using System.Globalization;
using System.Text.Json.Serialization;

namespace SoftTargets.Core.Domain.Common;

/// <summary>
/// Text authored in English and Czech; serialised as <c>{ "en": ..., "cs": ... }</c>. A methodology written in one
/// language only leaves the other out (empty): the text then reads in the language it has.
/// </summary>
public sealed record LocalizedText(
    [property: JsonPropertyName("en")] string En = "",
    [property: JsonPropertyName("cs")] string Cs = "")
{
    public string For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "cs"
            ? (string.IsNullOrWhiteSpace(Cs) ? En ?? "" : Cs)
            : (string.IsNullOrWhiteSpace(En) ? Cs ?? "" : En);

    public override string ToString() => For(CultureInfo.CurrentUICulture);
}
