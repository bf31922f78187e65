using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Security;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Methodology.Impact;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.IntegrationTests.Methodology;

/// <summary>Two methodologies published side by side: each site follows one, and publishing one moves only its own sites.</summary>
public sealed class SeveralMethodologiesTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Publishing_one_methodology_leaves_the_other_ones_sites_and_plans_unchanged_and_the_impact_preview_agrees()
    {
        var czech = await SecondMethodology.CzechMethodologyIdAsync(Fixture);
        var czechSites = await CzechSitesAsync(czech);

        // The first version of the test methodology is compared with no site at all: none follows it yet.
        var imported = await Fixture.AsAsync<ImportResult, MethodologyLibrary>(Editor, l => l.ImportAsync(SecondMethodology.Text()));
        var first = await Fixture.AsAsync<ImpactPreviewResult, ImpactPreview>(Editor, p => p.PreviewAsync(imported.VersionId!.Value));
        Assert.Equal((0, 0), (first.SitesCompared, first.SitesAffected));
        var methodologyId = await SecondMethodology.PublishDraftAsync(Fixture, imported.VersionId!.Value, "First version.");
        var before = await PlansAsync();

        var organization = (await Fixture.ActorAsync(ArenaManager)).OrganizationId!.Value;
        var theatre = await Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(organization, SecondMethodology.Theatre()));
        await Fixture.AsAsync<int, PlanService>(ArenaManager, p => p.GenerateAsync(theatre));

        // A second version where stewarded queues apply everywhere: only the test methodology's one site is compared and affected.
        var draftId = await Fixture.AsAsync<Guid, MethodologyAuthoring>(Editor, a => a.StartDraftAsync(methodologyId));
        var draft = (await Fixture.AsAsync<VersionView?, MethodologyAuthoring>(Editor, a => a.GetAsync(draftId)))!;
        var everywhere = draft.Content with
        {
            Measures = [.. draft.Content.Measures.Where(m => m.Key != "UK-SEC-01"), draft.Content.Measures.Single(m => m.Key == "UK-SEC-01") with { AppliesWhen = new Condition { TierIn = ["standard"] } }],
        };
        await Fixture.AsAsync<uint, MethodologyAuthoring>(Editor, a => a.SaveAsync(draftId, everywhere, draft.Version));
        var impact = await Fixture.AsAsync<ImpactPreviewResult, ImpactPreview>(Editor, p => p.PreviewAsync(draftId));
        Assert.Equal((1, 1), (impact.SitesCompared, impact.SitesAffected));
        Assert.Equal(theatre, Assert.Single(impact.Sites).SiteId);
        Assert.Equal(["UK-SEC-01"], impact.Sites[0].Lost);
        await SecondMethodology.PublishDraftAsync(Fixture, draftId, "The security plan only for the standard tier.");

        // The Czech sites: the same plans and measures, nothing to upgrade to, their own catalogue's names.
        Assert.Equal(before, (await PlansAsync()).Where(p => czechSites.Contains(p.Key)).ToDictionary());
        foreach (var site in czechSites)
            Assert.Null(await Fixture.AsAsync<PlanUpgrade?, PlanService>(Auditor, p => p.GetUpgradeAsync(site)));
        var stadium = await SiteIdAsync("Slezská aréna");
        Assert.Equal("Stadium", (await Fixture.AsAsync<SiteDetails?, SiteQueries>(ArenaManager, q => q.GetAsync(stadium)))!.VenueType!.En);

        // The test methodology's site is offered its new version, which drops the security plan.
        var upgrade = (await Fixture.AsAsync<PlanUpgrade?, PlanService>(ArenaManager, p => p.GetUpgradeAsync(theatre)))!;
        Assert.Equal((1, 2), (upgrade.FromNumber, upgrade.ToNumber));
        Assert.Equal(["UK-SEC-01"], upgrade.Lost);

        // A Czech draft is compared with exactly the Czech sites.
        var czechDraft = await Fixture.AsAsync<Guid, MethodologyAuthoring>(Editor, a => a.StartDraftAsync(czech));
        var czechImpact = await Fixture.AsAsync<ImpactPreviewResult, ImpactPreview>(Editor, p => p.PreviewAsync(czechDraft));
        Assert.Equal(czechSites.Count, czechImpact.SitesCompared);
    }

    [Fact]
    public async Task An_english_only_methodology_generates_plans_for_its_own_sites_while_czech_sites_keep_theirs()
    {
        var czech = await SecondMethodology.CzechMethodologyIdAsync(Fixture);
        var (methodologyId, versionId) = await SecondMethodology.PublishAsync(Fixture);
        var organization = (await Fixture.ActorAsync(ArenaManager)).OrganizationId!.Value;

        var theatre = await Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(organization, SecondMethodology.Theatre()));
        var czechHall = await Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(organization,
            SecondMethodology.Theatre("Divadlo Ostrava") with { Region = "Moravskoslezsky", VenueTypeKey = "theatre-cinema", Attributes = ["outdoor-queues"], Methodology = null }));
        // The threat catalogue is the test methodology's too: its threat can be assessed before the first plan.
        var siteVersion = await SiteVersionAsync(theatre);
        await Fixture.AsAsync<uint, ThreatAssessment>(ArenaManager, t => t.SaveAsync(theatre,
            new ThreatInput("marauding-attack", 3, 5, 2, 4, "A busy foyer on a main street."), siteVersion));
        await Fixture.AsAsync<int, PlanService>(ArenaManager, p => p.GenerateAsync(theatre));
        await Fixture.AsAsync<int, PlanService>(ArenaManager, p => p.GenerateAsync(czechHall));
        var stadium = await SiteIdAsync("Slezská aréna");
        await Fixture.AsAsync<int, PlanService>(ArenaManager, p => p.GenerateAsync(stadium));

        await using var db = Fixture.NewDbContext();
        var sites = await db.Sites.Where(s => s.Id == theatre || s.Id == czechHall).ToDictionaryAsync(s => s.Id, s => s.MethodologyId);
        Assert.Equal(methodologyId, sites[theatre]);
        Assert.Equal(czech, sites[czechHall]);

        var plan = await db.SitePlans.Where(p => p.SiteId == theatre).SingleAsync();
        Assert.Equal((versionId, "enhanced"), (plan.MethodologyVersionId, plan.Tier));
        Assert.Equal(["UK-PROC-01", "UK-QUE-01", "UK-SEC-01"],
            await db.PlanMeasures.Where(m => m.SiteId == theatre && m.IsApplicable).Select(m => m.MeasureKey).OrderBy(k => k).ToListAsync());
        var english = Assert.Single((await PlanDocuments.ReadAsync(db, plan)).Playbooks);
        Assert.All(english.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Text.En)));

        var czechVersions = await db.MethodologyVersions.Where(v => v.MethodologyId == czech).Select(v => v.Id).ToListAsync();
        foreach (var site in new[] { czechHall, stadium })
        {
            var latest = await db.SitePlans.Where(p => p.SiteId == site).OrderByDescending(p => p.Revision).FirstAsync();
            Assert.Contains(latest.MethodologyVersionId, czechVersions);
            Assert.DoesNotContain(await db.PlanMeasures.Where(m => m.SiteId == site).Select(m => m.MeasureKey).ToListAsync(), k => k.StartsWith("UK-"));
        }

        // The English-only names read in English for a Czech reader too.
        var details = (await Fixture.AsAsync<SiteDetails?, SiteQueries>(ArenaManager, q => q.GetAsync(theatre)))!;
        Assert.Equal("Theatre", details.VenueType!.For(new System.Globalization.CultureInfo("cs-CZ")));
        Assert.Equal(SecondMethodology.Code, details.Profile.Methodology);
    }

    [Fact]
    public async Task A_site_is_checked_against_the_catalogue_of_the_methodology_it_follows()
    {
        await SecondMethodology.PublishAsync(Fixture);
        var organization = (await Fixture.ActorAsync(ArenaManager)).OrganizationId!.Value;

        var czechTypeUnderUk = await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<Guid, SiteService>(ArenaManager,
            s => s.CreateAsync(organization, SecondMethodology.Theatre() with { VenueTypeKey = "stadium", Attributes = [] })));
        Assert.True(czechTypeUnderUk.Problems.ContainsKey("VenueTypeKey"));

        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<Guid, SiteService>(ArenaManager,
            s => s.CreateAsync(organization, SecondMethodology.Theatre() with { Methodology = "fr-vigipirate" })));
        var problem = unknown.Problems["Methodology"];
        Assert.Contains("fr-vigipirate", problem.En);
        Assert.Contains("cz-soft-targets", problem.En);
        Assert.Contains(SecondMethodology.Code, problem.Cs);
    }

    [Fact]
    public async Task The_wizard_offers_every_published_methodology_with_the_default_one_first()
    {
        var (methodologyId, _) = await SecondMethodology.PublishAsync(Fixture);

        var byDefault = await Fixture.AsAsync<SiteCatalogues, SiteQueries>(ArenaManager, q => q.GetCataloguesAsync());
        var chosen = await Fixture.AsAsync<SiteCatalogues, SiteQueries>(ArenaManager, q => q.GetCataloguesAsync(methodologyId));

        Assert.Equal(["cz-soft-targets", SecondMethodology.Code], byDefault.Methodologies.Select(m => m.Code));
        Assert.Equal("cz-soft-targets", byDefault.Methodology!.Code);
        Assert.Contains(byDefault.VenueTypes, v => v.Key == "stadium");
        Assert.Equal(SecondMethodology.Code, chosen.Methodology!.Code);
        Assert.Equal(["sports-ground", "theatre", "place-of-worship"], chosen.VenueTypes.Select(v => v.Key));
        Assert.Equal(["responsible-person", "senior-individual"], chosen.Roles.Select(r => r.Key));
    }

    [Fact]
    public async Task The_configured_default_methodology_wins_over_the_oldest_one_and_an_unknown_code_falls_back_to_the_oldest()
    {
        var (methodologyId, _) = await SecondMethodology.PublishAsync(Fixture);
        var czech = await SecondMethodology.CzechMethodologyIdAsync(Fixture);
        await using var db = Fixture.NewDbContext();

        Assert.Equal(methodologyId, await db.DefaultMethodologyIdAsync(new MethodologyOptions { DefaultMethodology = SecondMethodology.Code }, default));
        Assert.Equal(czech, await db.DefaultMethodologyIdAsync(new MethodologyOptions { DefaultMethodology = "nowhere" }, default));
        Assert.Equal(czech, await db.DefaultMethodologyIdAsync(new MethodologyOptions(), default));
    }

    [Fact]
    public async Task Regenerating_every_plan_gives_a_site_without_a_plan_its_own_methodologys_newest_version()
    {
        var (_, versionId) = await SecondMethodology.PublishAsync(Fixture);
        var organization = (await Fixture.ActorAsync(ArenaManager)).OrganizationId!.Value;
        var theatre = await Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(organization, SecondMethodology.Theatre()));
        var mall = await SiteIdAsync("Obchodní centrum Brána Plzeň");

        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        using (SystemScope.Begin())
            await scope.ServiceProvider.GetRequiredService<PlanRegeneration>().RegenerateAllAsync(which: s => s.Id == theatre || s.Id == mall);

        await using var db = Fixture.NewDbContext();
        Assert.Equal(versionId, await db.SitePlans.Where(p => p.SiteId == theatre).Select(p => p.MethodologyVersionId).SingleAsync());
        var czechCurrent = (await db.CurrentPublishedAsync(await SecondMethodology.CzechMethodologyIdAsync(Fixture), default))!.Id;
        Assert.Equal(czechCurrent, await db.SitePlans.Where(p => p.SiteId == mall).Select(p => p.MethodologyVersionId).SingleAsync());
    }

    private async Task<HashSet<Guid>> CzechSitesAsync(Guid czech)
    {
        await using var db = Fixture.NewDbContext();
        return (await db.Sites.Where(s => s.MethodologyId == czech).Select(s => s.Id).ToListAsync()).ToHashSet();
    }

    /// <summary>Per site: its plan revisions with their versions, and its tracked measures with applicability and status.</summary>
    private async Task<Dictionary<Guid, string>> PlansAsync()
    {
        await using var db = Fixture.NewDbContext();
        var plans = await db.SitePlans.Select(p => new { p.SiteId, p.Revision, p.MethodologyVersionId, p.Tier }).ToListAsync();
        var measures = await db.PlanMeasures.Select(m => new { m.SiteId, m.MeasureKey, m.IsApplicable, m.Status, m.Priority }).ToListAsync();
        return plans.Select(p => p.SiteId).Concat(measures.Select(m => m.SiteId)).Distinct().ToDictionary(id => id, id =>
            string.Join(";", plans.Where(p => p.SiteId == id).OrderBy(p => p.Revision).Select(p => $"{p.Revision}:{p.MethodologyVersionId}:{p.Tier}"))
            + "|" + string.Join(";", measures.Where(m => m.SiteId == id).OrderBy(m => m.MeasureKey, StringComparer.Ordinal)
                .Select(m => $"{m.MeasureKey}:{m.IsApplicable}:{m.Status}:{m.Priority}")));
    }
}
