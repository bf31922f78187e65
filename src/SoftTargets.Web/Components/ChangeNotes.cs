using Microsoft.Extensions.Localization;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Components;

/// <summary>A methodology version's change note: a person's note as written, the application's own note in the reader's language.</summary>
public static class ChangeNotes
{
    public static string ChangeNote(this IStringLocalizer<Strings> strings, string note) =>
        note == MethodologyVersion.FirstPublishedNote ? strings["Methodology_FirstPublishedNote"] : note;
}
