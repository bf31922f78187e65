using System.Globalization;
using Microsoft.AspNetCore.Components;
using SoftTargets.Core.Features.Sites;

namespace SoftTargets.Web.Features.Sites.Wizard;

/// <summary>One step of the site wizard: edits part of the form and shows Core's problems at the fields it owns.</summary>
public abstract class WizardStep : ComponentBase
{
    [Parameter, EditorRequired] public SiteForm Form { get; set; } = default!;
    [Parameter, EditorRequired] public SiteCatalogues Catalogues { get; set; } = default!;

    /// <summary>False until the user first tries to leave this step, so a step or a row just added does not start out red.</summary>
    [Parameter] public bool ShowProblems { get; set; }

    protected bool HasProblem(string field) => ShowProblems && Form.Problems().ContainsKey(field);

    protected string? Problem(string field) =>
        ShowProblems && Form.Problems().TryGetValue(field, out var text) ? text.For(CultureInfo.CurrentUICulture) : null;
}
