namespace SoftTargets.UnitTests.Web.Hosting;

public class MudBlazorCssTests
{
    private const string RippleHostRules =
        ":not(.mud-ripple):has(>.mud-ripple-effect){overflow:hidden}" +
        ":where(:not(.mud-ripple):has(>.mud-ripple-effect)){position:relative}";

    [Fact]
    public void The_served_stylesheet_is_the_packages_without_the_ripple_host_rules()
    {
        var package = File.ReadAllText(PackageStylesheet());
        var served = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "src", "SoftTargets.Web", "wwwroot", "lib", "mudblazor", "MudBlazor.min.css"));

        Assert.Contains(RippleHostRules, package);
        Assert.True(package.Replace(RippleHostRules, "") == served,
            "wwwroot/lib/mudblazor/MudBlazor.min.css is not the package's stylesheet minus the ripple host rules: run scripts/mudblazor-css.sh.");
    }

    [Fact]
    public void No_selector_left_in_the_served_stylesheet_has_a_has_subject_that_can_be_any_element()
    {
        var served = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "src", "SoftTargets.Web", "wwwroot", "lib", "mudblazor", "MudBlazor.min.css"));

        Assert.DoesNotContain(":not(.mud-ripple):has(", served);
    }

    [Fact]
    public void The_app_links_the_trimmed_stylesheet_and_not_the_packages()
    {
        var app = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "src", "SoftTargets.Web", "Components", "App.razor"));

        Assert.Contains("lib/mudblazor/MudBlazor.min.css", app);
        Assert.DoesNotContain("_content/MudBlazor/MudBlazor.min.css", app);
    }

    private static string PackageStylesheet()
    {
        var version = typeof(MudBlazor.MudButton).Assembly.GetName().Version!;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, "mudblazor", $"{version.Major}.{version.Minor}.{version.Build}", "staticwebassets", "MudBlazor.min.css");
    }
}
