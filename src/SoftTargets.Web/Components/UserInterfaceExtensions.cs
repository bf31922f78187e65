using MudBlazor.Services;

namespace SoftTargets.Web.Components;

public static class UserInterfaceExtensions
{
    public static void AddUserInterface(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
    }
}
