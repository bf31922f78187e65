namespace SoftTargets.IntegrationTests.Infrastructure;

/// <summary>Base of tests that start from freshly seeded demo data.</summary>
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

    public Task DisposeAsync() => Task.CompletedTask;
}
