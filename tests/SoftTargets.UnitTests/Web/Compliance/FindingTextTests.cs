using System.Globalization;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Web.Features.Compliance;

namespace SoftTargets.UnitTests.Web.Compliance;

public sealed class FindingTextTests
{
    private static readonly CultureInfo Czech = CultureInfo.GetCultureInfo("cs-CZ");

    [Fact]
    public void A_refused_finding_says_its_problem_in_Czech_even_when_no_catalogue_of_messages_knows_the_English_text()
    {
        var problem = new LocalizedText("Write at most 10 characters.", "Napište nejvýše 10 znaků.");
        var error = ValidationFailedException.From(new Dictionary<string, LocalizedText> { ["Title"] = problem });

        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Czech;
            Assert.Equal(["Napište nejvýše 10 znaků."], FindingText.Errors(null!, error));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Reopening_without_a_note_is_refused_with_the_note_field_in_both_languages()
    {
        var finding = new Finding(Guid.NewGuid(), null, "auditor", FindingSeverity.Low, "Exits", "", new DateOnly(2027, 1, 1));
        finding.Respond("The exits are marked now.", DateTimeOffset.UtcNow);

        var error = Assert.Throws<ValidationFailedException>(() => finding.Reopen("", DateTimeOffset.UtcNow));

        Assert.Equal(FindingMessages.ReopenNoteRequired, error.Problems["Note"]);
    }
}
