using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Compliance;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Plans.Export;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.Core.Features.Plans;

/// <summary>A site's plan as its page shows it; <see cref="Plan"/> is null until a first plan is generated.</summary>
public sealed record PlanView(Guid SiteId, string SiteName, bool CanChange, PlanRevisionView? Plan)
{
    /// <summary>The site's contacts, people a measure can be given to; empty when the site has none.</summary>
    public IReadOnlyList<PlanContact> Contacts { get; init; } = [];
}

/// <summary>A contact of the site as an owner to choose: the name, and the role that says who they are.</summary>
public sealed record PlanContact(string Name, LocalizedText Role, bool IsDeputy);

public sealed record PlanRevisionView(
    int Revision, Guid MethodologyVersionId, LocalizedText MethodologyTitle, int MethodologyVersion,
    string Tier, LocalizedText TierName, LocalizedText TierReason, DateTimeOffset GeneratedAt, string GeneratedBy,
    IReadOnlyList<GuidelineGap> Gaps, IReadOnlyList<PlanMeasureView> Measures,
    IReadOnlyList<ExcludedMeasureView> Excluded, IReadOnlyList<PhaseView> Phases, LocalizedText? OutOfScope = null)
{
    /// <summary>The methodology's measure categories in its order, for grouping the measures; each measure names its own.</summary>
    public IReadOnlyList<CatalogItem> MeasureCategories { get; init; } = [];
}

/// <summary>
/// An applicable measure with its tracked state (null only if the state was never created) and whether it is late;
/// <see cref="CategoryName"/> is its category as the methodology names it; <see cref="Guidance"/> (Markdown) and
/// <see cref="EvidenceHint"/> are the methodology's advice for this site's wording, empty when it gives none.
/// </summary>
public sealed record PlanMeasureView(string Key, LocalizedText Title, string Category, MeasurePriority Priority,
    string Role, LocalizedText RoleName, LocalizedText Reason, TrackedState? Tracked, bool IsOverdue, bool IsReviewOverdue,
    LocalizedText CategoryName, LocalizedText? Guidance = null, LocalizedText? EvidenceHint = null);

public sealed record TrackedState(Guid Id, MeasureStatus Status, string Justification, string Owner, DateOnly? DueDate,
    int ReviewMonths, DateOnly? NextReview, uint Version, IReadOnlyList<EvidenceView> Evidence);

/// <summary>An evidence file's facts, never its content.</summary>
public sealed record EvidenceView(Guid Id, string FileName, long Size, string Sha256, DateOnly EffectiveDate, DateTimeOffset UploadedAt, string UploadedBy);

public sealed record ExcludedMeasureView(string Key, LocalizedText Title, string Category, LocalizedText Reason, LocalizedText CategoryName);

/// <summary>The steps of every playbook of the plan that belong to one incident phase.</summary>
public sealed record PhaseView(IncidentPhase Phase, IReadOnlyList<PhaseStepView> Steps);

public sealed record PhaseStepView(string Key, LocalizedText Threat, Procedure Procedure, LocalizedText Role, int? TargetMinutes, LocalizedText Text);

/// <summary>What upgrading would change, with the measures' titles: gained and changed from the newer version, lost from the older.</summary>
public sealed record PlanUpgradeView(int FromNumber, int ToNumber, string ChangeNote,
    IReadOnlyList<UpgradeMeasure> Gained, IReadOnlyList<UpgradeMeasure> Lost, IReadOnlyList<UpgradeMeasure> Changed);

public sealed record UpgradeMeasure(string Key, LocalizedText Title);

/// <summary>
/// Reads of a site's plan for whoever may see the site (venue managers of its organisation, auditors);
/// a site the caller may not see reads as null, the same as one that does not exist.
/// </summary>
public sealed class PlanQueries(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, HybridCache cache)
{
    /// <summary>The latest revision with tracked measures and playbooks; measures that do not apply only when <paramref name="withExcluded"/>.</summary>
    public async Task<PlanView?> GetAsync(Guid siteId, bool withExcluded = false, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await SiteQueries.Visible(db, actor).Where(s => s.Id == siteId)
            .Select(s => new { s.Name, s.OrganizationId }).FirstOrDefaultAsync(ct);
        if (site is null) return null;
        var view = new PlanView(siteId, site.Name, actor.CanChangeSitesOf(site.OrganizationId), null);

        var plan = await db.SitePlans.AsNoTracking().Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision)
            .Select(p => new { p.Revision, p.MethodologyVersionId, p.Tier, p.Document, p.CreatedAt, p.CreatedBy }).FirstOrDefaultAsync(ct);
        if (plan is null) return view;

