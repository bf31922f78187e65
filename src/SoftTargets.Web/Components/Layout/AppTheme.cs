using MudBlazor;

namespace SoftTargets.Web.Components.Layout;

public static class AppTheme
{
    // Colours chosen for at least 4.5:1 contrast with their text (WCAG AA).
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1a4f8b",
            Secondary = "#8a3b12",
            AppbarBackground = "#1a4f8b",
            AppbarText = "#ffffff",
            Background = "#f6f7f9",
            DrawerBackground = "#ffffff",
            TextSecondary = "#4a4f57",
            ActionDefault = "#3c4047",
            Success = "#1b5e20",
            Error = "#b3261e",
            Info = "#0d47a1",
            Warning = "#8a4b00",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
