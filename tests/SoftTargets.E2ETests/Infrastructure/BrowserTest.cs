using SoftTargets.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using SoftTargets.Core.Data.Seed;

namespace SoftTargets.E2ETests.Infrastructure;

/// <summary>Base of browser journeys: signing in, waiting for the live circuit, and the accessibility check.</summary>
[Collection(AppCollection.Name)]
public abstract partial class BrowserTest(AppFixture app) : IAsyncLifetime
{
    protected const string ArenaManager = "manager@arenaplus.example";
    protected const string SchoolManager = "manager@zs-lipova.example";
    protected const string Auditor = "auditor@softtargets.example";
    protected const string Editor = "editor@softtargets.example";
    protected const string Administrator = "admin@softtargets.example";

    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    protected AppFixture App { get; } = app;
    protected IPage Page { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Page = await App.NewPageAsync();

    /// <summary>True for tests that add or change data other tests count: the demo data is put back after them.</summary>
    protected virtual bool ChangesData => false;

    public async Task DisposeAsync()
    {
        await Page.Context.CloseAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ChangesData) await App.ResetDataAsync();
    }

    /// <summary>
    /// Signs in by posting the sign-in form from this browser context (its cookies, its antiforgery token)
    /// without rendering it, then opens the page the form sends to. Tests of the sign-in page itself use
    /// <see cref="SignInThroughFormAsync"/>.
    /// </summary>
    protected async Task SignInAsync(string email, string password = DemoSeeder.Password)
    {
        var request = Page.Context.APIRequest;
        var form = await request.GetAsync("/account/login");
        var token = AntiforgeryField().Match(await form.TextAsync()).Groups[1].Value;
        var formData = request.CreateFormData();
        formData.Set("_handler", "login");
        formData.Set("__RequestVerificationToken", token);
        formData.Set("Input.Email", email);
        formData.Set("Input.Password", password);
        var response = await request.PostAsync("/account/login", new APIRequestContextOptions { Form = formData, MaxRedirects = 0 });
        if (response.Status != 302)
            throw new InvalidOperationException($"Signing in as {email} failed: {response.Status}");
        await GoToAsync(response.Headers["location"]);
    }

    /// <summary>Signs in the way a person does: types into the sign-in page and submits it.</summary>
    protected async Task SignInThroughFormAsync(string email, string password = DemoSeeder.Password)
    {
        await Page.GotoAsync("/account/login");
        await Page.FillAsync("#email", email);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("#login-submit");
        await WaitForCircuitAsync();
    }

    protected async Task SignOutAsync()
    {
        await Page.ClickAsync("#logout");
        await ExpectAddressAsync("/account/login");
    }

    /// <summary>
    /// Waits until the address matches <paramref name="pattern"/> (a regular expression). Not WaitForURLAsync: after a
    /// navigation inside the page it can wait for a load event that never comes.
    /// </summary>
    protected Task ExpectAddressAsync(string pattern) =>
        Assertions.Expect(Page).ToHaveURLAsync(new Regex(pattern), new() { Timeout = 30_000 });