        var methodology = await MethodologyOfAsync(db, plan.MethodologyVersionId, ct);
        // Contacts are personal data: only those who give measures to people get them.
        var contacts = !view.CanChange ? [] : await db.Sites.AsNoTracking().Where(s => s.Id == siteId).SelectMany(s => s.Contacts)
            .OrderBy(c => c.IsDeputy).ThenBy(c => c.Name).Select(c => new { c.Name, c.RoleKey, c.IsDeputy }).ToListAsync(ct);
        var tracked = await db.PlanMeasures.AsNoTracking().Where(m => m.SiteId == siteId)
            .Select(m => new
            {
                m.MeasureKey,
                State = new TrackedState(m.Id, m.Status, m.Justification, m.Owner, m.DueDate, m.ReviewMonths, m.NextReview, m.Version,
                    m.Evidence.OrderByDescending(e => e.EffectiveDate).ThenBy(e => e.FileName)
                        .Select(e => new EvidenceView(e.Id, e.FileName, e.Size, e.Sha256, e.EffectiveDate, e.CreatedAt, e.CreatedBy)).ToList()),
            })
            .ToDictionaryAsync(m => m.MeasureKey, m => m.State, StringComparer.Ordinal, ct);

        var document = await PlanDocuments.ReadAsync(db, cache, plan.MethodologyVersionId, plan.Document, ct);
        var today = MeasureDeadlines.Today(clock);
        var measures = document.Applicable.Select(m =>
        {
            var state = tracked.GetValueOrDefault(m.Key);
            var (guidance, evidence) = Advice(methodology.Measures.GetValueOrDefault(m.Key), m.Variant);
            return new PlanMeasureView(m.Key, m.Title, m.Category, m.Priority, m.Role, RoleName(methodology.Roles, document, m.Role), m.Reason, state,
                state is not null && ComplianceRules.IsOverdue(state.Status, state.DueDate, today),
                state is not null && ComplianceRules.IsReviewOverdue(state.NextReview, today), methodology.Names.Category(m.Category), guidance, evidence);
        }).ToList();
        var excluded = document.Measures.Where(m => withExcluded && !m.Applies)
            .Select(m => new ExcludedMeasureView(m.Key, m.Title, m.Category, m.Reason, methodology.Names.Category(m.Category))).ToList();

