using SoftTargets.Core.Features;

namespace SoftTargets.UnitTests.Features;

public sealed class PagingTests
{
    [Fact]
    public void The_largest_page_number_does_not_overflow_the_offset() =>
        Assert.True(new PageRequest(int.MaxValue, 500).Skip >= 0);

    [Theory]
    [InlineData(int.MaxValue, 25, "Page")]
    [InlineData(-1, 25, "Page")]
    [InlineData(0, 0, "PageSize")]
    [InlineData(0, 501, "PageSize")]
    public void A_page_out_of_range_is_named(int page, int size, string field) =>
        Assert.Contains(field, new PageRequest(page, size).Validate().Keys);

    [Fact]
    public void The_first_page_is_valid() => Assert.Empty(new PageRequest().Validate());
}
