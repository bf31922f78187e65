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

    private async Task TakeAsync(CancellationToken ct)
    {
        try
        {
            using var system = SystemScope.Begin();
            await using var scope = scopes.CreateAsyncScope();
            var groups = await scope.ServiceProvider.GetRequiredService<ComplianceSnapshots>().TakeAsync(ct);
            logger.LogInformation("Compliance snapshot of the month taken: {Groups} groups", groups);
            var keys = await scope.ServiceProvider.GetRequiredService<DrillFeedback>().CompactAsync(ct);
            logger.LogInformation("Drill feedback counts folded: {Keys} step keys", keys);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next tick tries again; the dashboard's live figures do not depend on snapshots.
            logger.LogError(ex, "Taking the compliance snapshot failed");
        }
    }
}
