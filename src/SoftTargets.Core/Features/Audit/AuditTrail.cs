using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Audit;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Domain.Threats;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Audit;

public sealed record AuditOrganization(Guid Id, string Name);

/// <summary>
/// The audit trail as auditors read it: filtered and paged in SQL, newest first. Nobody else may read it.
/// </summary>
public sealed class AuditTrail(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser)
{
    /// <summary>
    /// Counting every matching row of a table with millions of them costs a full scan: the count stops here and
    /// the page says so; a narrower filter reaches older entries.
    /// </summary>
    public const int CountLimit = 10_000;

    /// <summary>A group shows at most this many of its entries; a larger save (a bulk change) says how many there are in all.</summary>
    public const int GroupEntryLimit = 200;

    /// <summary>Export reads the trail in batches of this many entries, each named with a handful of queries.</summary>
    private const int ExportBatch = 500;

    public async Task<AuditPage> ListAsync(AuditFilter filter, PageRequest request, CancellationToken ct = default)
    {
        await DemandAuditorAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = Filtered(db, filter);
        var total = await entries.Take(CountLimit + 1).CountAsync(ct);
        var skip = Math.Min(request.Skip, CountLimit);
        var page = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(skip).Take(request.Take).AsNoTracking().ToListAsync(ct);
        var organizations = await OrganizationNamesAsync(db, page, ct);
        var names = await AuditNames.ResolveAsync(db, page, withValueIds: false, ct);
        var items = page.Select(e => Item(e, organizations, names)).ToList();
        return new AuditPage(items, Math.Min(total, CountLimit), total > CountLimit);
    }

