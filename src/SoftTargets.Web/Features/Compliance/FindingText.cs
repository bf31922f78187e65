using System.Globalization;
using Microsoft.Extensions.Localization;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Compliance;

/// <summary>Small helpers shared by the findings pages and dialogs.</summary>
public static class FindingText
{
    /// <summary>What a refused action says in the user's language: Core's messages carry both languages, other errors go by code.</summary>
    public static IReadOnlyList<string> Errors(IStringLocalizer<FindingStrings> strings, DomainException error)
    {
        if (error is ValidationFailedException { Problems.Count: > 0 } known)
            return known.Problems.Values.Select(problem => problem.For(CultureInfo.CurrentUICulture)).ToList();
        if (error is ValidationFailedException invalid)
            return invalid.Errors.SelectMany(field => field.Value).Select(Localize).ToList();
        var text = strings[$"Error_{error.Code}"];
        return [text.ResourceNotFound ? error.Message : text.Value];
    }

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    private static string Localize(string english) =>
        FindingMessages.All.FirstOrDefault(m => m.En == english)?.For(CultureInfo.CurrentUICulture) ?? english;
}
