using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Readiness;

public sealed class SitePlaybooksJourneyTests(AppFixture app) : BrowserTest(app)
{
    private const string Stadium = "Slezská aréna";
    private static readonly string[] Phases = ["P0", "P1", "P2", "P3", "P4", "P5"];

    [Fact]
    public async Task A_venue_manager_chooses_a_role_by_keyboard_and_sees_only_that_roles_steps_by_phase_kept_in_the_address()
    {
        var stadium = await SiteIdAsync(Stadium);
        await SignInAsync(ArenaManager);
        await GoToAsync($"/sites/{stadium}/plan");
        await Page.ClickAsync("#site-tab-playbooks");
        await ExpectAddressAsync($"/sites/{stadium}/playbooks$");
        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync($"Playbooks: {Stadium}");
        await Assertions.Expect(Page.Locator("#site-tab-playbooks")).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(Page.Locator("#role-all")).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(Page.Locator(".playbook-step[data-role='duty-manager']").First).ToBeVisibleAsync();
        await AssertAccessibleAsync();

        await Page.FocusAsync("#role-all");
        for (var tab = 0; tab < 10 && await ActiveIdAsync() != "role-security-lead"; tab++)
            await Page.Keyboard.PressAsync("Tab");
        Assert.Equal("role-security-lead", await ActiveIdAsync());
        await Page.Keyboard.PressAsync("Enter");

        await ExpectAddressAsync(@"/playbooks\?role=security-lead$");
        await Assertions.Expect(Page.Locator("#role-security-lead")).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(Page.Locator(".playbook-step:not([data-role='security-lead'])")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#playbooks-P1 .playbook-step[data-key='PB-FIREARMS-P1-01']")).ToContainTextAsync("Within 2 min");
        await Assertions.Expect(Page.Locator("#playbooks-P1 .playbook-step[data-key='PB-FIREARMS-P1-01']")).ToContainTextAsync("Lockdown");
        foreach (var phase in Phases)
            await Assertions.Expect(Page.Locator($"#playbooks-{phase} h2")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#playbooks-shown")).ToContainTextAsync("Security lead");
        await AssertAccessibleAsync();

        // The choice lives in the address: a reload (or a bookmark) shows the same steps, and the threat narrows them further.
        await Page.ReloadAsync();
        await WaitForCircuitAsync();
        await Assertions.Expect(Page.Locator("#role-security-lead")).ToHaveAttributeAsync("aria-current", "true");
        await Page.ClickAsync("#threat-vehicle-as-weapon");
        await ExpectAddressAsync("^(?=.*role=security-lead)(?=.*threat=vehicle-as-weapon)");
        await Assertions.Expect(Page.Locator(".playbook-step:not([data-threat='vehicle-as-weapon'])")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator(".playbook-step:not([data-role='security-lead'])")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task On_a_phone_in_czech_the_playbooks_read_as_cards_without_sideways_scrolling()
    {
        var stadium = await SiteIdAsync(Stadium);
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync(ArenaManager);
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await GoToAsync($"/sites/{stadium}/playbooks?role=duty-manager");

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync($"Scénáře reakce: {Stadium}");
        await Assertions.Expect(Page.Locator("#playbooks-role-heading")).ToHaveTextAsync("Co mám dělat?");
        await Assertions.Expect(Page.Locator("#role-duty-manager")).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(Page.Locator(".playbook-step:not([data-role='duty-manager'])")).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator(".playbook-step[data-key='PB-FIREARMS-P1-02']")).ToContainTextAsync("Do 2 min");
        await Assertions.Expect(Page.Locator("#playbooks-P0 h2")).ToHaveTextAsync("P0 Připravenost");

        Assert.True(await Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"),
            "The playbooks page scrolls sideways at 390 px: " + string.Join(", ", await Page.EvaluateAsync<string[]>(
                """
                () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                  .map(e => `${e.tagName.toLowerCase()}#${e.id}.${[...e.classList].join('.')}`).slice(0, 10)
                """)));
        var smallTargets = await Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('.choice-link')].filter(e => e.getBoundingClientRect().height < 44).map(e => e.id)");
        Assert.True(smallTargets.Length == 0, "Choices too small to tap: " + string.Join(", ", smallTargets));
        await AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_role_with_no_steps_and_a_site_without_a_plan_each_say_so_and_link_onwards()
    {
        var stadium = await SiteIdAsync(Stadium);
        var mall = await SiteIdAsync("Obchodní centrum Brána Plzeň");
        await SignInAsync(Auditor);
        await GoToAsync($"/sites/{stadium}/playbooks?role=no-such-role");
        await Assertions.Expect(Page.Locator("#playbooks-nothing")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator(".playbook-step")).ToHaveCountAsync(0);
        await AssertAccessibleAsync();
        await Page.ClickAsync("#playbooks-show-all");
        await Assertions.Expect(Page.Locator("#role-all")).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(Page.Locator(".playbook-step").First).ToBeVisibleAsync();

        await GoToAsync($"/sites/{mall}/playbooks");

        await Assertions.Expect(Page.Locator("#playbooks-no-plan")).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        await Page.ClickAsync("#playbooks-plan-link");
        await ExpectAddressAsync($"/sites/{mall}/plan$");
    }

    private Task<string> ActiveIdAsync() => Page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");
}
