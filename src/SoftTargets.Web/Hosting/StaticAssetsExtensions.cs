namespace SoftTargets.Web.Hosting;

public static class StaticAssetsExtensions
{
    /// <summary>
    /// Serves the assets of referenced packages (blazor.web.js, MudBlazor's files) from where they lie when
    /// the app runs from a build output, whatever the environment. A build output carries the development
    /// manifest <c>&lt;app&gt;.staticwebassets.runtime.json</c> next to the assembly; a published app does not,
    /// and serves the copies in its own wwwroot.
    /// </summary>
    public static void UseStaticWebAssetsOfBuildOutput(this WebApplicationBuilder builder)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json");
        if (File.Exists(manifest)) builder.WebHost.UseStaticWebAssets();
    }
}
