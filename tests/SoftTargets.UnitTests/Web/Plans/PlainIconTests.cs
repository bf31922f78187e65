using MudBlazor;
using SoftTargets.Web.Features.Plans;

namespace SoftTargets.UnitTests.Web.Plans;

public sealed class PlainIconTests
{
    [Fact]
    public void An_icon_keeps_its_drawn_path_and_drops_the_transparent_frame()
    {
        var paths = PlainIcon.PathsOf(Icons.Material.Filled.Edit);

        var path = Assert.Single(paths);
        Assert.StartsWith("M3 17.25V21", path);
    }

    [Theory]
    [InlineData(Icons.Material.Filled.UploadFile)]
    [InlineData(Icons.Material.Filled.WarningAmber)]
    [InlineData(Icons.Material.Filled.ExpandLess)]
    [InlineData(Icons.Material.Filled.ExpandMore)]
    public void Every_icon_of_the_measure_rows_is_drawn(string icon)
    {
        Assert.NotEmpty(PlainIcon.PathsOf(icon));
        Assert.DoesNotContain(PlainIcon.PathsOf(icon), d => d.Contains('"') || d.Contains('<'));
    }
}
