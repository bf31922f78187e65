using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Audit;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Data;

/// <summary>Contexts come from a pool: each use saves as the user of the scope that took it, and goes back without one.</summary>
public sealed class PooledContextTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task One_pooled_context_used_by_two_people_in_turn_records_each_change_as_its_own_person()
    {
        var organization = await OrganizationIdAsync();

        await RenameAsync(ArenaManager, organization, "Renamed by the manager");
        await RenameAsync(Administrator, organization, "Renamed by the administrator");

        await using var db = Fixture.NewDbContext();
        var entries = await db.AuditLog.Where(e => e.EntityId == organization.ToString() && e.Action == AuditAction.Updated)
            .OrderBy(e => e.Id).Select(e => e.UserName).ToListAsync();
        Assert.Equal([ArenaManager, Administrator], entries.TakeLast(2));
    }

    [Fact]
    public async Task A_context_given_back_to_the_pool_cannot_save_until_a_scope_takes_it_again()
    {
        var organization = await OrganizationIdAsync();
        await RenameAsync(ArenaManager, organization, "Renamed by the manager");

        // Straight from the pool, bypassing the per-scope factory: it knows nobody, so it refuses to save.
        await using var db = Fixture.Factory.Services.GetRequiredService<PooledContexts>().Factory.CreateDbContext();
        (await db.Organizations.SingleAsync(o => o.Id == organization)).Rename("Renamed by nobody");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("IDbContextFactory", refused.Message);
    }

    private async Task RenameAsync(string email, Guid organization, string name)
    {
        var actor = await Fixture.ActorAsync(email);
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        using (TestCurrentUser.ActAs(actor))
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SoftTargetsDbContext>>().CreateDbContextAsync();
            (await db.Organizations.SingleAsync(o => o.Id == organization)).Rename(name);
            await db.SaveChangesAsync();
        }
    }

    private async Task<Guid> OrganizationIdAsync()
    {
        await using var db = Fixture.NewDbContext();
        return await db.Organizations.OrderBy(o => o.Name).Select(o => o.Id).FirstAsync();
    }
}
