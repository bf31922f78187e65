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

    [Fact]
    public async Task In_czech_the_count_of_problems_takes_the_form_for_one_few_and_many()
    {
        await SignInAsync(ArenaManager);
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await GoToAsync("/sites/import");
        await Page.Locator("#import-example").WaitForAsync();
        await Assertions.Expect(Page.Locator("#import-example")).ToContainTextAsync("Po–Ne 8:00–22:00");

        // Each line names a region that does not exist: one problem per line.
        static string Lines(int count) => "name;address;region;venueType;maxOccupancy\n" +
            string.Concat(Enumerable.Range(1, count).Select(i => $"Hala {i};Jižní {i}, Brno;Atlantis;sports-hall;1200\n"));

        await UploadAsync(Lines(1));
        await Assertions.Expect(Page.Locator("#import-errors p")).ToContainTextAsync("opravte chybu níže");
        await UploadAsync(Lines(2));
        await Assertions.Expect(Page.Locator("#import-errors p")).ToContainTextAsync("opravte 2 chyby níže");
        await UploadAsync(Lines(5));
        await Assertions.Expect(Page.Locator("#import-errors p")).ToContainTextAsync("opravte 5 chyb níže");
        await Assertions.Expect(Page.Locator("#import-errors li")).ToHaveCountAsync(5);
        await AssertAccessibleAsync();
    }

    private Task UploadAsync(string csv) =>
        Page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = "sites.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
}
