using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SoftTargets.Core;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Security;

namespace SoftTargets.Benchmarks;

/// <summary>What the database benchmarks share: Core's services acting as the system, and plain SQL commands.</summary>
public static class BenchDatabase
{
    public static ServiceProvider Services(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddSoftTargetsCore(connectionString);
        services.AddSingleton<ICurrentUser, SystemUser>();
        services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<SoftTargetsDbContext>();
        return services.BuildServiceProvider();
    }

    /// <summary>Runs one statement with no time limit (COPY and VACUUM of gigabytes run for minutes).</summary>
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private sealed class SystemUser : ICurrentUser
    {
        public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Actor.System);
    }
}
