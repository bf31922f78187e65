using System.Globalization;
using Microsoft.Extensions.Localization;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Features.Plans.Export;
using SoftTargets.Web.Features.Account;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Plans;

/// <summary>
/// Files the plan page links to: evidence downloads and the Word exports. The same readers as the page;
/// Core decides which sites the caller sees, and every other site answers 404.
/// </summary>
public static class PlanEndpoints
{
    public static void MapPlanEndpoints(this WebApplication app)
    {
        var site = app.MapGroup("/sites/{siteId:guid}").RequireAuthorization(Policies.SiteReader).ExcludeFromDescription();

        site.MapGet("/evidence/{evidenceId:guid}", async Task<IResult> (Guid siteId, Guid evidenceId, MeasureTracking tracking, HttpContext http, CancellationToken ct) =>
        {
            if (await tracking.GetEvidenceAsync(siteId, evidenceId, ct) is not { } file) return Results.NotFound();
            // Uploaded files are the users' content: never let a browser guess a more dangerous type or show it inline.
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Content, file.ContentType, file.FileName);
        });

        site.MapGet("/plan/plan.docx", (Guid siteId, PlanQueries queries, IStringLocalizer<PlanStrings> strings, CancellationToken ct) =>
            ExportAsync(siteId, queries, PlanDocx.Write, strings["Export_PlanFileName"], ct));

        site.MapGet("/plan/pocket-cards.docx", (Guid siteId, PlanQueries queries, IStringLocalizer<PlanStrings> strings, CancellationToken ct) =>
            ExportAsync(siteId, queries, PocketCards.Write, strings["Export_PocketCardsFileName"], ct));
    }

    /// <summary>A Word export of the site's latest plan in the caller's language; 404 when the site is not visible or has no plan.</summary>
    private static async Task<IResult> ExportAsync(Guid siteId, PlanQueries queries, Func<PlanExportData, CultureInfo, byte[]> write,
        LocalizedString fileName, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (await queries.GetExportDataAsync(siteId, culture, ct) is not { } data) return Results.NotFound();
        return Results.File(write(data, culture), PlanDocx.ContentType, string.Format(culture, fileName.Value, FileNamePart(data.Site.Name)));
    }

    /// <summary>The site's name as part of a file name: characters no file system accepts become dashes.</summary>
    internal static string FileNamePart(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var safe = new string(name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '-' : c).ToArray()).Trim(' ', '.', '-');
        return safe.Length == 0 ? "site" : safe;
    }
}
