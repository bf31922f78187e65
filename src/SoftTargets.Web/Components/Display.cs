using System.Globalization;

namespace SoftTargets.Web.Components;

/// <summary>How times and numbers are shown: stored in UTC, shown in the country's zone.</summary>
public static class Display
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");

    public static string When(DateTimeOffset? value) =>
        value is null ? "–" : TimeZoneInfo.ConvertTime(value.Value, Zone).ToString("g", CultureInfo.CurrentCulture);

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A percentage already on the 0–100 scale, with one decimal; a dash when there is none.</summary>
    public static string Percent(decimal? value) =>
        value is { } v ? $"{v.ToString("0.0", CultureInfo.CurrentCulture)} %" : "–";

    public static string Percent(int part, int whole) =>
        whole == 0 ? "–" : ((double)part / whole).ToString("P0", CultureInfo.CurrentCulture);
}
