using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Features.Notifications;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Notifications;

public sealed class NotificationsPageTests(AppFixture app) : BrowserTest(app)
{
    protected override bool ChangesData => true;

    /// <summary>One run of the reminders job, as the scheduled job does it: the demo data has measures overdue and reviews coming due.</summary>
    private Task<RemindersRun> RunRemindersAsync() =>
        App.WithServicesAsync(services => services.GetRequiredService<Reminders>().RunAsync());

    [Fact]
    public async Task A_venue_manager_follows_the_bell_to_a_reminder_and_marks_it_read()
    {
        Assert.True((await RunRemindersAsync()).Made > 0);
        await SignInAsync(ArenaManager);
        await WaitForCircuitAsync();
        var bell = Page.Locator("#notification-bell");
        var before = await UnreadAsync();
        Assert.True(before > 0);

        await bell.ClickAsync();
        await ExpectAddressAsync("/notifications$");
        await WaitForCircuitAsync();
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Notifications");
        var unread = Page.Locator("#notifications .notification-unread");
        await Assertions.Expect(unread.First).ToBeVisibleAsync();
        await AssertAccessibleAsync();

        await unread.First.Locator(".mark-read").ClickAsync();
        await Assertions.Expect(unread).ToHaveCountAsync(before - 1);
        await Assertions.Expect(Page.Locator(".notification-count")).ToHaveTextAsync((before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        await Page.ClickAsync("#mail-MeasureDueSoon");
        await Page.ClickAsync("#save-preferences");
        await Assertions.Expect(Page.Locator("#preferences-saved")).ToBeVisibleAsync();
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_notifications_page_is_in_czech_and_marks_everything_read_at_once()
    {
        await RunRemindersAsync();
        await SignInAsync(SchoolManager);
        await GoToAsync("/notifications");
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await WaitForCircuitAsync();

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Upozornění");
        await Assertions.Expect(Page.Locator("#notifications .notification-unread").First).ToBeVisibleAsync();
        await AssertAccessibleAsync();

        await Page.ClickAsync("#mark-all-read");
        await Assertions.Expect(Page.Locator("#notifications .notification-unread")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator(".notification-count")).ToBeHiddenAsync();
        await AssertAccessibleAsync();
    }

    private async Task<int> UnreadAsync()
    {
        var count = Page.Locator(".notification-count");
        await Assertions.Expect(count).ToBeVisibleAsync();
        return int.Parse((await count.InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
