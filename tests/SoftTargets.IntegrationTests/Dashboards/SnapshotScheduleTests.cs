using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Web.Features.Dashboards;

namespace SoftTargets.IntegrationTests.Dashboards;

/// <summary>With several web nodes on one database, the hourly snapshot runs on one of them at a time.</summary>
public sealed class SnapshotScheduleTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_node_leaves_the_hourly_work_to_the_node_that_holds_the_lock_and_does_it_once_the_lock_is_free()
    {
        var schedule = new SnapshotSchedule(Fixture.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            new ConfigurationBuilder().Build(), NullLogger<SnapshotSchedule>.Instance);
        await using (var db = Fixture.NewDbContext()) await db.ComplianceSnapshots.ExecuteDeleteAsync();

        // Unpooled, so that closing it ends its session as a stopped node's does.
        await using (var otherNode = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Fixture.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await otherNode.OpenAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({SnapshotSchedule.LockKey})", otherNode))
                await take.ExecuteNonQueryAsync();

            Assert.False(await schedule.RunOnceAsync(default));
            await using (var db = Fixture.NewDbContext()) Assert.Equal(0, await db.ComplianceSnapshots.CountAsync());
        } // the other node's session ends, and its lock with it
        await AdvisoryLocks.WaitUntilFreeAsync(Fixture.ConnectionString, SnapshotSchedule.LockKey); // the server ends the session a moment after the client closes it

        Assert.True(await schedule.RunOnceAsync(default));
        await using (var db = Fixture.NewDbContext()) Assert.True(await db.ComplianceSnapshots.CountAsync() > 0);
        Assert.True(await schedule.RunOnceAsync(default)); // the lock was given back after the run
    }
}
