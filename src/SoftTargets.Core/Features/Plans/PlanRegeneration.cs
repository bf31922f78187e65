using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Audit;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Plans.Storage;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Plans;

/// <summary>
/// Regenerates the plan of every site at once (an operator's task, for example after a correction to
/// the generator): a new revision per site with the methodology version its plan follows, or the newest
/// published version of the site's methodology for a site without a plan, and the same carry-over as
/// <see cref="PlanService"/>. A site whose methodology has nothing published and that has no plan is left alone.
/// Rows are written with COPY, batch by batch, each batch in one transaction; a failed batch leaves the
/// batches before it saved and writes nothing of its own. Revisions are stored compact (see <see cref="PlanDocuments"/>).
/// </summary>
public sealed class PlanRegeneration(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    private const string By = "system";

    /// <param name="which">Only these sites (for example the ones a synthetic load created); every site when null.</param>
    /// <param name="storeWhole">Store each guideline whole, for a load that reads the steps from the stored JSON before compacting it.</param>
    public async Task<int> RegenerateAllAsync(int batchSize = 1_000, IProgress<int>? progress = null,
        System.Linq.Expressions.Expression<Func<Site, bool>>? which = null, bool storeWhole = false, CancellationToken ct = default)
    {
        (await currentUser.GetAsync(ct)).DemandSystem();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var published = await db.PublishedChoicesAsync(ct);
        if (published.Count == 0)
            throw new DomainException("NoMethodology", "No methodology is published yet: nothing to generate plans from.");
        var current = published.ToDictionary(p => p.Id, p => p.VersionId);
        var generators = new Dictionary<Guid, (GuidelineGenerator Generator, GuidelineTemplate Template)>();
        await LoadGeneratorsAsync(db, generators, current.Values, ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);

        var total = 0;
        Guid? after = null;
        while (true)
        {
            var batch = SiteQueries.WithParts((which is null ? db.Sites : db.Sites.Where(which)).OrderBy(s => s.Id));
            if (after is { } last) batch = batch.Where(s => s.Id.CompareTo(last) > 0);
            var sites = await batch.Take(batchSize).ToListAsync(ct);
            if (sites.Count == 0) break;
            var ids = sites.Select(s => s.Id).ToList();

            var heads = (await db.SitePlans.Where(p => ids.Contains(p.SiteId))
                    .Select(p => new { p.SiteId, p.Revision, p.MethodologyVersionId }).ToListAsync(ct))
                .GroupBy(p => p.SiteId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Revision)!);
            var tracked = (await db.PlanMeasures.Where(m => ids.Contains(m.SiteId))
                    .Select(m => new { m.SiteId, m.MeasureKey, m.IsApplicable, m.Priority }).ToListAsync(ct))
                .GroupBy(m => m.SiteId)
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, TrackedApplicability>)g.ToDictionary(m => m.MeasureKey, m => new TrackedApplicability(m.IsApplicable, m.Priority)));
            await LoadGeneratorsAsync(db, generators, heads.Values.Select(h => h.MethodologyVersionId), ct);

            var now = clock.GetUtcNow();
            var plans = new List<PlanRow>(sites.Count);
            var changes = new List<(Guid SiteId, MeasureChanges Changes)>(sites.Count);
            foreach (var site in sites)
            {
                var head = heads.GetValueOrDefault(site.Id);
                if (head is null && !current.ContainsKey(site.MethodologyId)) continue;
                var versionId = head?.MethodologyVersionId ?? current[site.MethodologyId];
                var (generator, template) = generators[versionId];
                var snapshot = SiteSnapshot.Of(site);
                var guideline = generator.Generate(snapshot);
                var document = storeWhole ? PlanDocuments.Whole(guideline) : PlanDocuments.Store(guideline, template, snapshot);
                plans.Add(new PlanRow(site.Id, (head?.Revision ?? 0) + 1, versionId, guideline, document));
                changes.Add((site.Id, MeasureCarryOver.Decide(guideline, tracked.GetValueOrDefault(site.Id) ?? new Dictionary<string, TrackedApplicability>())));
            }

            await using var transaction = await connection.BeginTransactionAsync(ct);
            await CopyPlansAsync(connection, plans, now, ct);
            await CopyNewMeasuresAsync(connection, changes, now, ct);
            await UpdateApplicabilityAsync(connection, changes, now, ct);
            await transaction.CommitAsync(ct);

            total += plans.Count;
            after = ids[^1];
            progress?.Report(total);
        }

        db.AuditLog.Add(new AuditLogEntry(clock.GetUtcNow(), By, By, null, "PlanRegeneration", published[0].VersionId.ToString(), AuditAction.Created,
            JsonSerializer.Serialize(new { sites = new { before = (int?)null, after = total } })));
        await db.SaveChangesAsync(ct);
        return total;
    }

    private sealed record PlanRow(Guid SiteId, int Revision, Guid VersionId, Guideline Guideline, StoredGuideline Document);

    private static async Task LoadGeneratorsAsync(SoftTargetsDbContext db, Dictionary<Guid, (GuidelineGenerator, GuidelineTemplate)> generators, IEnumerable<Guid> versionIds, CancellationToken ct)
    {
        var missing = versionIds.Where(id => !generators.ContainsKey(id)).Distinct().ToList();
        if (missing.Count == 0) return;
        foreach (var version in await db.MethodologyVersions.Where(v => missing.Contains(v.Id)).ToListAsync(ct))
            generators[version.Id] = (new GuidelineGenerator(version.Content, version.Id.ToString()), GuidelineTemplate.Of(version.Content));
    }

    private static async Task CopyPlansAsync(NpgsqlConnection connection, List<PlanRow> plans, DateTimeOffset now, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            """COPY "SitePlans" ("Id", "SiteId", "Revision", "MethodologyVersionId", "Tier", "Document", "InputsHash", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var plan in plans)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(plan.SiteId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(plan.Revision, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(plan.VersionId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(plan.Guideline.Tier ?? "", NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(plan.Document.Json, NpgsqlDbType.Jsonb, ct);
            await writer.WriteAsync(plan.Guideline.InputsHash, NpgsqlDbType.Varchar, ct);
            await WriteAuditFieldsAsync(writer, now, ct);
        }
        await writer.CompleteAsync(ct);
    }

    private static async Task CopyNewMeasuresAsync(NpgsqlConnection connection, List<(Guid SiteId, MeasureChanges Changes)> changes, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var writer = await connection.BeginBinaryImportAsync(
            """COPY "PlanMeasures" ("Id", "SiteId", "MeasureKey", "IsApplicable", "Priority", "Status", "Owner", "ReviewMonths", "NextReview", "Justification", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var (siteId, siteChanges) in changes)
            foreach (var measure in siteChanges.Added)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(siteId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(measure.Key, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(measure.Priority.ToString(), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(nameof(MeasureStatus.NotStarted), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync("", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(measure.ReviewMonths, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(today.AddMonths(measure.ReviewMonths), NpgsqlDbType.Date, ct);
                await writer.WriteAsync("", NpgsqlDbType.Varchar, ct);
                await WriteAuditFieldsAsync(writer, now, ct);
            }
        await writer.CompleteAsync(ct);
    }

    /// <summary>Measures that started or stopped applying: COPY into a temporary table, then one UPDATE.</summary>
    private static async Task UpdateApplicabilityAsync(NpgsqlConnection connection, List<(Guid SiteId, MeasureChanges Changes)> changes, DateTimeOffset now, CancellationToken ct)
    {
        if (changes.All(c => c.Changes.Changed.Count == 0)) return;
        await using (var create = new NpgsqlCommand(
            """CREATE TEMP TABLE applicability_changes ("SiteId" uuid, "MeasureKey" varchar, "IsApplicable" boolean, "Priority" varchar) ON COMMIT DROP""", connection))
            await create.ExecuteNonQueryAsync(ct);
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY applicability_changes ("SiteId", "MeasureKey", "IsApplicable", "Priority") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var (siteId, siteChanges) in changes)
                foreach (var (key, isApplicable, priority) in siteChanges.Changed)
                {
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(siteId, NpgsqlDbType.Uuid, ct);
                    await writer.WriteAsync(key, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(isApplicable, NpgsqlDbType.Boolean, ct);
                    await writer.WriteAsync(priority.ToString(), NpgsqlDbType.Varchar, ct);
                }
            await writer.CompleteAsync(ct);
        }
        await using var update = new NpgsqlCommand(
            """
            UPDATE "PlanMeasures" m SET "IsApplicable" = c."IsApplicable", "Priority" = c."Priority", "UpdatedAt" = @now, "UpdatedBy" = @by
            FROM applicability_changes c WHERE m."SiteId" = c."SiteId" AND m."MeasureKey" = c."MeasureKey"
            """, connection);
        update.Parameters.AddWithValue("now", now);
        update.Parameters.AddWithValue("by", By);
        await update.ExecuteNonQueryAsync(ct);
    }

    private static async Task WriteAuditFieldsAsync(NpgsqlBinaryImporter writer, DateTimeOffset now, CancellationToken ct)
    {
        await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
        await writer.WriteAsync(By, NpgsqlDbType.Varchar, ct);
        await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
        await writer.WriteAsync(By, NpgsqlDbType.Varchar, ct);
    }
}
