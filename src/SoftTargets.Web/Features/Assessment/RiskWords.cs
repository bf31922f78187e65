using Microsoft.Extensions.Localization;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Assessment;

/// <summary>The words and colours of the 1 to 5 scales and of risk bands, shared by the table, the dialog and the heat map.</summary>
public static class RiskWords
{
    public static readonly int[] Scale = [1, 2, 3, 4, 5];

    /// <summary>"3 – Possible".</summary>
    public static string Likelihood(IStringLocalizer<AssessmentStrings> strings, int level) => $"{level} – {strings[$"Likelihood_{level}"]}";

    /// <summary>"4 – Major".</summary>
    public static string Impact(IStringLocalizer<AssessmentStrings> strings, int level) => $"{level} – {strings[$"Impact_{level}"]}";

    public static string Band(IStringLocalizer<AssessmentStrings> strings, int score) => strings[$"Band_{HeatMap.BandOf(score)}"];

    /// <summary>A CSS class per band; app.css pairs each background with dark text at 4.5:1 or more.</summary>
    public static string BandClass(int score) => HeatMap.BandOf(score) switch
    {
        RiskBand.Low => "risk-low",
        RiskBand.Medium => "risk-medium",
        RiskBand.High => "risk-high",
        _ => "risk-very-high",
    };
}
