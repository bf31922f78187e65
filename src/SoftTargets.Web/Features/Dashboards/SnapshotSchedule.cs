using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Readiness;
using SoftTargets.Core.Security;

namespace SoftTargets.Web.Features.Dashboards;

/// <summary>
/// A minute after start and then every hour (Dashboards:SnapshotEveryHours; 0 turns it off): brings
/// the per-site counts that depend on the day up to today, so the dashboard need not count them live,
/// and retakes the current month's compliance snapshot, so each month's trend point holds the month's
/// last state even if nobody runs the <c>snapshot-compliance</c> verb; then folds the drill feedback's counts.
/// </summary>
public sealed class SnapshotSchedule(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<SnapshotSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromHours(configuration.GetValue("Dashboards:SnapshotEveryHours", 1.0));
        if (every <= TimeSpan.Zero) return;
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            using var timer = new PeriodicTimer(every);
            do
            {
                await TakeAsync(stoppingToken);
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The advisory lock every node asks for before the hourly work (PostgreSQL keys them by a number).</summary>
    public const long LockKey = 20_261_129_001;

    private async Task TakeAsync(CancellationToken ct)
    {
        try
        {
            if (!await RunOnceAsync(ct)) logger.LogInformation("Another node is taking the compliance snapshot: skipped here");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next tick tries again; the dashboard's live figures do not depend on snapshots.
            logger.LogError(ex, "Taking the compliance snapshot failed");
        }
    }

    /// <summary>
    /// Takes the snapshot and folds the drill feedback's counts unless another node is doing it (a session-level
    /// PostgreSQL advisory lock, held on a connection of its own for the run): with several web nodes on one
    /// database, one of them works each hour. Returns false when it left the work to another node.
    /// </summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        using var system = SystemScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        await using var lockContext = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SoftTargetsDbContext>>().CreateDbContextAsync(ct);
        await lockContext.Database.OpenConnectionAsync(ct);
        if (!await lockContext.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({LockKey}) AS \"Value\"").SingleAsync(ct)) return false;
        try
        {
            var groups = await scope.ServiceProvider.GetRequiredService<ComplianceSnapshots>().TakeAsync(ct);
            logger.LogInformation("Compliance snapshot of the month taken: {Groups} groups", groups);
            var keys = await scope.ServiceProvider.GetRequiredService<DrillFeedback>().CompactAsync(ct);
            logger.LogInformation("Drill feedback counts folded: {Keys} step keys", keys);
            return true;
        }
        finally
        {
            await lockContext.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }
}
