using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Features.Compliance;
using SoftTargets.Core.Features.Home;
using SoftTargets.Core.Features.Plans;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Plans;

/// <summary>The lists the venue manager's home figures lead to hold exactly the measures those figures count.</summary>
[ReadsOnly]
public sealed class MeasureAttentionQueriesTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task The_overdue_list_holds_as_many_measures_as_the_home_figure_counts_each_titled_and_late()
    {
        var home = await Fixture.AsAsync<VenueManagerHome?, HomeQueries>(ArenaManager, q => q.ForVenueManagerAsync());

        var overdue = await Fixture.AsAsync<IReadOnlyList<AttentionMeasure>, MeasureAttentionQueries>(ArenaManager, q => q.ListAsync(MeasureAttention.Overdue));

        Assert.True(home!.OverdueMeasures > 0, "The demo data has overdue measures to list.");
        Assert.Equal(home.OverdueMeasures, overdue.Count);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.All(overdue, m => Assert.True(ComplianceRules.IsOverdue(m.Status, m.DueDate, today)));
        Assert.All(overdue, m => Assert.NotEqual(m.Key, m.Title.En));
        Assert.Equal(overdue.Select(m => m.DueDate).Order(), overdue.Select(m => m.DueDate));
    }

    [Fact]
    public async Task The_review_list_holds_as_many_measures_as_the_home_figure_counts()
    {
        var home = await Fixture.AsAsync<VenueManagerHome?, HomeQueries>(ArenaManager, q => q.ForVenueManagerAsync());

        var reviews = await Fixture.AsAsync<IReadOnlyList<AttentionMeasure>, MeasureAttentionQueries>(ArenaManager, q => q.ListAsync(MeasureAttention.ReviewDue));

        Assert.Equal(home!.ReviewsDueIn30Days, reviews.Count);
    }

    [Fact]
    public async Task A_venue_manager_sees_only_the_own_organisations_measures()
    {
        var school = await Fixture.AsAsync<IReadOnlyList<AttentionMeasure>, MeasureAttentionQueries>(SchoolManager, q => q.ListAsync(MeasureAttention.Overdue));
        var arena = await Fixture.AsAsync<IReadOnlyList<AttentionMeasure>, MeasureAttentionQueries>(ArenaManager, q => q.ListAsync(MeasureAttention.Overdue));

        Assert.Empty(school.Select(m => m.SiteId).Intersect(arena.Select(m => m.SiteId)));
    }

    [Fact]
    public async Task An_auditor_is_refused()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Fixture.AsAsync<IReadOnlyList<AttentionMeasure>, MeasureAttentionQueries>(Auditor, q => q.ListAsync(MeasureAttention.Overdue)));
    }
}
