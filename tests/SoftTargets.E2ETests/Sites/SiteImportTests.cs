using System.Text;
using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Sites;

public sealed class SiteImportTests(AppFixture app) : BrowserTest(app)
{
    protected override bool ChangesData => true;

    [Fact]
    public async Task A_bad_file_lists_every_problem_by_line_and_a_good_file_adds_its_sites()
    {
        await SignInAsync(ArenaManager);
        await GoToAsync("/sites");
        await Page.ClickAsync("#sites-import");
        await Page.Locator("#import-example").WaitForAsync();
        await WaitForCircuitAsync();
        await AssertAccessibleAsync();

        await UploadAsync("name;address;region;venueType;maxOccupancy\nHala Jih;Jižní 1, Brno;Jihomoravsky;sports-hall;1200\nHala Sever;;Atlantis;sports-hall;lots\n");
        await Assertions.Expect(Page.Locator("#import-errors")).ToContainTextAsync("Nothing was imported");
        var errors = await Page.Locator("#import-errors li").AllInnerTextsAsync();
        Assert.Contains(errors, e => e.StartsWith("Line 3:") && e.Contains("region"));
        Assert.Contains(errors, e => e.StartsWith("Line 3:") && e.Contains("address"));
        await AssertAccessibleAsync();

        await UploadAsync("name;address;region;venueType;maxOccupancy\nHala Jih;Jižní 1, Brno;Jihomoravsky;sports-hall;1200\n");
        await Assertions.Expect(Page.Locator("#import-done")).ToContainTextAsync("1 site imported.");
        await GoToAsync("/sites");
        await Assertions.Expect(Page.Locator("#site-grid")).ToContainTextAsync("Hala Jih");
    }

    private Task UploadAsync(string csv) =>
        Page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = "sites.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
}
