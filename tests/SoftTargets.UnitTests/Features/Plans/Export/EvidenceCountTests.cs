using System.Globalization;
using SoftTargets.Core.Features.Plans.Export;

namespace SoftTargets.UnitTests.Features.Plans.Export;

/// <summary>The printed plan says how many evidence files a measure has in the language's plural form.</summary>
public class EvidenceCountTests
{
    [Theory]
    [InlineData(1, "1 doklad")]
    [InlineData(2, "2 doklady")]
    [InlineData(5, "5 dokladů")]
    public void Czech_evidence_counts_read_for_one_few_and_many(int count, string expected) =>
        Assert.Equal(expected, ExportTexts.EvidenceCount.Count(CultureInfo.GetCultureInfo("cs-CZ"), count));

    [Theory]
    [InlineData(1, "1 evidence file")]
    [InlineData(2, "2 evidence files")]
    public void English_evidence_counts_read_for_one_and_more(int count, string expected) =>
        Assert.Equal(expected, ExportTexts.EvidenceCount.Count(CultureInfo.GetCultureInfo("en-GB"), count));
}
