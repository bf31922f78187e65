using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Assessment;

public sealed class ThreatAssessmentTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Mall = "Obchodní centrum Brána Plzeň";
    private const string Stadium = "Slezská aréna";

    [Fact]
    public async Task The_catalogue_lists_assessed_threats_first_with_their_ratings_and_suggests_others_with_measures()
    {
        var stadium = await SiteIdAsync(Stadium);

        var view = await Fixture.AsAsync<ThreatAssessmentView?, ThreatAssessment>(ArenaManager, s => s.GetAsync(stadium));

        Assert.NotNull(view);
        Assert.True(view.CanChange);
        Assert.Equal(await SiteVersionAsync(stadium), view.Version);
        Assert.Equal(11, view.Threats.Count);
        Assert.Equal(["firearms", "vehicle-as-weapon"], view.Threats.Take(2).Select(t => t.Key));
        var firearms = view.Threats[0];
        Assert.Equal((2, 5, 10, 8), (firearms.Assessment!.InherentLikelihood, firearms.Assessment.InherentImpact,
            firearms.Assessment.InherentScore, firearms.Assessment.ResidualScore));
        Assert.Equal("High-profile matches draw large crowds.", firearms.Assessment.Rationale);
        Assert.Equal("Útok střelnou zbraní", firearms.Name.Cs);
        var hostage = view.Threats.Single(t => t.Key == "hostage-taking");
        Assert.True(hostage.IsSuggested);
        Assert.Contains("RES-13", hostage.SuggestedMeasures.Select(m => m.Key));
        Assert.Equal(2, view.HeatMap(RiskView.Inherent).Total);
    }

    [Fact]
    public async Task A_manager_saves_replaces_and_removes_a_threat_and_each_change_bumps_the_version()
    {
        var mall = await SiteIdAsync(Mall);
        var version = await SiteVersionAsync(mall);

        var afterSave = await Fixture.AsAsync<uint, ThreatAssessment>(ArenaManager,
            s => s.SaveAsync(mall, new ThreatInput("arson", 3, 4, 2, 3, "  Waste bins by the loading dock.  "), version));
        Assert.NotEqual(version, afterSave);
        await using (var db = Fixture.NewDbContext())
        {
            var saved = await db.Sites.Include(s => s.Threats).SingleAsync(s => s.Id == mall);
            var arson = Assert.Single(saved.Threats);
            Assert.Equal(("arson", 12, 6, "Waste bins by the loading dock."), (arson.ThreatKey, arson.Inherent.Score, arson.Residual.Score, arson.Rationale));
            Assert.Equal(ArenaManager, saved.UpdatedBy);
        }

        var afterReplace = await Fixture.AsAsync<uint, ThreatAssessment>(ArenaManager,
            s => s.SaveAsync(mall, new ThreatInput("arson", 4, 4, 4, 2, "Two fires nearby this year."), afterSave));
        Assert.NotEqual(afterSave, afterReplace);
        var view = await Fixture.AsAsync<ThreatAssessmentView?, ThreatAssessment>(ArenaManager, s => s.GetAsync(mall));
        Assert.Equal(afterReplace, view!.Version);
        var row = view.Threats[0];
        Assert.Equal(("arson", 16, 8, "Two fires nearby this year."), (row.Key, row.Assessment!.InherentScore, row.Assessment.ResidualScore, row.Assessment.Rationale));
        Assert.Single(view.Threats, t => t.IsAssessed);
        Assert.Equal(1, view.HeatMap(RiskView.Residual)[4, 2].Count);

        var afterRemove = await Fixture.AsAsync<uint, ThreatAssessment>(ArenaManager, s => s.RemoveAsync(mall, "arson", afterReplace));
        Assert.NotEqual(afterReplace, afterRemove);
        await using var check = Fixture.NewDbContext();
        Assert.False(await check.Set<Core.Domain.Threats.ThreatScenario>().AnyAsync(t => t.SiteId == mall));
    }

    [Fact]
    public async Task A_residual_risk_above_the_inherent_one_is_refused_and_the_database_is_unchanged()
    {
        var stadium = await SiteIdAsync(Stadium);
        var version = await SiteVersionAsync(stadium);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<ThreatAssessment>(ArenaManager,
            s => s.SaveAsync(stadium, new ThreatInput("firearms", 2, 2, 3, 3, "Raised by mistake."), version)));

        Assert.Equal(["Residual"], refused.Errors.Keys);
        await AssertStadiumUnchangedAsync(stadium, version);
    }

    [Fact]
    public async Task An_unknown_threat_or_a_missing_rationale_is_refused_and_the_database_is_unchanged()
    {
        var stadium = await SiteIdAsync(Stadium);
        var version = await SiteVersionAsync(stadium);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<ThreatAssessment>(ArenaManager,
            s => s.SaveAsync(stadium, new ThreatInput("meteor-strike", 2, 2, 1, 1, ""), version)));

        Assert.Equal(["Rationale", "ThreatKey"], refused.Errors.Keys.Order());
        await AssertStadiumUnchangedAsync(stadium, version);
    }

    [Fact]
    public async Task Saving_from_a_stale_version_is_a_conflict_and_keeps_the_first_change()
    {
        var mall = await SiteIdAsync(Mall);
        var loaded = await SiteVersionAsync(mall);
        await Fixture.AsAsync<ThreatAssessment>(ArenaManager, s => s.SaveAsync(mall, new ThreatInput("cbrn", 2, 3, 2, 2, "First."), loaded));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Fixture.AsAsync<ThreatAssessment>(ArenaManager,
            s => s.SaveAsync(mall, new ThreatInput("cbrn", 5, 5, 5, 5, "Second."), loaded)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Fixture.AsAsync<ThreatAssessment>(ArenaManager,
            s => s.RemoveAsync(mall, "cbrn", loaded)));

        await using var db = Fixture.NewDbContext();
        var cbrn = await db.Set<Core.Domain.Threats.ThreatScenario>().SingleAsync(t => t.SiteId == mall);
        Assert.Equal("First.", cbrn.Rationale);
    }

    [Fact]
    public async Task Another_organisations_manager_neither_sees_nor_changes_the_site()
    {
        var stadium = await SiteIdAsync(Stadium);
        var version = await SiteVersionAsync(stadium);

        Assert.Null(await Fixture.AsAsync<ThreatAssessmentView?, ThreatAssessment>(SchoolManager, s => s.GetAsync(stadium)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<ThreatAssessment>(SchoolManager,
            s => s.SaveAsync(stadium, new ThreatInput("arson", 1, 1, 1, 1, "Taken over."), version)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<ThreatAssessment>(SchoolManager, s => s.RemoveAsync(stadium, "firearms", version)));
        await AssertStadiumUnchangedAsync(stadium, version);
    }

    [Fact]
    public async Task An_auditor_reads_the_assessment_but_cannot_change_it()
    {
        var stadium = await SiteIdAsync(Stadium);
        var version = await SiteVersionAsync(stadium);

        var view = await Fixture.AsAsync<ThreatAssessmentView?, ThreatAssessment>(Auditor, s => s.GetAsync(stadium));

        Assert.NotNull(view);
        Assert.False(view.CanChange);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<ThreatAssessment>(Auditor,
            s => s.SaveAsync(stadium, new ThreatInput("arson", 1, 1, 1, 1, "Audit."), version)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<ThreatAssessment>(Auditor, s => s.RemoveAsync(stadium, "firearms", version)));
        await AssertStadiumUnchangedAsync(stadium, version);
    }

    private async Task AssertStadiumUnchangedAsync(Guid stadium, uint version)
    {
        await using var db = Fixture.NewDbContext();
        var site = await db.Sites.Include(s => s.Threats).AsNoTracking().SingleAsync(s => s.Id == stadium);
        Assert.Equal(version, site.Version);
        Assert.Equal(["firearms", "vehicle-as-weapon"], site.Threats.Select(t => t.ThreatKey).Order());
        Assert.Equal(10, site.Threats.Single(t => t.ThreatKey == "firearms").Inherent.Score);
    }
}
