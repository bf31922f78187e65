using SoftTargets.Core.Features.Sites;

namespace SoftTargets.UnitTests.Features.Sites;

public sealed class SiteCursorTests
{
    [Theory]
    [InlineData("Slezská aréna")]
    [InlineData("")]
    [InlineData("A name with \"quotes\", ; and 🎭")]
    public void A_written_cursor_reads_back_as_the_same_position(string name)
    {
        var id = Guid.NewGuid();

        var read = SiteCursor.Read(SiteCursor.Write(name, id));

        Assert.Equal((name, id), read);
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("AAAA")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_that_no_list_wrote_is_no_cursor_and_the_request_names_the_field(string? text)
    {
        Assert.Null(SiteCursor.Read(text));
        if (!string.IsNullOrEmpty(text))
            Assert.Contains("After", new SiteCursorRequest(text).Validate().Keys);
    }

    [Fact]
    public void A_page_size_out_of_range_is_named_like_the_other_lists()
    {
        Assert.Contains("PageSize", new SiteCursorRequest(PageSize: 501).Validate().Keys);
        Assert.Empty(new SiteCursorRequest(SiteCursor.Write("x", Guid.Empty), 500).Validate());
    }
}
