using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace SoftTargets.Web.Api;

/// <summary>
/// How large a request body an endpoint takes, counted on the bytes actually read (a chunked body has
/// no Content-Length to check), the content types it takes, and what the caller should do instead.
/// </summary>
public sealed record RequestBodyLimit(long MaxBytes, string Advice, IReadOnlyList<string> ContentTypes)
{
    public const long Json = 64 * 1024;
    public const long JsonWithParts = 256 * 1024;
    public const long File = 5 * 1024 * 1024;

    public bool Accepts(string? contentType) =>
        ContentTypes.Count == 0
        || (MediaTypeHeaderValue.TryParse(contentType, out var type)
            && ContentTypes.Any(t => string.Equals(t, type.MediaType.Value, StringComparison.OrdinalIgnoreCase)));

    public string Size => MaxBytes >= 1024 * 1024 ? $"{MaxBytes / 1024 / 1024} MB" : $"{MaxBytes / 1024} KB";
}

public static class RequestBodyLimits
{
    /// <summary>Limits the body of this endpoint; <paramref name="contentTypes"/> empty leaves content types to the endpoint.</summary>
    public static RouteHandlerBuilder WithBodyLimit(this RouteHandlerBuilder endpoint, long maxBytes, string advice, params string[] contentTypes) =>
        endpoint.WithMetadata(new RequestBodyLimit(maxBytes, advice, contentTypes));

    /// <summary>
    /// Refuses a body of the wrong type (415) or over the endpoint's limit (413) before the endpoint
    /// sees it; a body within the limit is handed on from memory.
    /// </summary>
    public static void UseRequestBodyLimits(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>() is not { } limit)
        {
            await next(context);
            return;
        }
        if (!limit.Accepts(context.Request.ContentType))
        {
            await Results.Problem(
                $"Send the body as {string.Join(" or ", limit.ContentTypes)} (Content-Type header), not '{context.Request.ContentType}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType).ExecuteAsync(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit.MaxBytes + 1;
        var body = (context.Request.ContentLength ?? 0) <= limit.MaxBytes ? await ReadAsync(context.Request.Body, limit.MaxBytes, context.RequestAborted) : null;
        if (body is null)
        {
            // The rest of an oversize body is not read: the connection is not worth keeping.
            context.Response.Headers.Connection = "close";
            await Results.Problem($"The request body is larger than {limit.Size}. {limit.Advice}",
                statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
            return;
        }
        context.Request.Body = body;
        await next(context);
    });

    /// <summary>The body in memory, or null when it holds more than <paramref name="maxBytes"/>.</summary>
    private static async Task<MemoryStream?> ReadAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        var content = new MemoryStream();
        var buffer = new byte[81_920];
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                if (content.Length + read > maxBytes) return null;
                content.Write(buffer, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        content.Position = 0;
        return content;
    }
}

/// <summary>
/// Kestrel refuses a bad request (a body over its limit, a broken chunk, a slow client) by throwing
/// from the read; the client is told that status with a problem description, never a 500.
/// </summary>
public sealed class BadHttpRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted) return false;
        var detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? "The request body is too large: send a smaller file or split it."
            : "The request could not be read: check the body and its headers and send it again.";
        await Results.Problem(detail, statusCode: bad.StatusCode).ExecuteAsync(httpContext);
        return true;
    }
}
