using SoftTargets.Core.Features.Methodology;
using SoftTargets.Web.Features.Account;

namespace SoftTargets.Web.Api;

public static class MethodologyApi
{
    public const long MaxImportBytes = 5 * 1024 * 1024;

    public static void MapMethodologyApi(this RouteGroupBuilder api)
    {
        var methodology = api.MapGroup("/methodology").WithTags("Methodology");

        methodology.MapGet("/versions/{id:guid}/export", async (Guid id, string? format, MethodologyLibrary library, CancellationToken ct) =>
            {
                var fileFormat = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase) ? LibraryFileFormat.Json : LibraryFileFormat.Yaml;
                var (fileName, content) = await library.ExportAsync(id, fileFormat, ct);
                var contentType = fileFormat == LibraryFileFormat.Json ? "application/json" : "application/yaml";
                return Results.File(System.Text.Encoding.UTF8.GetBytes(content), $"{contentType}; charset=utf-8", fileName);
            })
            .RequireAuthorization(Policies.MethodologyReader)
            .WithName("ExportMethodologyVersion");

        methodology.MapPost("/import", async (HttpRequest request, MethodologyLibrary library, CancellationToken ct) =>
            {
                if (request.ContentLength > MaxImportBytes) return Results.Problem("The file is larger than 5 MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
                using var reader = new StreamReader(request.Body);
                var result = await library.ImportAsync(await reader.ReadToEndAsync(ct), ct);
                return result.Succeeded
                    ? Results.Ok(new { result.VersionId })
                    : Results.BadRequest(new { errors = result.Errors.Select(e => new { line = e.Line, message = e.Message.En, messageCs = e.Message.Cs }) });
            })
            .RequireAuthorization(Policies.MethodologyEditor)
            .WithName("ImportMethodology");
    }
}
