using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Features.Notifications;
using SoftTargets.Core.Security;

namespace SoftTargets.Web.Features.Notifications;

/// <summary>
/// Two minutes after start and then every Reminders:EveryMinutes (15 by default; 0 turns reminders off): makes the
/// reminders that are due and mails them (<see cref="Reminders"/>). With several web nodes on one database one node
/// works at a time: a session-level PostgreSQL advisory lock of its own, held for the run; the others skip the tick.
/// </summary>
public sealed class ReminderSchedule(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ReminderSchedule> logger) : BackgroundService
{
    /// <summary>The reminders' advisory lock key: not the snapshot's, so the two jobs never wait for each other.</summary>
    public const long LockKey = 20_261_203_014;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(configuration.GetValue("Reminders:EveryMinutes", 15.0));
        if (every <= TimeSpan.Zero) return;
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(2), stoppingToken);
            using var timer = new PeriodicTimer(every);
            do
            {
                await TickAsync(stoppingToken);
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task TickAsync(CancellationToken ct)
    {
        try
        {
            if (await RunOnceAsync(ct) is null) logger.LogInformation("Another node is sending the reminders: skipped here");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next tick tries again; the ledger keeps it from repeating what this one did.
            logger.LogError(ex, "Sending the reminders failed");
        }
    }

    /// <summary>One run unless another node holds the lock (then null).</summary>
    public async Task<RemindersRun?> RunOnceAsync(CancellationToken ct)
    {
        using var system = SystemScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        await using var lockContext = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SoftTargetsDbContext>>().CreateDbContextAsync(ct);
        await lockContext.Database.OpenConnectionAsync(ct);
        if (!await lockContext.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({LockKey}) AS \"Value\"").SingleAsync(ct)) return null;
        try
        {
            var run = await scope.ServiceProvider.GetRequiredService<Reminders>().RunAsync(ct);
            logger.LogInformation("Reminders: {Made} made, {Mailed} mailed, {Digests} digests, {Failures} mail failures",
                run.Made, run.Mailed, run.Digests, run.MailFailures);
            return run;
        }
        finally
        {
            await lockContext.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }
}