        return view with
        {
            Contacts = contacts.Select(c => new PlanContact(c.Name, methodology.Roles.GetValueOrDefault(c.RoleKey) ?? new LocalizedText(c.RoleKey, c.RoleKey), c.IsDeputy)).ToList(),
            Plan = new PlanRevisionView(plan.Revision, plan.MethodologyVersionId, methodology.Title, methodology.Number,
                plan.Tier, document.TierName, document.TierReason, plan.CreatedAt, plan.CreatedBy, document.Gaps, measures, excluded, Phases(document), document.OutOfScope)
            {
                MeasureCategories = methodology.Names.MeasureCategories,
            },
        };
    }

    /// <summary>Everything the Word exports need, or null when the site is not visible or has no plan yet.</summary>
    public async Task<PlanExportData?> GetExportDataAsync(Guid siteId, CultureInfo culture, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await SiteQueries.WithParts(SiteQueries.Visible(db, actor).AsNoTracking()).FirstOrDefaultAsync(s => s.Id == siteId, ct);
        if (site is null) return null;
        var plan = await db.SitePlans.AsNoTracking().Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision)
            .Select(p => new { p.Revision, p.MethodologyVersionId, p.Document, p.CreatedAt }).FirstOrDefaultAsync(ct);
        if (plan is null) return null;

        var organization = await db.Organizations.Where(o => o.Id == site.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var methodology = await MethodologyOfAsync(db, plan.MethodologyVersionId, ct);
        var tracked = await db.PlanMeasures.Where(m => m.SiteId == siteId)
            .Select(m => new { m.MeasureKey, m.Status, m.Owner, m.DueDate, m.NextReview, Evidence = m.Evidence.Count })
            .ToListAsync(ct);
        return new PlanExportData(SiteSnapshot.Of(site), organization, plan.Revision, methodology.Title.For(culture) is { Length: > 0 } title ? title : methodology.Code,
            methodology.Number, plan.CreatedAt, await PlanDocuments.ReadAsync(db, cache, plan.MethodologyVersionId, plan.Document, ct),
            tracked.Select(m => new TrackedMeasure(m.MeasureKey, m.Status.ToString(), m.Owner, m.DueDate, m.NextReview, m.Evidence)).ToList(),
            methodology.Roles)
        {
            Names = methodology.Names,
            VenueTypeNames = methodology.VenueTypes,
        };
    }

    /// <summary>The titles of the measures an upgrade would gain, lose or change, each from the version that has it.</summary>
    public async Task<PlanUpgradeView> DescribeUpgradeAsync(PlanUpgrade upgrade, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.CanReadAllSites || actor.IsIn(Roles.VenueManager));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var older = await PublishedMeasuresAsync(db, upgrade.FromVersionId, ct);
        var newer = await PublishedMeasuresAsync(db, upgrade.ToVersionId, ct);
        static List<UpgradeMeasure> Titled(IEnumerable<string> keys, IReadOnlyDictionary<string, LocalizedText> titles) =>
            keys.Select(k => new UpgradeMeasure(k, titles.GetValueOrDefault(k) ?? new LocalizedText(k, k))).ToList();
        return new PlanUpgradeView(upgrade.FromNumber, upgrade.ToNumber, upgrade.ChangeNote,
            Titled(upgrade.Gained, newer), Titled(upgrade.Lost, older), Titled(upgrade.Changed, newer));
    }

    /// <summary>Drafts stay with their editors: only published (or retired) versions name their measures here.</summary>
    private static async Task<IReadOnlyDictionary<string, LocalizedText>> PublishedMeasuresAsync(SoftTargetsDbContext db, Guid versionId, CancellationToken ct)
    {
        var content = await db.MethodologyVersions.Where(v => v.Id == versionId && v.Status != MethodologyVersionStatus.Draft)
            .Select(v => v.Content).FirstOrDefaultAsync(ct);
        return content?.Measures.ToDictionary(m => m.Key, m => m.Title, StringComparer.Ordinal) ?? new Dictionary<string, LocalizedText>();
    }

    private sealed record MethodologyFacts(string Code, LocalizedText Title, int Number, IReadOnlyDictionary<string, LocalizedText> Roles,
        CatalogueNames Names, IReadOnlyDictionary<string, MeasureTemplate> Measures)
    {
        public IReadOnlyDictionary<string, LocalizedText> VenueTypes { get; init; } = new Dictionary<string, LocalizedText>();
    }

    /// <summary>The guidance and evidence hint of the wording the site got: the variant's where it sets them, the measure's own otherwise.</summary>
    private static (LocalizedText? Guidance, LocalizedText? Evidence) Advice(MeasureTemplate? template, int? variant)
    {
        if (template is null) return (null, null);
        var chosen = variant is { } index && template.Variants is { } variants && index >= 0 && index < variants.Count ? variants[index] : null;
        return (chosen?.Guidance ?? template.Guidance, chosen?.Evidence ?? template.Evidence);
    }

    private static async Task<MethodologyFacts> MethodologyOfAsync(SoftTargetsDbContext db, Guid versionId, CancellationToken ct)
    {
        var version = await (from v in db.MethodologyVersions
                             join m in db.Methodologies on v.MethodologyId equals m.Id
                             where v.Id == versionId
                             select new { m.Code, m.Name, v.Number, v.Content }).SingleAsync(ct);
        return new MethodologyFacts(version.Code, version.Name, version.Number, version.Content.Roles.ToDictionary(r => r.Key, r => r.Name),
            CatalogueNames.Of(version.Content), version.Content.Measures.ToDictionary(m => m.Key, StringComparer.Ordinal))
        {
            VenueTypes = version.Content.VenueTypes.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal),
        };
    }

    private static LocalizedText RoleName(IReadOnlyDictionary<string, LocalizedText> roles, Guideline document, string role) =>
        roles.GetValueOrDefault(role)
        ?? document.Playbooks.SelectMany(p => p.Steps).FirstOrDefault(s => s.Role == role)?.RoleName
        ?? new LocalizedText(role, role);

    /// <summary>Every phase P0–P5, each with the steps of every playbook in that phase (possibly none).</summary>
    private static List<PhaseView> Phases(Guideline document) =>
        Enum.GetValues<IncidentPhase>().Select(phase => new PhaseView(phase,
            document.Playbooks.SelectMany(p => p.Steps.Where(s => s.Phase == phase)
                .Select(s => new PhaseStepView(s.Key, p.ThreatName, s.Procedure, s.RoleName, s.TargetMinutes, s.Text))).ToList())).ToList();
}
