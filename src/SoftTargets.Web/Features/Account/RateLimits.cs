using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SoftTargets.Web.Features.Account;

/// <summary>The <c>RateLimiting</c> configuration section. Limits are per web node.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;
    public WindowLimit Login { get; set; } = new() { PermitLimit = 10, PerAddressPermitLimit = 50, WindowSeconds = 60 };
    public WindowLimit Api { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };

    public sealed class WindowLimit
    {
        /// <summary>Requests per window: for the login, per client address and e-mail; for the API, per token, user or address.</summary>
        public int PermitLimit { get; set; }

        /// <summary>Login only: sign-in attempts per client address and window, whatever the e-mail.</summary>
        public int PerAddressPermitLimit { get; set; }

        public int WindowSeconds { get; set; } = 60;

        internal FixedWindowRateLimiterOptions Options(int permits) =>
            new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromSeconds(Math.Max(1, WindowSeconds)), QueueLimit = 0 };
    }
}

public static class RateLimits
{
    public const string ApiPolicy = "api";

    internal static void AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.Section);
        services.AddSingleton<LoginThrottle>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((options, settings) =>
        {
            var limits = settings.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(limits.Api.WindowSeconds);
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits))
                    .LogWarning("API rate limit reached by {Partition}", ApiPartition(http));
                await Results.Problem($"Too many requests. Try again in {(int)Math.Ceiling(retryAfter.TotalSeconds)} seconds.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(http);
            };
            options.AddPolicy(ApiPolicy, http => limits.Enabled
                ? RateLimitPartition.GetFixedWindowLimiter(ApiPartition(http), _ => limits.Api.Options(limits.Api.PermitLimit))
                : RateLimitPartition.GetNoLimiter(""));
        });
    }

    /// <summary>Per API token, else per signed-in user, else per client address.</summary>
    private static string ApiPartition(HttpContext http) =>
        http.User.FindFirstValue(ApiTokenAuthenticationHandler.TokenIdClaim) is { } token ? "token:" + token
        : http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user ? "user:" + user
        : "address:" + http.Connection.RemoteIpAddress;
}

/// <summary>
/// Limits sign-in attempts per client address and e-mail, and per address overall. The e-mail is in
/// the posted form, which the rate-limiting middleware would have to buffer to read; the login page
/// asks this limiter (the same System.Threading.RateLimiting limiters) after the form is bound.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<(string Address, string Email)> _limiter;

    public LoginThrottle(IOptions<RateLimitSettings> settings)
    {
        var limits = settings.Value;
        var login = limits.Login;
        _limiter = limits.Enabled
            ? PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<(string Address, string Email), string>(r =>
                    RateLimitPartition.GetFixedWindowLimiter(r.Address + "|" + r.Email, _ => login.Options(login.PermitLimit))),
                PartitionedRateLimiter.Create<(string Address, string Email), string>(r =>
                    RateLimitPartition.GetFixedWindowLimiter(r.Address, _ => login.Options(login.PerAddressPermitLimit))))
            : PartitionedRateLimiter.Create<(string Address, string Email), string>(_ => RateLimitPartition.GetNoLimiter(""));
    }

    /// <summary>Null when the attempt may go on, else how long to wait.</summary>
    public TimeSpan? TryAcquire(IPAddress? address, string email)
    {
        using var lease = _limiter.AttemptAcquire((address?.ToString() ?? "", email.Trim().ToUpperInvariant()));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
