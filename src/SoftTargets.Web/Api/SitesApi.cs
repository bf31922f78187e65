using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Domain.Organizations;
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

        // Keyset paging: each page carries the cursor of the next; no page numbers and no total, so a page costs the same at any depth.
        sites.MapGet("/", async Task<IResult> (SiteQueries queries, string? after, int? pageSize, string? search, int? page, CancellationToken ct) =>
            {
                var request = new SiteCursorRequest(after, pageSize ?? 25, search);
                var problems = request.Validate();
                if (page is not null) problems["Page"] = ["The list has no page numbers: pass the previous page's \"next\" value as \"after\"."];
                return problems.Count > 0 ? TypedResults.ValidationProblem(problems) : TypedResults.Ok(await queries.ListAfterAsync(request, ct));
            })
            .WithName("ListSites");

        sites.MapGet("/{id:guid}", async Task<IResult> (Guid id, SiteQueries queries, CancellationToken ct) =>
                await queries.GetAsync(id, ct) is { } site ? TypedResults.Ok(site) : TypedResults.NotFound())
            .WithName("GetSite");

        // Changes: for venue managers, in their own organisation (Core refuses anything else).
        sites.MapPost("/", async (HttpRequest request, SiteService service, ICurrentUser currentUser, CancellationToken ct) =>
            {
                var (profile, problem) = await ReadJsonAsync<SiteProfile>(request, ct);
                if (profile is null) return problem!;
                var actor = await currentUser.GetAsync(ct);
                if (actor.OrganizationId is not { } organization) return Results.Forbid();
                var id = await service.CreateAsync(organization, profile, ct);
                return Results.Created($"/api/sites/{id}", new { id });
            })
            .RequireAuthorization(Policies.VenueManager)
            .WithBodyLimit(RequestBodyLimit.Json, "A site profile is a few kilobytes: send only its fields.")
            .Accepts<SiteProfile>("application/json")
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

        sites.MapPut("/{id:guid}", async (Guid id, HttpRequest request, SiteService service, CancellationToken ct) =>
            {
                var (update, problem) = await ReadJsonAsync<SiteUpdate>(request, ct);
                if (update is null) return problem!;
                if (update.Profile is null) return Results.ValidationProblem(new Dictionary<string, string[]> { ["Profile"] = ["Send the site's profile with the version you read it at."] });
                return Results.Ok(new { version = await service.UpdateProfileAsync(id, update.Profile, update.Version, ct) });
            })
            .RequireAuthorization(Policies.VenueManager)
            .WithBodyLimit(RequestBodyLimit.Json, "A site profile is a few kilobytes: send only its fields.")
            .Accepts<SiteUpdate>("application/json")
            .WithName("UpdateSite");

        sites.MapDelete("/{id:guid}", async (Guid id, uint version, SiteService service, CancellationToken ct) =>
            {
                await service.DeleteAsync(id, version, ct);
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.VenueManager)
            .WithName("DeleteSite");
    }

    /// <summary>
    /// The body as <typeparamref name="T"/>, or a validation problem naming the field that could not be
    /// read (a region that is not one of the 14, a number in a text field, broken JSON).
    /// </summary>
    private static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await request.ReadFromJsonAsync<T>(options, ct) is { } value
                ? (value, null)
                : (null, Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send a JSON object, not null."] }));
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            var message = field == "body"
                ? "The body is not valid JSON: check brackets, quotes and commas."
                : field.EndsWith("Region", StringComparison.Ordinal)
                    ? "Send the region as text: one of the region keys of the site's methodology (e.g. Praha)."
                    : "The value is missing, has the wrong type or is not one of the allowed choices.";
            return (null, Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }));
        }
    }

    /// <summary>"$.profile.region" as "Profile.Region", the way validation names fields; "body" for the whole.</summary>
    private static string FieldOf(string? path)
    {
        var parts = (path ?? "$").TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? "body" : string.Join('.', parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
