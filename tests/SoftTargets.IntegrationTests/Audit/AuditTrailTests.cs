using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Audit;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Audit;

public sealed class AuditTrailTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly SiteProfile Theatre =
        new("Divadlo Na Rohu", "Rohová 3, Ostrava", "Moravskoslezsky", "theatre-cinema", 450, 300, "Tu–Su 18:00–23:00", []);

    [Fact]
    public async Task Creating_a_site_records_who_when_and_the_values_after()
    {
        var manager = await Fixture.ActorAsync(ArenaManager);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var id = await Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(manager.OrganizationId!.Value, Theatre));

        var entry = await SingleEntryAsync(id, AuditAction.Created);
        Assert.Equal(manager.UserId, entry.UserId);
        Assert.Equal(ArenaManager, entry.UserName);
        Assert.Equal(manager.OrganizationId, entry.OrganizationId);
        Assert.InRange(entry.At, before, DateTimeOffset.UtcNow.AddSeconds(5));
        var changes = JsonDocument.Parse(entry.Changes).RootElement;
        Assert.Equal(JsonValueKind.Null, changes.GetProperty("Name").GetProperty("before").ValueKind);
        Assert.Equal("Divadlo Na Rohu", changes.GetProperty("Name").GetProperty("after").GetString());
        Assert.Equal(450, changes.GetProperty("MaxOccupancy").GetProperty("after").GetInt32());

        await using var db = Fixture.NewDbContext();
        var site = await db.Sites.SingleAsync(s => s.Id == id);
        Assert.Equal(ArenaManager, site.CreatedBy);
        Assert.InRange(site.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(5));
    }

    [Fact]
    public async Task Updating_a_site_records_only_the_changed_values_before_and_after()
    {
        var manager = await Fixture.ActorAsync(ArenaManager);
        var id = await Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(manager.OrganizationId!.Value, Theatre));
        var version = await SiteVersionAsync(id);

        await Fixture.AsAsync<SiteService>(ArenaManager, s => s.UpdateProfileAsync(id, Theatre with { MaxOccupancy = 520 }, version));

        var entry = await SingleEntryAsync(id, AuditAction.Updated);
        var changes = JsonDocument.Parse(entry.Changes).RootElement;
        Assert.Equal(450, changes.GetProperty("MaxOccupancy").GetProperty("before").GetInt32());
        Assert.Equal(520, changes.GetProperty("MaxOccupancy").GetProperty("after").GetInt32());
        Assert.False(changes.TryGetProperty("Name", out _));
        Assert.Equal(manager.UserId, entry.UserId);
    }

    [Fact]
    public async Task Deleting_a_site_records_the_values_before()
    {
        var manager = await Fixture.ActorAsync(ArenaManager);
        var id = await Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(manager.OrganizationId!.Value, Theatre));
        var version = await SiteVersionAsync(id);

        await Fixture.AsAsync<SiteService>(ArenaManager, s => s.DeleteAsync(id, version));

        var entry = await SingleEntryAsync(id, AuditAction.Deleted);
        var changes = JsonDocument.Parse(entry.Changes).RootElement;
        Assert.Equal("Divadlo Na Rohu", changes.GetProperty("Name").GetProperty("before").GetString());
        Assert.Equal(JsonValueKind.Null, changes.GetProperty("Name").GetProperty("after").ValueKind);
        Assert.Equal(manager.UserId, entry.UserId);
    }

    private async Task<AuditLogEntry> SingleEntryAsync(Guid id, AuditAction action)
    {
        await using var db = Fixture.NewDbContext();
        return await db.AuditLog.SingleAsync(e => e.EntityType == "Site" && e.EntityId == id.ToString() && e.Action == action);
    }
}