    /// <summary>Clicks on prerendered markup are lost: wait until the page is live before interacting.</summary>
    protected Task WaitForCircuitAsync() =>
        Page.Locator("#circuit-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    protected async Task GoToAsync(string path)
    {
        await Page.GotoAsync(path);
        await WaitForCircuitAsync();
    }

    /// <summary>The id of the demo site with this name, looked up in the app's database.</summary>
    protected Task<Guid> SiteIdAsync(string name) => App.WithServicesAsync(services =>
        services.GetRequiredService<SoftTargetsDbContext>().Sites.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    /// <summary>
    /// Clicks a button in a list that may still be re-rendering (a filter's late reload replaces its rows, and a click
    /// on a replaced row is lost) until what the click opens is shown.
    /// </summary>
    protected static async Task ClickUntilShownAsync(ILocator button, ILocator shown)
    {
        for (var attempt = 1; ; attempt++)
        {
            await button.ClickAsync();
            try
            {
                await shown.WaitForAsync(new LocatorWaitForOptions { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>
    /// Presses the site wizard's Next the given number of times, each time once the step it opened shows: a press while
    /// the last step is still being replaced lands where the button was before the page changed height.
    /// </summary>
    protected async Task NextWizardStepsAsync(int steps)
    {
        var title = Page.Locator("#wizard-step-title");
        for (var i = 0; i < steps; i++)
        {
            var before = await title.TextContentAsync() ?? "";
            await Page.ClickAsync("#wizard-next");
            await Assertions.Expect(title).Not.ToHaveTextAsync(before);
        }
    }

    /// <summary>Opens a MudSelect and picks the option with the given text.</summary>
    /// <remarks>A MudSelect of numbers puts its id on a hidden input: click the select that holds it.</remarks>
    protected async Task ChooseAsync(string select, string option)
    {
        await Page.Locator(".mud-select").Filter(new() { Has = Page.Locator(select) }).Last.ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
        // Until the list has closed, its overlay takes the next click.
        await Assertions.Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Fails the test on any WCAG 2.0/2.1 A or AA violation on the page as it is now.</summary>
    protected async Task AssertAccessibleAsync()
    {
        // Colours change with CSS transitions (a button turning filled, a dialog's button enabled): axe must
        // see the colours they end with, not one in between.
        await Page.WaitForFunctionAsync(
            "() => document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')",
            null, new PageWaitForFunctionOptions { Timeout = 5_000 });
        await SaveScreenshotAsync();
        // A page state already found clean in this run (same address, same markup) gives the same answer again.
        var state = await PageStateAsync();
        if (CheckedStates.ContainsKey(state)) return;
        // axe runs in the page itself, put there once per document: the axe package's own runner would load axe
        // twice more (into the page and into a blank page of a new browser context of its own) on every check.
        // The app draws no frames; were one added, this says so instead of leaving the frame unchecked.
        Assert.True(Page.Frames.Count == 1, $"{Page.Url} has frames: the accessibility check covers only the top document.");
        if (!await Page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await Page.EvaluateAsync(AxeSource.Value);
        // Evaluating a script has no time limit of its own in Playwright: give it one, so a stuck page fails the test.
        // Only violations are collected: the passing nodes of every rule are not serialised back.
        var problems = await Page.EvaluateAsync<string[]>(
                """
                async tags => (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false }))
                  .violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)
                """, WcagTags)
            .WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(problems.Length == 0, $"Accessibility violations on {Page.Url}:\n{string.Join("\n", problems)}");
        CheckedStates.TryAdd(state, true);
    }

    /// <summary>axe-core's script as the axe package ships it.</summary>
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        using var stream = typeof(AxeRunOptions).Assembly.GetManifestResourceStream("Deque.AxeCore.Commons.Resources.axe.min.js")
            ?? throw new InvalidOperationException("axe-core's script is missing from Deque.AxeCore.Commons.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Page states axe found clean in this run, by address and markup.</summary>
    private static readonly ConcurrentDictionary<string, bool> CheckedStates = new();

    /// <summary>
    /// The address and the rendered markup with what differs between two renders of the same state left out:
    /// comments (Blazor's component markers), generated ids (GUIDs, long hex runs) and antiforgery tokens.
    /// </summary>
    private async Task<string> PageStateAsync()
    {
        var markup = await Page.EvaluateAsync<string>(
            """
            () => document.documentElement.outerHTML
              .replace(/<!--[\s\S]*?-->/g, '')
              .replace(/name="__RequestVerificationToken"[^>]*/g, '')
              .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '#')
              .replace(/\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, '#')
            """);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(markup)));
        // The path, not the whole address: every lane's app has a port of its own.
        return $"{new Uri(Page.Url).PathAndQuery} {hash}";
    }

    /// <summary>With SOFTTARGETS_SCREENSHOTS set to a folder, every checked page is saved there to be looked at.</summary>
    private async Task SaveScreenshotAsync()
    {
        var folder = Environment.GetEnvironmentVariable("SOFTTARGETS_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        var name = $"{GetType().Name}-{new Uri(Page.Url).AbsolutePath.Trim('/').Replace('/', '_')}-{DateTime.UtcNow:HHmmssfff}.png";
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
