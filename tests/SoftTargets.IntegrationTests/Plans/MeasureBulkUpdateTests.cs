using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Plans;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Plans;

public sealed class MeasureBulkUpdateTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Stadium = "Slezská aréna";
    private static readonly DateOnly Due = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(3);

    [Fact]
    public async Task A_venue_manager_gives_two_measures_an_owner_and_a_due_date_at_once_and_each_change_is_audited()
    {
        var siteId = await SiteIdAsync(Stadium);
        var (first, second) = await TwoOpenMeasuresAsync(siteId);

        var count = await Fixture.AsAsync<int, MeasureTracking>(ArenaManager, t => t.UpdateManyAsync(siteId, [first.Id, second.Id],
            new MeasureBulkUpdate(Owner: " Petra Horáková ", DueDate: Due, Status: MeasureStatus.InProgress)));

        Assert.Equal(2, count);
        await using var db = Fixture.NewDbContext();
        var saved = await db.PlanMeasures.Where(m => m.Id == first.Id || m.Id == second.Id).ToListAsync();
        Assert.All(saved, m =>
        {
            Assert.Equal("Petra Horáková", m.Owner);
            Assert.Equal(Due, m.DueDate);
            Assert.Equal(MeasureStatus.InProgress, m.Status);
            Assert.Equal(ArenaManager, m.StatusChangedBy);
        });
        Assert.Equal(first.ReviewMonths, saved.Single(m => m.Id == first.Id).ReviewMonths);
        var audited = await db.AuditLog.Where(a => a.EntityType == nameof(PlanMeasure) && a.UserName == ArenaManager
                && (a.EntityId == first.Id.ToString() || a.EntityId == second.Id.ToString()))
            .Select(a => new { a.EntityId, a.Changes }).ToListAsync();
        Assert.Equal(2, audited.Count);
        Assert.Equal(2, audited.Select(a => a.EntityId).Distinct().Count());
        Assert.All(audited, a => Assert.Contains("Owner", a.Changes));
    }

    [Fact]
    public async Task Fields_left_empty_stay_as_each_measure_has_them()
    {
        var siteId = await SiteIdAsync(Stadium);
        var (first, second) = await TwoOpenMeasuresAsync(siteId);
        await Fixture.AsAsync<int, MeasureTracking>(ArenaManager, t => t.UpdateManyAsync(siteId, [first.Id], new MeasureBulkUpdate(Owner: "Alena Malá")));

        await Fixture.AsAsync<int, MeasureTracking>(ArenaManager, t => t.UpdateManyAsync(siteId, [first.Id, second.Id], new MeasureBulkUpdate(DueDate: Due)));

        await using var db = Fixture.NewDbContext();
        Assert.Equal("Alena Malá", (await db.PlanMeasures.SingleAsync(m => m.Id == first.Id)).Owner);
        Assert.Equal(second.Owner, (await db.PlanMeasures.SingleAsync(m => m.Id == second.Id)).Owner);
        Assert.Equal(second.Status, (await db.PlanMeasures.SingleAsync(m => m.Id == second.Id)).Status);
    }

    [Fact]
    public async Task A_measure_of_another_organisation_among_the_ids_reads_as_not_found_and_nothing_is_saved()
    {
        var siteId = await SiteIdAsync(Stadium);
        var (own, _) = await TwoOpenMeasuresAsync(siteId);
        var (foreign, _) = await TwoOpenMeasuresAsync(await SiteIdAsync(await SchoolNameAsync()));

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<int, MeasureTracking>(ArenaManager, t =>
            t.UpdateManyAsync(siteId, [own.Id, foreign.Id], new MeasureBulkUpdate(Owner: "Intruder"))));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<int, MeasureTracking>(SchoolManager, t =>
            t.UpdateManyAsync(siteId, [own.Id], new MeasureBulkUpdate(Owner: "Intruder"))));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<int, MeasureTracking>(Auditor, t =>
            t.UpdateManyAsync(siteId, [own.Id], new MeasureBulkUpdate(Owner: "Intruder"))));

        await using var db = Fixture.NewDbContext();
        Assert.Equal(0, await db.PlanMeasures.CountAsync(m => m.Owner == "Intruder"));
    }

    public static TheoryData<string, int, string> InvalidChanges => new()
    {
        { "DueDate", -1, "" },
        { "DueDate", 365 * 11, "" },
        { "Status", 0, "unknown" },
        { "Justification", 0, "not-applicable" },
    };

    [Theory]
    [MemberData(nameof(InvalidChanges))]
    public async Task An_invalid_due_date_or_status_is_refused_for_its_field_and_no_measure_is_half_saved(string field, int dueInDays, string status)
    {
        var siteId = await SiteIdAsync(Stadium);
        var (first, second) = await TwoOpenMeasuresAsync(siteId);
        var update = new MeasureBulkUpdate(Owner: "Half Saved", DueDate: dueInDays == 0 ? null : DateOnly.FromDateTime(DateTime.UtcNow).AddDays(dueInDays),
            Status: status switch { "unknown" => (MeasureStatus)42, "not-applicable" => MeasureStatus.NotApplicable, _ => null });

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<int, MeasureTracking>(ArenaManager, t =>
            t.UpdateManyAsync(siteId, [first.Id, second.Id], update)));

        Assert.Equal([field], error.Errors.Keys);
        Assert.False(string.IsNullOrWhiteSpace(error.Problems[field].Cs));
        await using var db = Fixture.NewDbContext();
        Assert.Equal(0, await db.PlanMeasures.CountAsync(m => m.Owner == "Half Saved"));
    }

    [Fact]
    public async Task An_owner_too_long_for_one_measure_saves_none_of_them()
    {
        var siteId = await SiteIdAsync(Stadium);
        var (first, second) = await TwoOpenMeasuresAsync(siteId);

        await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<int, MeasureTracking>(ArenaManager, t =>
            t.UpdateManyAsync(siteId, [first.Id, second.Id], new MeasureBulkUpdate(Owner: new string('x', 201), DueDate: Due))));

        await using var db = Fixture.NewDbContext();
        Assert.Equal(0, await db.PlanMeasures.CountAsync(m => (m.Id == first.Id || m.Id == second.Id) && m.DueDate == Due));
    }

    private async Task<(PlanMeasure First, PlanMeasure Second)> TwoOpenMeasuresAsync(Guid siteId)
    {
        await using var db = Fixture.NewDbContext();
        var measures = await db.PlanMeasures.AsNoTracking().Where(m => m.SiteId == siteId && m.IsApplicable && m.Status == MeasureStatus.NotStarted)
            .OrderBy(m => m.MeasureKey).Take(2).ToListAsync();
        return (measures[0], measures[1]);
    }

    private async Task<string> SchoolNameAsync()
    {
        await using var db = Fixture.NewDbContext();
        return await db.Sites.Where(s => s.Name.Contains("Lipová")).Select(s => s.Name).FirstAsync();
    }
}
