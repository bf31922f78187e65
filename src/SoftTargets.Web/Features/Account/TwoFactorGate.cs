namespace SoftTargets.Web.Features.Account;

/// <summary>
/// A signed-in user who must set up a second factor first (<see cref="UserClaimsFactory.TwoFactorSetupClaim"/>)
/// reaches only the set-up page, signing out and the files the page needs; pages redirect there, the API answers 403.
/// Such a user has no roles either, so nothing else would let them in anyway.
/// </summary>
public static class TwoFactorGate
{
    public const string SetupPath = "/account/two-factor";

    private static readonly string[] Open = [SetupPath, "/account/logout", "/account/login", "/_framework", "/_content", "/_blazor", "/culture", "/health"];

    public static IApplicationBuilder UseTwoFactorGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.HasClaim(c => c.Type == UserClaimsFactory.TwoFactorSetupClaim) && !IsOpen(http.Request.Path))
        {
            if (http.Request.Path.StartsWithSegments("/api")) http.Response.StatusCode = StatusCodes.Status403Forbidden;
            else http.Response.Redirect(SetupPath);
            return;
        }
        await next(http);
    });

    private static bool IsOpen(PathString path) =>
        Open.Any(p => path.StartsWithSegments(p)) || Path.HasExtension(path.Value ?? "");
}
