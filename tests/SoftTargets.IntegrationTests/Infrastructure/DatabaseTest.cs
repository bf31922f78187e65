using Microsoft.EntityFrameworkCore;

namespace SoftTargets.IntegrationTests.Infrastructure;

/// <summary>Base of tests that start from the seeded demo data, exactly as seeded.</summary>
[Collection(DatabaseCollection.Name)]
public abstract class DatabaseTest(DatabaseFixture fixture) : IAsyncLifetime
{
    protected const string ArenaManager = "manager@arenaplus.example";
    protected const string SchoolManager = "manager@zs-lipova.example";
    protected const string Auditor = "auditor@softtargets.example";
    protected const string Editor = "editor@softtargets.example";
    protected const string Administrator = "admin@softtargets.example";

    protected DatabaseFixture Fixture { get; } = fixture;

    public Task InitializeAsync() => Fixture.ResetAsync();

    public Task DisposeAsync()
    {
        // Tests marked [ReadsOnly] leave the data as they found it: the next test needs no restore.
        if (!ReadsOnlyAttribute.Take(GetType())) Fixture.DataMayHaveChanged();
        return Task.CompletedTask;
    }

    protected async Task<Guid> SiteIdAsync(string name)
    {
        await using var db = Fixture.NewDbContext();
        return await db.Sites.Where(s => s.Name == name).Select(s => s.Id).SingleAsync();
    }

    protected async Task<uint> SiteVersionAsync(Guid siteId)
    {
        await using var db = Fixture.NewDbContext();
        return await db.Sites.Where(s => s.Id == siteId).Select(s => s.Version).SingleAsync();
    }
}
