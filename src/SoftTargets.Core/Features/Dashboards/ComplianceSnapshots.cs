using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Dashboards;

/// <summary>
/// Takes the month's compliance snapshot: the dashboard's figures grouped by region, venue type, tier
/// and methodology version, written by one INSERT … SELECT (ComplianceSnapshots.Insert.sql). Taking it again in the same month replaces
/// the month's rows, so a month ends up with its last state; earlier months are never touched.
/// </summary>
public sealed class ComplianceSnapshots(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    /// <summary>Any constant shared by the instances of the app: two instances never write the same month at once.</summary>
    private const long LockKey = 0x5_0F7_5A4B;

    /// <summary>Brings every site's counts to today, then replaces the current month's snapshot; returns how many groups it holds.</summary>
    public async Task<int> TakeAsync(CancellationToken ct = default)
    {
        (await currentUser.GetAsync(ct)).DemandSystem();
        var today = MeasureDeadlines.Today(clock);
        var month = new DateOnly(today.Year, today.Month, 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await RefreshSitesAsync(db, today, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        await db.ComplianceSnapshots.Where(s => s.Month == month).ExecuteDeleteAsync(ct);
        var groups = await db.Database.ExecuteSqlRawAsync(ComplianceDashboard.Statements.Snapshot,
            [.. ComplianceDashboard.Parameters(new DashboardFilter(), today), new NpgsqlParameter("month", NpgsqlDbType.Date) { Value = month }], ct);
        await transaction.CommitAsync(ct);
        return groups;
    }

    /// <summary>
    /// How many sites one recount statement takes. Each batch is its own short transaction, so a writer waits on a site's
    /// row lock for one batch at most, and a failure part-way keeps the batches already recounted.
    /// </summary>
    internal int RecountBatchSize { get; set; } = 1000;

    /// <summary>
    /// Brings the per-site counts of "SiteCompliance" (kept by triggers as data changes, see the
    /// SiteCompliance migration) to today where they are of an earlier day, so the dashboard reads
    /// them instead of counting overdue items live. Returns how many sites were recounted.
    /// </summary>
    public async Task<int> RefreshSitesAsync(CancellationToken ct = default)
    {
        (await currentUser.GetAsync(ct)).DemandSystem();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        return await RefreshSitesAsync(db, MeasureDeadlines.Today(clock), ct);
    }

    /// <summary>
    /// Recounts the stale sites a batch at a time, in the order of their ids: each batch's ids are read after the last id of
    /// the one before (a keyset, so a site that stays stale is never taken twice and the loop ends), then recounted by one
    /// statement outside any transaction of the caller's, which commits on its own.
    /// </summary>
    private async Task<int> RefreshSitesAsync(SoftTargetsDbContext db, DateOnly today, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("Stale sites are recounted in transactions of their own, never inside another.");
        var batchSize = RecountBatchSize;
        var recounted = 0;
        var (first, after) = (true, Guid.Empty);
        while (true)
        {
            var batch = await db.Database.SqlQuery<Guid>($"""
                SELECT "SiteId" AS "Value" FROM "SiteCompliance"
                WHERE "Day" <> {today} AND ({first} OR "SiteId" > {after}) ORDER BY "SiteId" LIMIT {batchSize}
                """).ToArrayAsync(ct);
            if (batch.Length == 0)
                return recounted;
            await db.Database.ExecuteSqlAsync($"SELECT refresh_site_compliance({batch}, {today})", ct);
            recounted += batch.Length;
            if (batch.Length < batchSize)
                return recounted;
            (first, after) = (false, batch[^1]);
        }
    }
}
