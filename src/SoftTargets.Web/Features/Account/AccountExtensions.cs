using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Security;

namespace SoftTargets.Web.Features.Account;

public static class AccountExtensions
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static void AddAccounts(this IServiceCollection services)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                // Asks ActiveAccountConfirmation: a deactivated account or organisation cannot sign in.
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<SoftTargetsDbContext>()
            .AddClaimsPrincipalFactory<UserClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddAccountTokens();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/access-denied";
            options.Cookie.Name = "SoftTargets.Auth";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => ApiStatusOr(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiStatusOr(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.VenueManager, policy => policy.RequireRole(Roles.VenueManager))
            .AddPolicy(Policies.MethodologyEditor, policy => policy.RequireRole(Roles.MethodologyEditor))
            .AddPolicy(Policies.Auditor, policy => policy.RequireRole(Roles.Auditor))
            .AddPolicy(Policies.Administrator, policy => policy.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.UserAdministrator, policy => policy.RequireRole(Roles.Administrator, Roles.LocalAdministrator))
            .AddPolicy(Policies.MethodologyReader, policy => policy.RequireRole(Roles.MethodologyEditor, Roles.Auditor))
            .AddPolicy(Policies.DashboardReader, policy => policy.RequireRole(Roles.Auditor, Roles.MethodologyEditor))
            .AddPolicy(Policies.SiteReader, policy => policy.RequireRole(Roles.VenueManager, Roles.Auditor, Roles.MethodologyEditor))
            .AddPolicy(Policies.SignedIn, policy => policy.RequireAuthenticatedUser());

        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingUserStateProvider>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUserAccessor>();
        services.AddRefusalLogging();
        services.AddSessionSecurity();
    }

    /// <summary>API callers get a status code; browsers get redirected to the login or access-denied page.</summary>
    private static Task ApiStatusOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
