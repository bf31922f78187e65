using Microsoft.Extensions.Localization;
using MudBlazor;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Culture;

/// <summary>
/// Gives MudBlazor's built-in texts (pager, grid, dialogs) in Czech from our own resources; MudBlazor
/// falls back to its English text for a key we do not have.
/// </summary>
public sealed class MudStringsLocalizer(IStringLocalizer<Strings> strings) : MudLocalizer
{
    public override LocalizedString this[string key] => strings[key];

    public override LocalizedString this[string key, params object[] arguments] => strings[key, arguments];
}
