using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;
using SoftTargets.Web.Features.Account;

namespace SoftTargets.Web.Api;

/// <summary>A new profile for a site, with the version it was read at (a stale version is a 409 conflict).</summary>
public sealed record SiteUpdate(SiteProfile Profile, uint Version);

public static class SitesApi
{
    public static void MapSitesApi(this RouteGroupBuilder api)
    {
        var sites = api.MapGroup("/sites").RequireAuthorization(Policies.SiteReader).WithTags("Sites");

        sites.MapGet("/", (SiteQueries queries, int? page, int? pageSize, string? search, CancellationToken ct) =>
                queries.ListAsync(new PageRequest(page ?? 0, pageSize ?? 25, Search: search), ct))
            .WithName("ListSites");

        sites.MapGet("/{id:guid}", async Task<IResult> (Guid id, SiteQueries queries, CancellationToken ct) =>
                await queries.GetAsync(id, ct) is { } site ? TypedResults.Ok(site) : TypedResults.NotFound())
            .WithName("GetSite");

        // Changes: for venue managers, in their own organisation (Core refuses anything else).
        sites.MapPost("/", async (SiteProfile profile, SiteService service, ICurrentUser currentUser, CancellationToken ct) =>
            {
                var actor = await currentUser.GetAsync(ct);
                if (actor.OrganizationId is not { } organization) return Results.Forbid();
                var id = await service.CreateAsync(organization, profile, ct);
                return Results.Created($"/api/sites/{id}", new { id });
            })
            .RequireAuthorization(Policies.VenueManager)
            .WithBodyLimit(RequestBodyLimit.Json, "A site profile is a few kilobytes: send only its fields.")
            .WithName("CreateSite");

        sites.MapPost("/import", async (HttpRequest request, SiteCsvImport import, CancellationToken ct) =>
            {
                var result = await import.ImportAsync(request.Body, ct);
                return result.Succeeded
                    ? Results.Ok(new { imported = result.Imported })
                    : Results.BadRequest(new { errors = result.Errors.Select(e => new { line = e.Line, message = e.Message.En, messageCs = e.Message.Cs }) });
            })
            .RequireAuthorization(Policies.VenueManager)
            .WithBodyLimit(RequestBodyLimit.File, "Split the file and import the parts one after another.", "text/csv")
            .WithName("ImportSites")
            .WithSummary("Imports sites from a CSV file (docs/site-csv.md) into the caller's organisation; nothing is imported when any row is bad.");

        sites.MapPut("/{id:guid}", async (Guid id, SiteUpdate update, SiteService service, CancellationToken ct) =>
                Results.Ok(new { version = await service.UpdateProfileAsync(id, update.Profile, update.Version, ct) }))
            .RequireAuthorization(Policies.VenueManager)
            .WithBodyLimit(RequestBodyLimit.Json, "A site profile is a few kilobytes: send only its fields.")
            .WithName("UpdateSite");

        sites.MapDelete("/{id:guid}", async (Guid id, uint version, SiteService service, CancellationToken ct) =>
            {
                await service.DeleteAsync(id, version, ct);
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.VenueManager)
            .WithName("DeleteSite");
    }
}
