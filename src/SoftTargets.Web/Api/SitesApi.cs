using SoftTargets.Core.Features;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Web.Features.Account;

namespace SoftTargets.Web.Api;

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
    }
}
