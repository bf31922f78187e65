using SoftTargets.Core.Domain.Common;
using SoftTargets.Web.Features.Account;

namespace SoftTargets.Web.Api;

public static class ApiExtensions
{
    public static void AddApi(this IServiceCollection services)
    {
        services.AddOpenApi();
        services.AddProblemDetails();
        services.AddExceptionHandler<BadHttpRequestHandler>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
    }

    public static void MapApi(this WebApplication app)
    {
        app.MapOpenApi("/api/openapi/{documentName}.json").RequireAuthorization();
        var api = app.MapGroup("/api").AddEndpointFilter<DomainErrorFilter>();
        api.RequireApiProtection();
        api.MapSitesApi();
        api.MapMethodologyApi();
        api.MapGuidelinesApi();
    }
}

/// <summary>Turns the domain's errors into the HTTP answers an API client expects.</summary>
public sealed class DomainErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }
        catch (AccessDeniedException)
        {
            return Results.Forbid();
        }
        catch (ValidationFailedException ex)
        {
            return Results.ValidationProblem(ex.Errors.ToDictionary(e => e.Key, e => e.Value));
        }
        catch (ConcurrencyConflictException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
        catch (DomainException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: ex.Code);
        }
    }
}
