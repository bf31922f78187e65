using System.Globalization;
using SoftTargets.Core.Features.Texts;

namespace SoftTargets.UnitTests.Features.Texts;

public class PluralTests
{
    private static readonly CultureInfo Czech = new("cs-CZ");
    private static readonly CultureInfo English = new("en-GB");

    private const string CzechFiles = "{0, plural, one {# soubor} few {# soubory} many {# souboru} other {# souborů}}";
    private const string EnglishFiles = "{0, plural, one {# file} other {# files}}";

    [Theory]
    [InlineData("0", "other")]
    [InlineData("1", "one")]
    [InlineData("2", "few")]
    [InlineData("4", "few")]
    [InlineData("5", "other")]
    [InlineData("22", "other")]
    [InlineData("1.5", "many")]
    public void Czech_numbers_fall_into_the_CLDR_categories(string number, string category)
    {
        Assert.Equal(category, Plural.Category(decimal.Parse(number, CultureInfo.InvariantCulture), Czech));
    }

    [Theory]
    [InlineData("0", "other")]
    [InlineData("1", "one")]
    [InlineData("2", "other")]
    [InlineData("5", "other")]
    [InlineData("1.5", "other")]
    public void English_numbers_fall_into_the_CLDR_categories(string number, string category)
    {
        Assert.Equal(category, Plural.Category(decimal.Parse(number, CultureInfo.InvariantCulture), English));
    }

    [Theory]
    [InlineData(1, "1 soubor")]
    [InlineData(2, "2 soubory")]
    [InlineData(5, "5 souborů")]
    [InlineData(0, "0 souborů")]
    public void Czech_counts_take_the_right_form(int count, string expected)
    {
        Assert.Equal(expected, Plural.Format(Czech, CzechFiles, count));
    }

    [Fact]
    public void A_Czech_fraction_takes_the_many_form_with_a_decimal_comma()
    {
        Assert.Equal("1,5 souboru", Plural.Format(Czech, CzechFiles, 1.5m));
    }

    [Theory]
    [InlineData(1, "1 file")]
    [InlineData(2, "2 files")]
    [InlineData(0, "0 files")]
    public void English_counts_take_the_right_form(int count, string expected)
    {
        Assert.Equal(expected, Plural.Format(English, EnglishFiles, count));
    }

    [Fact]
    public void Large_counts_are_grouped_in_the_culture_s_way()
    {
        Assert.Equal("1,200 files", Plural.Format(English, EnglishFiles, 1200));
        Assert.Equal("1\u00a0200 souborů", Plural.Format(Czech, CzechFiles, 1200));
    }

    [Fact]
    public void Other_arguments_exact_cases_and_several_counts_are_filled_in()
    {
        const string pattern = "{1}: {0, plural, =0 {no measures} one {# measure} other {# measures}} and {2, plural, one {# question} other {# questions}}";

        Assert.Equal("Stadium: no measures and 1 question", Plural.Format(English, pattern, 0, "Stadium", 1));
        Assert.Equal("Stadium: 3 measures and 2 questions", Plural.Format(English, pattern, 3, "Stadium", 2));
    }

    [Fact]
    public void Apostrophes_are_text_unless_they_quote_a_brace()
    {
        Assert.Equal("the site's {plan}: 2 items", Plural.Format(English, "the site's '{plan}': {0, plural, one {# item} other {# items}}", 2));
    }

    [Fact]
    public void Select_picks_the_case_by_its_key()
    {
        Assert.Equal("she", Plural.Format(English, "{0, select, female {she} other {they}}", "female"));
        Assert.Equal("they", Plural.Format(English, "{0, select, female {she} other {they}}", "x"));
    }

    [Fact]
    public void A_pattern_that_cannot_be_read_is_returned_as_written()
    {
        Assert.Equal("{0, plural, one {# file}", Plural.Format(English, "{0, plural, one {# file}", 1));
    }
}
