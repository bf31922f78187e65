using MudBlazor.Services;

namespace SoftTargets.Web.Components;

public static class UserInterfaceExtensions
{
    public static void AddUserInterface(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Features.Dashboards.DashboardTables>();
        services.AddScoped<Features.Readiness.ReadinessTables>();
        services.AddScoped<Features.Audit.AuditWords>();
        services.AddMudServices(options =>
        {
            // Messages appear and go at once: a half-faded message is hard to read (and fails contrast checks).
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
    }
}
