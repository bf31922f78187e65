using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Features;
using SoftTargets.Core.Features.Compliance;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Compliance;

public sealed class FindingWorkflowTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Arena = "Slezská aréna";
    private const string ConcertHall = "Koncertní síň Vltava";
    private static readonly FindingInput Input = new(FindingSeverity.High, "Gate B queue without stand-off", "Seen on the visit.", new DateOnly(2030, 1, 31));

    [Fact]
    public async Task An_auditor_records_a_finding_on_a_measure_of_the_site()
    {
        var siteId = await SiteIdAsync(Arena);
        var (measureId, key) = await MeasureOfAsync(siteId);

        var id = await Fixture.AsAsync<Guid, FindingService>(Auditor, f => f.CreateAsync(siteId, Input, measureId));

        var listed = await ListAsync(Auditor, new FindingFilter(SiteId: siteId));
        var item = Assert.Single(listed.Items, i => i.Id == id);
        Assert.Equal(measureId, item.PlanMeasureId);
        Assert.Equal(key, item.MeasureKey);
        Assert.Equal(FindingStatus.Open, item.Status);
    }

    [Fact]
    public async Task A_measure_of_another_site_is_refused_and_nothing_is_saved()
    {
        var arenaId = await SiteIdAsync(Arena);
        var (hallMeasureId, _) = await MeasureOfAsync(await SiteIdAsync(ConcertHall));

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Fixture.AsAsync<Guid, FindingService>(Auditor, f => f.CreateAsync(arenaId, Input, hallMeasureId)));

        Assert.Contains("PlanMeasureId", ex.Errors.Keys);
        await using var db = Fixture.NewDbContext();
        Assert.False(await db.Findings.AnyAsync(f => f.SiteId == arenaId));
    }

    [Fact]
    public async Task A_new_finding_cannot_be_due_in_the_past()
    {
        var siteId = await SiteIdAsync(Arena);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Fixture.AsAsync<Guid, FindingService>(Auditor, f => f.CreateAsync(siteId, Input with { DueDate = yesterday })));

        Assert.Equal(FindingMessages.DueDateInPast.En, Assert.Single(ex.Errors[nameof(FindingInput.DueDate)]));
    }

    [Fact]
    public async Task Answer_reopen_answer_again_and_close_run_through_the_whole_workflow()
    {
        var siteId = await SiteIdAsync(Arena);
        var id = await Fixture.AsAsync<Guid, FindingService>(Auditor, f => f.CreateAsync(siteId, Input));

        await Fixture.AsAsync<FindingService>(ArenaManager, async f => await f.AnswerAsync(id, "Barriers ordered.", await VersionAsync(id)));
        Assert.Equal(FindingStatus.Answered, (await FindAsync(id)).Status);

        await Fixture.AsAsync<FindingService>(Auditor, async f => await f.ReopenAsync(id, "Ordered is not installed.", await VersionAsync(id)));
        var reopened = await FindAsync(id);
        Assert.Equal(FindingStatus.Open, reopened.Status);
        Assert.Contains("Ordered is not installed.", reopened.Text);

        await Fixture.AsAsync<FindingService>(ArenaManager, async f => await f.AnswerAsync(id, "Barriers installed on 2 June.", await VersionAsync(id)));
        await Fixture.AsAsync<FindingService>(Auditor, async f => await f.CloseAsync(id, "", await VersionAsync(id)));

        var closed = await FindAsync(id);
        Assert.Equal(FindingStatus.Closed, closed.Status);
        Assert.Equal("Barriers installed on 2 June.", closed.Answer);
        Assert.NotNull(closed.ClosedAt);
    }

    [Fact]
    public async Task Venue_managers_can_neither_close_nor_reopen_and_a_stale_version_is_a_conflict()
    {
        var siteId = await SiteIdAsync(Arena);
        var id = await Fixture.AsAsync<Guid, FindingService>(Auditor, f => f.CreateAsync(siteId, Input));
        var version = await VersionAsync(id);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<FindingService>(ArenaManager, f => f.CloseAsync(id, "Done", version)));
        await Fixture.AsAsync<FindingService>(ArenaManager, f => f.AnswerAsync(id, "Done.", version));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<FindingService>(ArenaManager, f => f.ReopenAsync(id, "Hm", version)));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Fixture.AsAsync<FindingService>(Auditor, f => f.CloseAsync(id, "", version)));
        Assert.Equal(FindingStatus.Answered, (await FindAsync(id)).Status);
    }

    [Fact]
    public async Task Another_organisations_manager_neither_sees_nor_answers_the_finding()
    {
        var siteId = await SiteIdAsync(Arena);
        var id = await Fixture.AsAsync<Guid, FindingService>(Auditor, f => f.CreateAsync(siteId, Input));

        var schoolView = await ListAsync(SchoolManager, new FindingFilter());
        var schoolSiteView = await ListAsync(SchoolManager, new FindingFilter(SiteId: siteId));
        var schoolCounts = await Fixture.AsAsync<FindingCounts, FindingQueries>(SchoolManager, q => q.CountAsync());

        Assert.DoesNotContain(schoolView.Items, i => i.Id == id);
        Assert.Empty(schoolSiteView.Items);
        Assert.Equal(new FindingCounts(0, 0, 0, 0), schoolCounts);
        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await Fixture.AsAsync<FindingService>(SchoolManager, async f => await f.AnswerAsync(id, "Not ours", await VersionAsync(id))));
        var arenaView = await ListAsync(ArenaManager, new FindingFilter());
        Assert.True(Assert.Single(arenaView.Items, i => i.Id == id).CanAnswer);
    }

    [Fact]
    public async Task The_list_filters_by_state_severity_region_and_text_and_counts_overdue()
    {
        var arenaId = await SiteIdAsync(Arena);
        var low = await Fixture.AsAsync<Guid, FindingService>(Auditor, f => f.CreateAsync(arenaId, Input with { Severity = FindingSeverity.Low }));
        await Fixture.AsAsync<FindingService>(ArenaManager, async f => await f.AnswerAsync(low, "Done.", await VersionAsync(low)));
        var overdue = await Fixture.AsAsync<Guid, FindingService>(Auditor, f => f.CreateAsync(arenaId, Input));
        await using (var db = Fixture.NewDbContext())
        {
            // Time passes: the due date is moved into the past directly, as no user may set one.
            await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "Findings" SET "DueDate" = {DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)} WHERE "Id" = {overdue}""");
        }
        var hallFinding = (await ListAsync(Auditor, new FindingFilter(Search: "vltava"))).Items.Single().Id;

        Assert.Equal([overdue], Ids(await ListAsync(Auditor, new FindingFilter(State: FindingStateFilter.Overdue))));
        Assert.Equal([low], Ids(await ListAsync(Auditor, new FindingFilter(State: FindingStateFilter.Answered))));
        Assert.Equal([low], Ids(await ListAsync(Auditor, new FindingFilter(Severity: FindingSeverity.Low))));
        Assert.Equal([hallFinding], Ids(await ListAsync(Auditor, new FindingFilter(Region: "Praha"))));
        Assert.Equal(new[] { low, overdue }.Order(), Ids(await ListAsync(Auditor, new FindingFilter(Region: "Moravskoslezsky", Search: "ARÉNA"))).Order());
        Assert.Equal(3, (await ListAsync(Auditor, new FindingFilter(Search: "ArenaPlus"))).TotalCount);
        Assert.Empty((await ListAsync(Auditor, new FindingFilter(Region: "Praha", Search: "aréna"))).Items);
        var counts = await Fixture.AsAsync<FindingCounts, FindingQueries>(Auditor, q => q.CountAsync());
        Assert.Equal(new FindingCounts(Open: 2, Answered: 1, Closed: 0, Overdue: 1), counts);
        Assert.True((await ListAsync(Auditor, new FindingFilter(SiteId: arenaId))).Items.Single(i => i.Id == overdue).IsOverdue);
    }

    private static Guid[] Ids(PagedResult<FindingListItem> page) => page.Items.Select(i => i.Id).ToArray();

    private Task<PagedResult<FindingListItem>> ListAsync(string email, FindingFilter filter) =>
        Fixture.AsAsync<PagedResult<FindingListItem>, FindingQueries>(email, q => q.ListAsync(filter, new PageRequest()));

    private async Task<(Guid Id, string Key)> MeasureOfAsync(Guid siteId)
    {
        await using var db = Fixture.NewDbContext();
        var measure = await db.PlanMeasures.Where(m => m.SiteId == siteId).OrderBy(m => m.MeasureKey).FirstAsync();
        return (measure.Id, measure.MeasureKey);
    }

    private async Task<Finding> FindAsync(Guid id)
    {
        await using var db = Fixture.NewDbContext();
        return await db.Findings.AsNoTracking().SingleAsync(f => f.Id == id);
    }

    private async Task<uint> VersionAsync(Guid id)
    {
        await using var db = Fixture.NewDbContext();
        return await db.Findings.Where(f => f.Id == id).Select(f => f.Version).SingleAsync();
    }
}
