using Microsoft.AspNetCore.Diagnostics;

namespace SoftTargets.Web.Hosting;

public static class StatusPageExtensions
{
    /// <summary>Browsers get the friendly page for an unknown address; API callers keep the bare status code.</summary>
    public static void UseFriendlyStatusPages(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") && context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                statusPages.Enabled = false;
            return next(context);
        });
    }
}