    /// <summary>
    /// The trail as people read it: the entries one save wrote (same time, same person) form one group, so a generated plan
    /// is one entry ("plan revision 3 generated: 63 measures") rather than 64 rows. Groups are paged and counted in SQL.
    /// </summary>
    public async Task<AuditGroupPage> ListGroupsAsync(AuditFilter filter, PageRequest request, CancellationToken ct = default)
    {
        await DemandAuditorAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = Filtered(db, filter);
        var groups = entries.GroupBy(e => new { e.At, e.UserId })
            .Select(g => new { g.Key.At, g.Key.UserId, Count = g.Count(), Last = g.Max(e => e.Id) });
        var total = await groups.Take(CountLimit + 1).CountAsync(ct);
        var skip = Math.Min(request.Skip, CountLimit);
        var page = await groups.OrderByDescending(g => g.At).ThenByDescending(g => g.Last).Skip(skip).Take(request.Take).ToListAsync(ct);

        // Small groups (nearly all) come in one query; a bulk save's group in one query of its own, its plan entry first.
        var small = page.Where(g => g.Count <= GroupEntryLimit).ToList();
        var instants = small.Select(g => g.At).Distinct().ToList();
        var loaded = instants.Count == 0 ? [] : await entries.Where(e => instants.Contains(e.At)).AsNoTracking().ToListAsync(ct);
        var measureCounts = new Dictionary<(DateTimeOffset, string), int>();
        foreach (var large in page.Where(g => g.Count > GroupEntryLimit))
        {
            var ofGroup = entries.Where(e => e.At == large.At && e.UserId == large.UserId);
            loaded.AddRange(await ofGroup.OrderBy(e => e.EntityType == nameof(SitePlan) ? 0 : 1).ThenBy(e => e.Id).Take(GroupEntryLimit).AsNoTracking().ToListAsync(ct));
            measureCounts[(large.At, large.UserId)] = await ofGroup.CountAsync(e => e.EntityType == nameof(PlanMeasure), ct);
        }
        var organizations = await OrganizationNamesAsync(db, loaded, ct);
        var names = await AuditNames.ResolveAsync(db, loaded, withValueIds: false, ct);
        var byGroup = loaded.GroupBy(e => (e.At, e.UserId)).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Id).ToList());
        var result = new List<AuditGroup>(page.Count);
        foreach (var g in page)
        {
            if (!byGroup.TryGetValue((g.At, g.UserId), out var members) || members.Count == 0) continue;
            var items = members.Select(e => Item(e, organizations, names)).ToList();
            var plan = items.FirstOrDefault(i => i.EntityType == nameof(SitePlan) && i.Action == AuditAction.Created);
            var measures = measureCounts.TryGetValue((g.At, g.UserId), out var counted) ? counted : items.Count(i => i.EntityType == nameof(PlanMeasure));
            var kind = g.Count == 1 ? AuditGroupKind.Single : plan is not null ? AuditGroupKind.PlanGenerated : AuditGroupKind.Together;
            var lead = plan ?? items[0];
            result.Add(new AuditGroup(kind, g.At, lead.UserName, lead.OrganizationName, g.Count, lead,
                plan is null ? null : int.TryParse(plan.Record?.Name, out var revision) ? revision : null, measures, items));
        }
        return new AuditGroupPage(result, Math.Min(total, CountLimit), total > CountLimit);
    }

    /// <summary>
    /// Every entry the filter matches, newest first, named, for export: read in batches by the (time, id) of the last row sent,
    /// so the whole trail is never held and each batch is one indexed range read.
    /// </summary>
    public async IAsyncEnumerable<AuditEntryDetails> ExportAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await DemandAuditorAsync(ct);
        DateTimeOffset? lastAt = null;
        long lastId = 0;
        while (true)
        {
            List<AuditLogEntry> batch;
            AuditNames names;
            Dictionary<Guid, string> organizations;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var entries = Filtered(db, filter);
                if (lastAt is { } at) entries = entries.Where(e => e.At < at || (e.At == at && e.Id < lastId));
                batch = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(ExportBatch).AsNoTracking().ToListAsync(ct);
                organizations = await OrganizationNamesAsync(db, batch, ct);
                names = await AuditNames.ResolveAsync(db, batch, withValueIds: true, ct);
            }
            foreach (var entry in batch)
                yield return new AuditEntryDetails(Item(entry, organizations, names), Named(AuditChangeParser.Parse(entry.Changes), names, entry));
            if (batch.Count < ExportBatch) yield break;
            (lastAt, lastId) = (batch[^1].At, batch[^1].Id);
        }
    }

    /// <summary>One entry with its changes as rows, or null when there is no such entry.</summary>
    public async Task<AuditEntryDetails?> GetAsync(long id, CancellationToken ct = default)
    {
        await DemandAuditorAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.AuditLog.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null) return null;
        var organizations = await OrganizationNamesAsync(db, [entry], ct);
        var names = await AuditNames.ResolveAsync(db, [entry], withValueIds: true, ct);
        return new AuditEntryDetails(Item(entry, organizations, names), Named(AuditChangeParser.Parse(entry.Changes), names, entry));
    }

    /// <summary>Ids and catalogue keys among the values, by name where they could be resolved.</summary>
    private static AuditChanges Named(AuditChanges changes, AuditNames names, AuditLogEntry entry)
    {
        if (!changes.IsReadable) return changes;
        var siteId = names.Of(entry).SiteId;
        string? Name(string property, string? value) => value is null ? null
            : property.EndsWith("Id", StringComparison.Ordinal) ? names.OfId(value)
            : property is "VenueTypeKey" or "ThreatKey" or "RoleKey" or "Role" or "Region" ? names.OfKey(siteId, value)
            : null;
        return changes with { Rows = changes.Rows.Select(r => r with { BeforeName = Name(r.Property, r.Before), AfterName = Name(r.Property, r.After) }).ToList() };
    }

    /// <summary>The organisations a trail can be filtered by, by name.</summary>
    public async Task<IReadOnlyList<AuditOrganization>> ListOrganizationsAsync(CancellationToken ct = default)
    {
        await DemandAuditorAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Organizations.OrderBy(o => o.Name).Select(o => new AuditOrganization(o.Id, o.Name)).ToListAsync(ct);
    }

    private async Task DemandAuditorAsync(CancellationToken ct) => (await currentUser.GetAsync(ct)).DemandRole(Roles.Auditor);

    private static IQueryable<AuditLogEntry> Filtered(SoftTargetsDbContext db, AuditFilter filter)
    {
        var entries = db.AuditLog.AsQueryable();
        if (!string.IsNullOrWhiteSpace(filter.UserId)) entries = entries.Where(e => e.UserId == filter.UserId);
        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            var pattern = ContainsPattern(filter.Person);
            // Matching people first lets the UserId index do the work; the recorded name also finds "system" and deleted users.
            var people = db.Users.Where(u => EF.Functions.ILike(u.Email!, pattern) || EF.Functions.ILike(u.UserName!, pattern)
                || EF.Functions.ILike(u.DisplayName, pattern)).Select(u => u.Id);
            entries = entries.Where(e => people.Contains(e.UserId) || EF.Functions.ILike(e.UserName, pattern));
        }
        if (filter.OrganizationId is { } organizationId) entries = entries.Where(e => e.OrganizationId == organizationId);
        if (filter.Action is { } action) entries = entries.Where(e => e.Action == action);

        var entityId = filter.EntityId?.Trim();
        if (filter.IncludeParts && filter.EntityType == AuditEntityTypes.Site && Guid.TryParse(entityId, out var siteId))
            entries = OfSiteWithParts(db, entries, siteId);
        else
        {
            if (!string.IsNullOrWhiteSpace(filter.EntityType)) entries = entries.Where(e => e.EntityType == filter.EntityType);
            if (!string.IsNullOrEmpty(entityId)) entries = entries.Where(e => e.EntityId == entityId);
        }

        var (from, toExclusive) = AuditPeriod.ToUtc(filter.From, filter.To, filter.Zone);
        if (from is { } start) entries = entries.Where(e => e.At >= start);
        if (toExclusive is { } end) entries = entries.Where(e => e.At < end);
        return entries;
    }

    /// <summary>
    /// The site's own entries and those of the parts it has now, each found through the (EntityType, EntityId)
    /// index. Parts deleted since are not in the live tables: their entries are found by record type and id.
    /// </summary>
    private static IQueryable<AuditLogEntry> OfSiteWithParts(SoftTargetsDbContext db, IQueryable<AuditLogEntry> entries, Guid siteId)
    {
        var id = siteId.ToString();
        var answerPrefix = id + "/";
        var zones = db.Set<Zone>().Where(p => p.SiteId == siteId).Select(p => p.Id.ToString());
        var contacts = db.Set<Contact>().Where(p => p.SiteId == siteId).Select(p => p.Id.ToString());
        var threats = db.Set<ThreatScenario>().Where(p => p.SiteId == siteId).Select(p => p.Id.ToString());
        var plans = db.SitePlans.Where(p => p.SiteId == siteId).Select(p => p.Id.ToString());
        var measures = db.PlanMeasures.Where(p => p.SiteId == siteId).Select(p => p.Id.ToString());
        var evidence = db.Evidence.Where(p => db.PlanMeasures.Any(m => m.Id == p.PlanMeasureId && m.SiteId == siteId)).Select(p => p.Id.ToString());
        var findings = db.Findings.Where(p => p.SiteId == siteId).Select(p => p.Id.ToString());
        var runs = db.PlaybookRuns.Where(p => p.SiteId == siteId).Select(p => p.Id.ToString());
        var runSteps = db.RunSteps.Where(p => db.PlaybookRuns.Any(r => r.Id == p.RunId && r.SiteId == siteId)).Select(p => p.Id.ToString());
        var improvements = db.ImprovementItems.Where(p => p.SiteId == siteId).Select(p => p.Id.ToString());
        var events = db.SiteEvents.Where(p => p.SiteId == siteId).Select(p => p.Id.ToString());
        return entries.Where(e => (e.EntityType == AuditEntityTypes.Site && e.EntityId == id)
            || (e.EntityType == nameof(Zone) && zones.Contains(e.EntityId))
            || (e.EntityType == nameof(Contact) && contacts.Contains(e.EntityId))
            || (e.EntityType == nameof(ThreatScenario) && threats.Contains(e.EntityId))
            || (e.EntityType == nameof(SelfAssessmentAnswer) && e.EntityId.StartsWith(answerPrefix))
            || (e.EntityType == nameof(SitePlan) && plans.Contains(e.EntityId))
            || (e.EntityType == nameof(PlanMeasure) && measures.Contains(e.EntityId))
            || (e.EntityType == nameof(Evidence) && evidence.Contains(e.EntityId))
            || (e.EntityType == nameof(Finding) && findings.Contains(e.EntityId))
            || (e.EntityType == nameof(PlaybookRun) && runs.Contains(e.EntityId))
            || (e.EntityType == nameof(RunStep) && runSteps.Contains(e.EntityId))
            || (e.EntityType == nameof(ImprovementItem) && improvements.Contains(e.EntityId))
            || (e.EntityType == nameof(Domain.Events.SiteEvent) && events.Contains(e.EntityId)));
    }

    private static async Task<Dictionary<Guid, string>> OrganizationNamesAsync(SoftTargetsDbContext db, IReadOnlyList<AuditLogEntry> entries, CancellationToken ct)
    {
        var ids = entries.Where(e => e.OrganizationId is not null).Select(e => e.OrganizationId!.Value).Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    private static AuditListItem Item(AuditLogEntry e, IReadOnlyDictionary<Guid, string> organizations, AuditNames names) =>
        new(e.Id, e.At, e.UserId, e.UserName, e.OrganizationId,
            e.OrganizationId is { } id ? organizations.GetValueOrDefault(id) : null,
            e.EntityType, e.EntityId, e.Action, AuditChangeParser.Parse(e.Changes).Rows.Count, names.Of(e));

    private static string ContainsPattern(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
