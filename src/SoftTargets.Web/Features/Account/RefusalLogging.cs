using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using SoftTargets.Core.Security;

namespace SoftTargets.Web.Features.Account;

/// <summary>
/// Every refusal is logged with the user's id, organisation and roles, and nothing else about the
/// person: Core's refusals (whoever caught the exception), policies answering 403, and the
/// access-denied page.
/// </summary>
public static partial class RefusalLogging
{
    public const string Category = "SoftTargets.Security.Refusals";

    public static void AddRefusalLogging(this IServiceCollection services)
    {
        services.AddHostedService<CoreRefusalListener>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, PolicyRefusalHandler>();
    }

    public static void LogPageRefusal(ILogger logger, ClaimsPrincipal user, string page)
    {
        var (id, organization, roles) = Ids(user);
        PageRefused(logger, id, organization, roles, page);
    }

    private static (string UserId, string? OrganizationId, string Roles) Ids(ClaimsPrincipal user) =>
        (user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous",
         user.FindFirstValue(UserClaimsFactory.OrganizationClaim),
         string.Join(",", user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order()));

    [LoggerMessage(EventId = 4031, Level = LogLevel.Warning,
        Message = "Access refused by {Operation} to user {UserId} of organisation {OrganizationId} with roles {Roles}")]
    private static partial void CoreRefused(ILogger logger, string operation, string userId, Guid? organizationId, string roles);

    [LoggerMessage(EventId = 4032, Level = LogLevel.Warning,
        Message = "Access refused by policy on {Endpoint} to user {UserId} of organisation {OrganizationId} with roles {Roles}")]
    private static partial void PolicyRefused(ILogger logger, string endpoint, string userId, string? organizationId, string roles);

    [LoggerMessage(EventId = 4033, Level = LogLevel.Warning,
        Message = "Access-denied page shown for {Page} to user {UserId} of organisation {OrganizationId} with roles {Roles}")]
    private static partial void PageRefused(ILogger logger, string userId, string? organizationId, string roles, string page);

    /// <summary>Listens to Core's refusals while the host runs.</summary>
    private sealed class CoreRefusalListener(ILoggerFactory loggers) : IHostedService
    {
        private readonly ILogger _logger = loggers.CreateLogger(Category);

        public Task StartAsync(CancellationToken cancellationToken)
        {
            AccessRefusals.Refused += Log;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            AccessRefusals.Refused -= Log;
            return Task.CompletedTask;
        }

        private void Log(AccessRefusal refusal) =>
            CoreRefused(_logger, refusal.Operation, refusal.UserId.Length > 0 ? refusal.UserId : "anonymous",
                refusal.OrganizationId, string.Join(",", refusal.Roles.Order()));
    }

    /// <summary>The framework's handler, which logs a policy's 403 before answering it.</summary>
    private sealed class PolicyRefusalHandler(ILoggerFactory loggers) : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _inner = new();
        private readonly ILogger _logger = loggers.CreateLogger(Category);

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Forbidden)
            {
                var (id, organization, roles) = Ids(context.User);
                var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.GetEndpoint()?.DisplayName ?? "";
                PolicyRefused(_logger, endpoint, id, organization, roles);
            }
            return _inner.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
