using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Audit;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Domain.Threats;

namespace SoftTargets.Core.Features.Audit;

/// <summary>
/// Names the records of a page of the trail the way people know them (the site's name, the measure's key and title, the plan's
/// revision), with a handful of queries for the whole page: one per kind of record on it, one for the sites they belong to and
/// the catalogues of the methodology versions involved (published versions never change, so their words are kept in memory).
/// A record deleted since is named from the values its entries recorded.
/// </summary>
internal sealed class AuditNames
{
    private readonly Dictionary<(string Type, string Id), AuditRecordName> _records = new();
    private readonly Dictionary<Guid, string> _ids = new();
    private readonly Dictionary<Guid, VersionWords> _siteWords = new();

    private static readonly ConcurrentDictionary<Guid, VersionWords> Catalogues = new();

    /// <summary>The words of one published methodology version: measure titles and catalogue names by key.</summary>
    internal sealed record VersionWords(IReadOnlyDictionary<string, LocalizedText> Measures, IReadOnlyDictionary<string, LocalizedText> Catalogue);

    public AuditRecordName Of(AuditLogEntry entry) =>
        _records.GetValueOrDefault((entry.EntityType, entry.EntityId)) ?? Recorded(entry, AuditChangeParser.Parse(entry.Changes), null);

    /// <summary>The name of something a recorded value refers to: a site, measure, organisation, user or methodology version by id.</summary>
    public string? OfId(string? value) => Guid.TryParse(value, out var id) ? _ids.GetValueOrDefault(id) : null;

    /// <summary>The name of a catalogue key (venue type, threat, role, region) in the site's methodology, or null.</summary>
    public string? OfKey(Guid? siteId, string? key) =>
        siteId is { } s && key is not null && _siteWords.TryGetValue(s, out var words) && words.Catalogue.TryGetValue(key, out var name) ? name.ToString() : null;

    private static string UserName(string id, string? displayName, string? email, string? userName) =>
        string.IsNullOrWhiteSpace(displayName) ? email ?? userName ?? id : $"{displayName} ({email})";

