using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace SoftTargets.Web.Features.Culture;

public static class CultureExtensions
{
    public static readonly string[] Supported = ["en", "cs"];

    public static void AddCultures(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddTransient<MudBlazor.MudLocalizer, MudStringsLocalizer>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture("en").AddSupportedCultures(Supported).AddSupportedUICultures(Supported);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
        });
    }

    public static void UseCultures(this WebApplication app) => app.UseRequestLocalization();

    /// <summary>Remembers the chosen language in a cookie for a year, then goes back to the page.</summary>
    public static void MapCultureEndpoints(this WebApplication app) =>
        app.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext context) =>
            {
                if (!Supported.Contains(culture)) return Results.BadRequest();
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture, culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });
                return Results.LocalRedirect(SoftTargets.Web.Features.Account.Login.SafeReturnUrl(redirectUri));
            })
            .AllowAnonymous();

    public static bool IsCzech => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "cs";
}
