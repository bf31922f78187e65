using System.Globalization;
using SoftTargets.Web.Features.Methodology;

namespace SoftTargets.UnitTests.Web.Methodology;

public sealed class DiffWordsTests
{
    [Theory]
    [InlineData(0, "Many")]
    [InlineData(1, "One")]
    [InlineData(2, "Few")]
    [InlineData(4, "Few")]
    [InlineData(5, "Many")]
    [InlineData(22, "Many")]
    public void Czech_counts_take_the_form_for_one_two_to_four_or_the_rest(int count, string form) =>
        Assert.Equal(form, DiffWords.PluralForm(count, CultureInfo.GetCultureInfo("cs-CZ")));

    [Theory]
    [InlineData(0, "Many")]
    [InlineData(1, "One")]
    [InlineData(2, "Many")]
    [InlineData(5, "Many")]
    public void English_counts_take_the_form_for_one_or_the_rest(int count, string form) =>
        Assert.Equal(form, DiffWords.PluralForm(count, CultureInfo.GetCultureInfo("en-GB")));
}
