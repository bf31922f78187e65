using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Methodology.Library;
using SoftTargets.Web.Features.Account;

namespace SoftTargets.Web.Api;

public static class MethodologyApi
{
    /// <summary>The content types a library file is sent as: YAML in its registered and common spellings, or JSON.</summary>
    public static readonly string[] LibraryContentTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "application/json"];

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
                var result = await library.ImportAsync(request.Body, ct);
                return result.Succeeded
                    ? Results.Ok(new { result.VersionId })
                    : Results.BadRequest(new { errors = result.Errors.Select(e => new { line = e.Line, message = e.Message.En, messageCs = e.Message.Cs }) });
            })
            .RequireAuthorization(Policies.MethodologyEditor)
            .WithBodyLimit(LibraryLimits.MaxBytes, "A methodology library is far smaller: check that this is the right file.", LibraryContentTypes)
            .WithName("ImportMethodology");
    }
}
