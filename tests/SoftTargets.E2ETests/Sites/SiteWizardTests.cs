using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Sites;

public sealed class SiteWizardTests(AppFixture app) : BrowserTest(app)
{
    protected override bool ChangesData => true;

    [Fact]
    public async Task A_venue_manager_is_told_what_is_missing_saves_a_draft_half_way_and_creates_the_site_with_zones_and_contacts()
    {
        await SignInAsync(ArenaManager);
        await GoToAsync("/sites");
        await Page.ClickAsync("#sites-new");
        await Page.Locator("#wizard-name").WaitForAsync();
        await WaitForCircuitAsync();

        await Page.ClickAsync("#wizard-next");
        await Assertions.Expect(Page.Locator("#wizard-step-title")).ToHaveTextAsync("Profile");
        await Assertions.Expect(Page.GetByText("Enter the site's name.")).ToBeVisibleAsync();
        await AssertAccessibleAsync();

        await Page.FillAsync("#wizard-name", "Městské divadlo Opava");
        await Page.FillAsync("#wizard-address", "Horní náměstí 13, Opava");
        await ChooseAsync("#wizard-region", "Moravian-Silesian");
        await Page.ClickAsync("#wizard-save-draft");
        await ExpectAddressAsync(@"/sites/new\?draft=[^/]+$");
        await GoToAsync("/sites");
        await Page.Locator("#site-drafts >> text=Městské divadlo Opava").ClickAsync();
        await Assertions.Expect(Page.Locator("#wizard-address")).ToHaveValueAsync("Horní náměstí 13, Opava");
        await WaitForCircuitAsync();

        await ChooseAsync("#wizard-venue-type", "Theatre or cinema");
        await Page.FillAsync("#wizard-occupancy", "650");
        await Page.FillAsync("#wizard-visitors", "400");
        await Page.ClickAsync("#wizard-next");
        await Page.GetByLabel("Alcohol served").CheckAsync();
        await Page.ClickAsync("#wizard-next");

        await Page.ClickAsync("#wizard-add-zone");
        await Page.FillAsync("#wizard-zone-0-name", "Hlediště");
        await Page.FillAsync("#wizard-zone-0-capacity", "600");
        await Page.FillAsync("#wizard-zone-0-entrances", "4");
        await Page.FillAsync("#wizard-zone-0-assembly", "Horní náměstí, u kašny");
        await Page.FillAsync("#wizard-zone-0-invacuation", "Zkušebna v suterénu");
        await Page.ClickAsync("#wizard-next");

        await Page.ClickAsync("#wizard-add-contact");
        await ChooseAsync("#wizard-contact-0-role", "Security lead");
        await Page.FillAsync("#wizard-contact-0-name", "Jana Nováková");
        await Page.FillAsync("#wizard-contact-0-phone", "+420 601 123 456");
        await Page.ClickAsync("#wizard-add-contact");
        await ChooseAsync("#wizard-contact-1-role", "Security lead");
        await Page.FillAsync("#wizard-contact-1-name", "Petr Dvořák");
        await Page.FillAsync("#wizard-contact-1-email", "not-an-address");
        await Page.GetByLabel("Deputy").Nth(1).CheckAsync();
        await Page.ClickAsync("#wizard-next");
        await Assertions.Expect(Page.GetByText("Enter the e-mail address as name@domain")).ToBeVisibleAsync();
        await Page.FillAsync("#wizard-contact-1-email", "petr.dvorak@example.cz");
        await Page.ClickAsync("#wizard-next");

        await Page.Locator("#wizard-ready, #wizard-problems").First.WaitForAsync();
        Assert.True(await Page.Locator("#wizard-ready").IsVisibleAsync(), await Page.Locator("main").InnerTextAsync());
        await AssertAccessibleAsync();
        await Page.ClickAsync("#wizard-save");

        await ExpectAddressAsync("/sites/[0-9a-f-]{36}$");
        await Assertions.Expect(Page.Locator("#site-name")).ToHaveTextAsync("Městské divadlo Opava");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Hlediště");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Zkušebna v suterénu");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Petr Dvořák");
        // Zones and contacts are in: the next step the new site shows is its plan.
        await Assertions.Expect(Page.Locator("#site-next-step")).ToContainTextAsync("Generate the plan");
        await AssertAccessibleAsync();
        await Page.ClickAsync("#next-step-contacts");
        await Assertions.Expect(Page.Locator("#wizard-step-title")).ToHaveTextAsync("Contacts");
        await Page.ClickAsync("#wizard-cancel");
        await Page.ClickAsync("#next-step-plan");
        await ExpectAddressAsync("/plan$");
        await GoToAsync("/sites");
        await Assertions.Expect(Page.Locator("#site-drafts")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// A step shows its problems once the manager tries to leave it, not on arrival: a new contact row opened empty
    /// said "Enter the contact's name." while the name was being typed, and the messages vanishing as each field lost
    /// the focus moved the Next button from under the pointer, so the click on it was lost.
    /// </summary>
    [Fact]
    public async Task A_step_not_yet_left_shows_no_problems_and_next_stays_where_it_is_while_a_contact_is_typed()
    {
        await SignInAsync(ArenaManager);
        await GoToAsync("/sites/new");
        await Page.ClickAsync("#wizard-next");
        await Assertions.Expect(Page.GetByText("Enter the site's name.")).ToBeVisibleAsync();
        await Page.FillAsync("#wizard-name", "Kulturní dům Frýdek");
        await Page.FillAsync("#wizard-address", "Palackého 12, Frýdek-Místek");
        await ChooseAsync("#wizard-region", "Moravian-Silesian");
        await ChooseAsync("#wizard-venue-type", "Theatre or cinema");
        await Page.FillAsync("#wizard-occupancy", "300");
        await Page.FillAsync("#wizard-visitors", "200");
        await Page.ClickAsync("#wizard-next");
        await Assertions.Expect(Page.Locator("#wizard-step-title")).ToHaveTextAsync("Attributes");
        await Page.ClickAsync("#wizard-next");
        await Assertions.Expect(Page.Locator("#wizard-step-title")).ToHaveTextAsync("Zones");
        await Page.ClickAsync("#wizard-next");
        await Assertions.Expect(Page.Locator("#wizard-step-title")).ToHaveTextAsync("Contacts");

        await Page.ClickAsync("#wizard-add-contact");
        await ChooseAsync("#wizard-contact-0-role", "Security lead");
        await Page.FillAsync("#wizard-contact-0-name", "Alena Malá");
        await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync("Enter the contact's name.");
        await Assertions.Expect(Page.Locator("main")).Not.ToContainTextAsync("Enter a phone number or an e-mail address");
        await Assertions.Expect(Page.Locator("#wizard-step-3")).Not.ToContainTextAsync("needs attention");
        var before = await Page.Locator("#wizard-next").BoundingBoxAsync();
        await Page.FillAsync("#wizard-contact-0-phone", "+420 603 222 111");
        await Page.Locator("#wizard-contact-0-email").FocusAsync();
        await Assertions.Expect(Page.Locator("#wizard-contact-0-remove")).ToContainTextAsync("Alena Malá");
        await Page.Locator("#wizard-next").FocusAsync();
        await Assertions.Expect(Page.Locator("#wizard-contact-0-phone")).ToHaveValueAsync("+420 603 222 111");
        await Assertions.Expect(Page.Locator("#wizard-step-title")).ToHaveTextAsync("Contacts");
        Assert.Equal(before!.Y, (await Page.Locator("#wizard-next").BoundingBoxAsync())!.Y);

        await Page.ClickAsync("#wizard-next");
        await Assertions.Expect(Page.Locator("#wizard-ready")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_problem_followed_from_the_review_opens_its_step_with_the_message_at_the_field()
    {
        await SignInAsync(ArenaManager);
        await GoToAsync("/sites/new");
        await Page.ClickAsync("#wizard-step-4");
        await Assertions.Expect(Page.Locator("#wizard-problems")).ToContainTextAsync("Enter the site's name.");

        await Page.Locator("#wizard-problems a, #wizard-problems .mud-link").Filter(new() { HasText = "Enter the site's name." }).ClickAsync();
        await Assertions.Expect(Page.Locator("#wizard-step-title")).ToHaveTextAsync("Profile");
        await Assertions.Expect(Page.Locator("main")).ToContainTextAsync("Enter the site's name.");
        await Assertions.Expect(Page.Locator("#wizard-step-0")).ToContainTextAsync("needs attention");
    }

    [Fact]
    public async Task The_wizard_speaks_czech_including_its_messages()
    {
        await SignInAsync(ArenaManager);
        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await GoToAsync("/sites/new");

        await Page.ClickAsync("#wizard-next");

        await Assertions.Expect(Page.Locator("h1")).ToHaveTextAsync("Nový objekt");
        await Assertions.Expect(Page.GetByText("Zadejte název objektu.")).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        await Page.ClickAsync("#culture-en");
    }

    [Fact]
    public async Task A_name_another_site_of_the_organisation_has_is_refused_at_the_name_field_and_nothing_is_saved()
    {
        await SignInAsync(ArenaManager);
        await GoToAsync("/sites/new");
        await Page.FillAsync("#wizard-name", "Slezská aréna");
        await Page.FillAsync("#wizard-address", "Horní náměstí 13, Opava");
        await ChooseAsync("#wizard-region", "Moravian-Silesian");
        await ChooseAsync("#wizard-venue-type", "Theatre or cinema");
        await Page.FillAsync("#wizard-occupancy", "650");
        await Page.FillAsync("#wizard-visitors", "400");
        await NextWizardStepsAsync(4);
        await Assertions.Expect(Page.Locator("#wizard-ready")).ToBeVisibleAsync();

        await Page.ClickAsync("#wizard-save");

        await Assertions.Expect(Page.Locator("#wizard-step-title")).ToHaveTextAsync("Profile");
        await Assertions.Expect(Page.GetByText("Another site of your organisation has this name")).ToBeVisibleAsync();
        Assert.EndsWith("/sites/new", Page.Url);
        await AssertAccessibleAsync();
        var sites = await App.WithServicesAsync(services =>
            services.GetRequiredService<SoftTargets.Core.Data.SoftTargetsDbContext>().Sites.CountAsync(s => s.Name == "Slezská aréna"));
        Assert.Equal(1, sites);
    }

    [Fact]
    public async Task With_two_methodologies_published_a_manager_picks_one_and_the_new_site_follows_it_with_its_catalogue()
    {
        var methodologyId = await PublishSecondMethodologyAsync();
        await SignInAsync(ArenaManager);
        await GoToAsync("/sites/new");
        await Page.Locator("#wizard-methodology").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await WaitForCircuitAsync();
        await AssertAccessibleAsync();

        await ChooseAsync("#wizard-methodology", "Protected premises (test methodology)");
        await Page.FillAsync("#wizard-name", "Royal Theatre Opava");
        await Page.FillAsync("#wizard-address", "Horní náměstí 13, Opava");
        await ChooseAsync("#wizard-region", "Wales");
        await ChooseAsync("#wizard-venue-type", "Theatre");
        await Page.FillAsync("#wizard-occupancy", "1000");
        await Page.FillAsync("#wizard-visitors", "400");
        await Page.ClickAsync("#wizard-next");
        await Page.GetByLabel("Public queues outside").CheckAsync();
        await Assertions.Expect(Page.GetByLabel("Alcohol served")).ToHaveCountAsync(0);
        await NextWizardStepsAsync(3);
        await Assertions.Expect(Page.Locator("#wizard-ready")).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        await Page.ClickAsync("#wizard-save");

        await ExpectAddressAsync("/sites/[0-9a-f-]{36}$");
        await Assertions.Expect(Page.Locator("#site-name")).ToHaveTextAsync("Royal Theatre Opava");
        await Assertions.Expect(Page.Locator("#site-methodology")).ToHaveTextAsync("Protected premises (test methodology)");
        await Assertions.Expect(Page.Locator("#site-attributes")).ToHaveTextAsync("Public queues outside");
        await Assertions.Expect(Page.Locator("#site-next-step")).ToContainTextAsync("Add zones (0 so far)");
        await AssertAccessibleAsync();
        var site = await App.WithServicesAsync(services => services.GetRequiredService<SoftTargets.Core.Data.SoftTargetsDbContext>().Sites
            .Where(s => s.Name == "Royal Theatre Opava").Select(s => new { s.MethodologyId, s.VenueTypeKey, s.Attributes }).SingleAsync());
        Assert.Equal((methodologyId, "theatre"), (site.MethodologyId, site.VenueTypeKey));
        Assert.Equal(["public-queues"], site.Attributes);
    }

    /// <summary>The English-only test methodology, published beside the seeded one; returns its id.</summary>
    private Task<Guid> PublishSecondMethodologyAsync() => App.WithServicesAsync(async services =>
    {
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Methodology", "Library", "uk-protected-premises.yaml"));
        var (file, errors) = SoftTargets.Core.Features.Methodology.Library.LibraryFormat.Read(text);
        Assert.Empty(errors);
        var methodology = new SoftTargets.Core.Domain.Methodology.Methodology(file!.Methodology, file.Title);
        methodology.StartDraft(file.ToDocument()).Publish("For the wizard journey.", "editor@softtargets.example", DateTimeOffset.UtcNow);
        var db = services.GetRequiredService<SoftTargets.Core.Data.SoftTargetsDbContext>();
        db.Methodologies.Add(methodology);
        await db.SaveChangesAsync();
        return methodology.Id;
    });
}
