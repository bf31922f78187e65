using System.Globalization;
using Microsoft.Extensions.Localization;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Web.Components;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Readiness;

/// <summary>Small helpers shared by the drill and incident pages.</summary>
public static class RunText
{
    /// <summary>Problems by field in the user's language (Core's rules carry both languages); other refusals by code.</summary>
    public static Dictionary<string, string> Problems(IStringLocalizer<ReadinessStrings> strings, DomainException error)
    {
        if (error is ValidationFailedException { Problems.Count: > 0 } invalid)
            return invalid.Problems.ToDictionary(p => p.Key, p => p.Value.For(CultureInfo.CurrentUICulture));
        if (error is ValidationFailedException other)
            return other.Errors.ToDictionary(p => p.Key, p => string.Join(" ", p.Value));
        var text = strings[$"Error_{error.Code}"];
        return new Dictionary<string, string> { [""] = text.ResourceNotFound ? error.Message : text.Value };
    }

    /// <summary>A duration since the start as h:mm:ss (or m:ss under an hour).</summary>
    public static string Clock(TimeSpan elapsed)
    {
        if (elapsed < TimeSpan.Zero) elapsed = TimeSpan.Zero;
        var hours = (int)elapsed.TotalHours;
        return hours > 0 ? $"{hours}:{elapsed.Minutes:00}:{elapsed.Seconds:00}" : $"{elapsed.Minutes}:{elapsed.Seconds:00}";
    }

    public static string Time(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Display.Zone).ToString("t", CultureInfo.CurrentCulture);

    public static string Kind(IStringLocalizer<ReadinessStrings> strings, RunKind kind) => strings[$"Kind_{kind}"];

    /// <summary>What the local date and time typed into the incident form means in UTC (the country's zone); null when unreadable.</summary>
    public static DateTimeOffset? FromLocal(string? value)
    {
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Display.Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    public static string ToLocalInput(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, Display.Zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
