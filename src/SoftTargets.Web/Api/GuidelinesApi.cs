using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Web.Features.Account;

namespace SoftTargets.Web.Api;

public static class GuidelinesApi
{
    public static void MapGuidelinesApi(this RouteGroupBuilder api) =>
        api.MapPost("/guidelines/preview", (SiteSnapshot site, string? methodology, int? version, GuidelinePreview preview, CancellationToken ct) =>
                preview.PreviewAsync(site, methodology, version, ct))
            .RequireAuthorization(Policies.SignedIn)
            .WithBodyLimit(RequestBodyLimit.JsonWithParts, "Send one site's profile, zones, contacts and assessment, without anything else.")
            .WithTags("Guidelines")
            .WithName("PreviewGuideline")
            .WithSummary("Generates the guideline for a site profile and its assessment without saving anything.")
            .WithDescription("The query's optional `methodology` (a code) and `version` (a published version number) choose what the guideline follows; "
                + "without them, the newest published version of the installation's default methodology.");
}
