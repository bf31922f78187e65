using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Plans.Storage;

/// <summary>How many revisions stored whole were made compact, and how many stay whole because they would not read back the same.</summary>
public sealed record PlanCompactionResult(int Compacted, int KeptWhole);

/// <summary>
/// Rewrites plan revisions stored whole (as every revision was before the compact form) in the compact form, batch by
/// batch in the order of their ids, each batch in one transaction. Safe to run again or to stop: a compact revision is
/// never touched, and a revision is rewritten only when it reads back exactly as stored. The site's present facts are
/// offered as the facts it was generated from: a reason they give again is left out, any other is kept as text, so a
/// site changed since reads the same too. An operator's task (<c>compact-plans</c>); reads accept both forms meanwhile.
/// </summary>
public sealed class PlanCompaction(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, HybridCache cache)
{
    public async Task<PlanCompactionResult> CompactAsync(int batchSize = 500, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        (await currentUser.GetAsync(ct)).DemandSystem();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var templates = new Dictionary<Guid, GuidelineTemplate>();
        int compacted = 0, keptWhole = 0;
        var after = Guid.Empty;
        while (true)
        {
            // The next ids come from the primary key alone, and only their documents are read: a filter on the
            // document in the same statement let PostgreSQL read every document again for each batch.
            var batch = await db.Database.SqlQuery<Guid>(
                    $"""SELECT "Id" AS "Value" FROM "SitePlans" WHERE "Id" > {after} ORDER BY "Id" LIMIT {batchSize}""")
                .ToListAsync(ct);
            if (batch.Count == 0) break;
            after = batch[^1];
            var rows = await db.Database.SqlQuery<WholeRow>(
                    $"""SELECT "Id", "SiteId", "MethodologyVersionId", "Document"::text AS "Json" FROM "SitePlans" WHERE "Id" = ANY({batch.ToArray()}) AND "Document" -> 'form' IS NULL ORDER BY "Id" """)
                .ToListAsync(ct);
            var siteIds = rows.Select(r => r.SiteId).Distinct().ToList();
            var sites = (await SiteQueries.WithParts(db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id))).ToListAsync(ct))
                .ToDictionary(s => s.Id, SiteSnapshot.Of);

            var ids = new List<Guid>(rows.Count);
            var documents = new List<string>(rows.Count);
            foreach (var row in rows)
            {
                if (!templates.TryGetValue(row.MethodologyVersionId, out var template))
                    templates[row.MethodologyVersionId] = template = await PlanDocuments.TemplateAsync(db, cache, row.MethodologyVersionId, ct);
                var whole = new StoredGuideline(row.Json);
                var stored = PlanDocuments.Store(PlanDocuments.Read(whole, template), template, sites.GetValueOrDefault(row.SiteId));
                if (!PlanDocuments.IsCompact(stored))
                {
                    keptWhole++;
                    continue;
                }
                ids.Add(row.Id);
                documents.Add(stored.Json);
            }

            // Only a row still stored whole is rewritten, so a run beside another changes each row once.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "SitePlans" p SET "Document" = x.document::jsonb
                FROM unnest({ids.ToArray()}::uuid[], {documents.ToArray()}::text[]) x(id, document)
                WHERE p."Id" = x.id AND p."Document" -> 'form' IS NULL
                """, ct);
            compacted += ids.Count;
            progress?.Report(compacted);
        }
        return new PlanCompactionResult(compacted, keptWhole);
    }

    private sealed record WholeRow(Guid Id, Guid SiteId, Guid MethodologyVersionId, string Json);
}