    public static async Task<AuditNames> ResolveAsync(SoftTargetsDbContext db, IReadOnlyList<AuditLogEntry> entries, bool withValueIds, CancellationToken ct)
    {
        var names = new AuditNames();
        var parsed = entries.Select(e => (Entry: e, Changes: AuditChangeParser.Parse(e.Changes))).ToList();
        Guid[] Ids(string type) => entries.Where(e => e.EntityType == type).Select(e => Guid.TryParse(e.EntityId, out var g) ? g : Guid.Empty)
            .Where(g => g != Guid.Empty).Distinct().ToArray();

        var parts = new Dictionary<(string, string), (string? Name, Guid? SiteId, string? MeasureKey)>();
        void Add(string type, Guid id, string? name, Guid? siteId, string? measureKey = null) => parts[(type, id.ToString())] = (name, siteId, measureKey);

        if (Ids(AuditEntityTypes.Site) is { Length: > 0 } sites)
            foreach (var s in await db.Sites.Where(x => sites.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)) Add(AuditEntityTypes.Site, s.Id, s.Name, s.Id);
        if (Ids(nameof(Zone)) is { Length: > 0 } zones)
            foreach (var z in await db.Set<Zone>().Where(x => zones.Contains(x.Id)).Select(x => new { x.Id, x.Name, x.SiteId }).ToListAsync(ct)) Add(nameof(Zone), z.Id, z.Name, z.SiteId);
        if (Ids(nameof(Contact)) is { Length: > 0 } contacts)
            foreach (var c in await db.Set<Contact>().Where(x => contacts.Contains(x.Id)).Select(x => new { x.Id, x.Name, x.SiteId }).ToListAsync(ct)) Add(nameof(Contact), c.Id, c.Name, c.SiteId);
        if (Ids(nameof(ThreatScenario)) is { Length: > 0 } threats)
            foreach (var t in await db.Set<ThreatScenario>().Where(x => threats.Contains(x.Id)).Select(x => new { x.Id, x.ThreatKey, x.SiteId }).ToListAsync(ct)) Add(nameof(ThreatScenario), t.Id, t.ThreatKey, t.SiteId);
        if (Ids(nameof(Domain.Plans.SitePlan)) is { Length: > 0 } plans)
            foreach (var p in await db.SitePlans.Where(x => plans.Contains(x.Id)).Select(x => new { x.Id, x.Revision, x.SiteId }).ToListAsync(ct))
                Add(nameof(Domain.Plans.SitePlan), p.Id, p.Revision.ToString(CultureInfo.InvariantCulture), p.SiteId);
        if (Ids(nameof(Domain.Plans.PlanMeasure)) is { Length: > 0 } measures)
            foreach (var m in await db.PlanMeasures.Where(x => measures.Contains(x.Id)).Select(x => new { x.Id, x.MeasureKey, x.SiteId }).ToListAsync(ct))
                Add(nameof(Domain.Plans.PlanMeasure), m.Id, null, m.SiteId, m.MeasureKey);
        if (Ids(nameof(Domain.Plans.Evidence)) is { Length: > 0 } evidence)
            foreach (var e in await db.Evidence.Where(x => evidence.Contains(x.Id))
                         .Select(x => new { x.Id, x.FileName, Measure = db.PlanMeasures.Where(m => m.Id == x.PlanMeasureId).Select(m => new { m.MeasureKey, m.SiteId }).First() }).ToListAsync(ct))
                Add(nameof(Domain.Plans.Evidence), e.Id, e.FileName, e.Measure.SiteId, e.Measure.MeasureKey);
        if (Ids(nameof(Domain.Compliance.Finding)) is { Length: > 0 } findings)
            foreach (var f in await db.Findings.Where(x => findings.Contains(x.Id)).Select(x => new { x.Id, x.Title, x.SiteId }).ToListAsync(ct)) Add(nameof(Domain.Compliance.Finding), f.Id, f.Title, f.SiteId);
        if (Ids(nameof(Domain.Readiness.PlaybookRun)) is { Length: > 0 } runs)
            foreach (var r in await db.PlaybookRuns.Where(x => runs.Contains(x.Id)).Select(x => new { x.Id, x.ThreatName, x.HeldOn, x.SiteId }).ToListAsync(ct))
                Add(nameof(Domain.Readiness.PlaybookRun), r.Id, $"{r.ThreatName} ({r.HeldOn.ToString("d", CultureInfo.CurrentCulture)})", r.SiteId);
        if (Ids(nameof(Domain.Readiness.RunStep)) is { Length: > 0 } steps)
            foreach (var r in await db.RunSteps.Where(x => steps.Contains(x.Id))
                         .Select(x => new { x.Id, x.Key, SiteId = db.PlaybookRuns.Where(p => p.Id == x.RunId).Select(p => p.SiteId).First() }).ToListAsync(ct))
                Add(nameof(Domain.Readiness.RunStep), r.Id, r.Key, r.SiteId);
        if (Ids(nameof(Domain.Readiness.ImprovementItem)) is { Length: > 0 } items)
            foreach (var i in await db.ImprovementItems.Where(x => items.Contains(x.Id)).Select(x => new { x.Id, x.Title, x.SiteId }).ToListAsync(ct)) Add(nameof(Domain.Readiness.ImprovementItem), i.Id, i.Title, i.SiteId);
        if (Ids(nameof(Domain.Events.SiteEvent)) is { Length: > 0 } events)
            foreach (var e in await db.SiteEvents.Where(x => events.Contains(x.Id)).Select(x => new { x.Id, x.Name, x.SiteId }).ToListAsync(ct)) Add(nameof(Domain.Events.SiteEvent), e.Id, e.Name, e.SiteId);
        if (Ids(nameof(Domain.Organizations.Organization)) is { Length: > 0 } organizations)
            foreach (var o in await db.Organizations.Where(x => organizations.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)) Add(nameof(Domain.Organizations.Organization), o.Id, o.Name, null);
        if (Ids(nameof(Domain.Methodology.Methodology)) is { Length: > 0 } methodologies)
            foreach (var m in await db.Methodologies.Where(x => methodologies.Contains(x.Id)).Select(x => new { x.Id, x.Code, x.Name }).ToListAsync(ct))
                Add(nameof(Domain.Methodology.Methodology), m.Id, m.Name.ToString() is { Length: > 0 } n ? n : m.Code, null);
        if (Ids(nameof(MethodologyVersion)) is { Length: > 0 } versions)
            foreach (var v in await db.MethodologyVersions.Where(x => versions.Contains(x.Id))
                         .Select(x => new { x.Id, x.Number, Code = db.Methodologies.Where(m => m.Id == x.MethodologyId).Select(m => m.Code).First() }).ToListAsync(ct))
                Add(nameof(MethodologyVersion), v.Id, $"{v.Code} v{v.Number}", null);

        // Users by id; role memberships are keyed "userId/roleId".
        var userIds = entries.Where(e => e.EntityType == AuditEntityTypes.User).Select(e => e.EntityId)
            .Concat(entries.Where(e => e.EntityType == AuditEntityTypes.UserRole).Select(e => e.EntityId.Split('/')[0])).Distinct().ToArray();
        var users = userIds.Length == 0 ? [] : await db.Users.Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => UserName(u.Id, u.DisplayName, u.Email, u.UserName), ct);
        var roleIds = entries.Where(e => e.EntityType == AuditEntityTypes.UserRole).Select(e => e.EntityId.Split('/').Last()).Distinct().ToArray();
        var roles = roleIds.Length == 0 ? [] : await db.Roles.Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name ?? r.Id, ct);

        // Ids recorded as values (the details of one entry): sites, measures, organisations, methodology versions, people.
        if (withValueIds)
        {
            var valueIds = parsed.SelectMany(p => p.Changes.Rows).Where(r => r.Property.EndsWith("Id", StringComparison.Ordinal))
                .SelectMany(r => new[] { r.Before, r.After }).Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToArray();
            if (valueIds.Length > 0)
            {
                foreach (var s in await db.Sites.Where(x => valueIds.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)) names._ids[s.Id] = s.Name;
                foreach (var o in await db.Organizations.Where(x => valueIds.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(ct)) names._ids[o.Id] = o.Name;
                foreach (var m in await db.PlanMeasures.Where(x => valueIds.Contains(x.Id)).Select(x => new { x.Id, x.MeasureKey }).ToListAsync(ct)) names._ids[m.Id] = m.MeasureKey;
                foreach (var r in await db.PlaybookRuns.Where(x => valueIds.Contains(x.Id)).Select(x => new { x.Id, x.ThreatName }).ToListAsync(ct)) names._ids[r.Id] = r.ThreatName.ToString();
                foreach (var f in await db.Findings.Where(x => valueIds.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync(ct)) names._ids[f.Id] = f.Title;
                foreach (var m in await db.Methodologies.Where(x => valueIds.Contains(x.Id)).Select(x => new { x.Id, x.Code }).ToListAsync(ct)) names._ids[m.Id] = m.Code;
                var valueUserIds = valueIds.Select(g => g.ToString()).ToArray();
                foreach (var u in await db.Users.Where(x => valueUserIds.Contains(x.Id)).Select(x => new { x.Id, x.DisplayName, x.Email, x.UserName }).ToListAsync(ct))
                    if (Guid.TryParse(u.Id, out var userId)) names._ids[userId] = UserName(u.Id, u.DisplayName, u.Email, u.UserName);
                foreach (var v in await db.MethodologyVersions.Where(x => valueIds.Contains(x.Id))
                             .Select(x => new { x.Id, x.Number, Code = db.Methodologies.Where(m => m.Id == x.MethodologyId).Select(m => m.Code).First() }).ToListAsync(ct))
                    names._ids[v.Id] = $"{v.Code} v{v.Number}";
            }
        }

        // The sites every record belongs to (live or as recorded), by name, with the words of their methodology.
        var siteIds = parts.Values.Select(p => p.SiteId)
            .Concat(parsed.Select(p => SiteOf(p.Entry, p.Changes)))
            .Where(id => id is not null).Select(id => id!.Value).Distinct().ToArray();
        var siteRows = siteIds.Length == 0 ? [] : await db.Sites.Where(s => siteIds.Contains(s.Id)).Select(s => new { s.Id, s.Name, s.MethodologyId }).ToListAsync(ct);
        var siteNames = siteRows.ToDictionary(s => s.Id, s => s.Name);
        foreach (var (id, name) in siteNames) names._ids.TryAdd(id, name);
        var needsWords = parsed.Any(p => p.Entry.EntityType is nameof(Domain.Plans.PlanMeasure) or nameof(Domain.Plans.Evidence) or AuditEntityTypes.Site
            or nameof(ThreatScenario) or nameof(Contact));
        if (needsWords)
        {
            var methodologyIds = siteRows.Select(s => s.MethodologyId).Distinct().ToArray();
            var current = await db.MethodologyVersions.Where(v => methodologyIds.Contains(v.MethodologyId) && v.Status == MethodologyVersionStatus.Published)
                .Select(v => new { v.Id, v.MethodologyId }).ToListAsync(ct);
            var missing = current.Select(v => v.Id).Where(id => !Catalogues.ContainsKey(id)).ToArray();
            if (missing.Length > 0)
            {
                if (Catalogues.Count > 64) Catalogues.Clear();
                foreach (var v in await db.MethodologyVersions.AsNoTracking().Where(v => missing.Contains(v.Id)).Select(v => new { v.Id, v.Content }).ToListAsync(ct))
                    Catalogues[v.Id] = new VersionWords(
                        v.Content.Measures.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal),
                        v.Content.VenueTypes.Concat(v.Content.ThreatTypes).Concat(v.Content.Roles).Concat(v.Content.Regions)
                            .GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal));
            }
            foreach (var site in siteRows)
                if (current.FirstOrDefault(v => v.MethodologyId == site.MethodologyId) is { } version && Catalogues.TryGetValue(version.Id, out var words))
                    names._siteWords[site.Id] = words;
        }

        foreach (var (entry, changes) in parsed)
        {
            var key = (entry.EntityType, entry.EntityId);
            if (names._records.ContainsKey(key)) continue;
            var live = parts.TryGetValue(key, out var p) ? p : default;
            var siteId = live.SiteId ?? SiteOf(entry, changes);
            var site = siteId is { } sid ? siteNames.GetValueOrDefault(sid) : null;
            var measureKey = live.MeasureKey ?? Value(changes, "MeasureKey");
            AuditRecordName name = entry.EntityType switch
            {
                AuditEntityTypes.User => new(users.GetValueOrDefault(entry.EntityId) ?? Value(changes, "Email") ?? entry.EntityId, null),
                AuditEntityTypes.UserRole => new($"{users.GetValueOrDefault(entry.EntityId.Split('/')[0]) ?? entry.EntityId.Split('/')[0]}: {roles.GetValueOrDefault(entry.EntityId.Split('/').Last()) ?? entry.EntityId.Split('/').Last()}", null),
                nameof(SelfAssessmentAnswer) => new(Value(changes, "QuestionKey") ?? entry.EntityId.Split('/').Last(), site),
                nameof(Domain.Plans.PlanMeasure) when measureKey is not null => new(Measure(names, siteId, measureKey), site),
                nameof(Domain.Plans.Evidence) when live.Name is not null => new($"{live.Name} · {Measure(names, siteId, measureKey ?? "")}", site),
                nameof(ThreatScenario) => new(names.OfKey(siteId, live.Name ?? Value(changes, "ThreatKey")) ?? live.Name ?? Value(changes, "ThreatKey") ?? entry.EntityId, site),
                AuditEntityTypes.Site => new(live.Name ?? Value(changes, "Name") ?? entry.EntityId, null),
                _ => live.Name is not null ? new(live.Name, site) : Recorded(entry, changes, site),
            };
            names._records[key] = name with { SiteId = siteId };
        }
        return names;
    }

    private static string Measure(AuditNames names, Guid? siteId, string key) =>
        siteId is { } s && names._siteWords.TryGetValue(s, out var words) && words.Measures.TryGetValue(key, out var title) && title.ToString() is { Length: > 0 } text
            ? $"{key} {text}" : key;

    /// <summary>A record's name from the values its entry recorded: what a deleted record leaves behind.</summary>
    private static AuditRecordName Recorded(AuditLogEntry entry, AuditChanges changes, string? site)
    {
        foreach (var property in (string[])["Name", "Title", "FileName", "MeasureKey", "Key", "QuestionKey", "ThreatKey", "Code", "Email", "Revision", "Number"])
            if (Value(changes, property) is { Length: > 0 } value) return new AuditRecordName(value, site);
        return new AuditRecordName(entry.EntityId, site);
    }

    private static Guid? SiteOf(AuditLogEntry entry, AuditChanges changes)
    {
        if (entry.EntityType == AuditEntityTypes.Site && Guid.TryParse(entry.EntityId, out var id)) return id;
        if (entry.EntityType == nameof(SelfAssessmentAnswer) && Guid.TryParse(entry.EntityId.Split('/')[0], out var answerSite)) return answerSite;
        return Guid.TryParse(Value(changes, "SiteId"), out var site) ? site : null;
    }

    private static string? Value(AuditChanges changes, string property) =>
        changes.Rows.FirstOrDefault(r => r.Property == property) is { } row ? row.After ?? row.Before : null;
}
