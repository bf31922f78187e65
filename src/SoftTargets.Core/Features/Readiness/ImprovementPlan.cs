using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Readiness;

public sealed record ImprovementInput(string Title, string Owner, DateOnly DueDate, string? MeasureKey, string? StepKey);

/// <summary>An improvement item with the names of what it concerns: the measure's title, the step's text, the finding it answers.</summary>
public sealed record ImprovementItemView(Guid Id, Guid SiteId, Guid? RunId, RunKind? RunKind, DateTimeOffset? RunStartedAt,
    string Title, string Owner, DateOnly DueDate, string? MeasureKey, LocalizedText? MeasureTitle, string? StepKey, LocalizedText? StepText,
    Guid? FindingId, string? FindingTitle, ImprovementStatus Status, bool IsOverdue, DateTimeOffset? DoneAt, uint Version)
{
    public bool IsDone => Status == ImprovementStatus.Done;
}

public sealed record SiteImprovements(Guid SiteId, bool CanChange, IReadOnlyList<ImprovementItemView> Items);

/// <summary>
/// A site's improvement plan: items raised by the reviews of its runs, with an owner and a due date, about a plan
/// measure or a playbook step, done or open, and possibly answering a finding. Venue managers of the site's
/// organisation change them, auditors read them, and for anyone else the site has none (not found).
/// </summary>
public sealed class ImprovementPlan(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, HybridCache cache)
{
    /// <summary>The site's items, open ones first, each group by due date; only those of one run when <paramref name="runId"/> is given. Null when the site is not visible.</summary>
    public async Task<SiteImprovements?> ListAsync(Guid siteId, Guid? runId = null, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await SiteQueries.Visible(db, actor).Where(s => s.Id == siteId).Select(s => new { s.OrganizationId }).FirstOrDefaultAsync(ct);
        if (site is null) return null;

        var query = db.ImprovementItems.AsNoTracking().Where(i => i.SiteId == siteId);
        if (runId is { } only) query = query.Where(i => i.RunId == only);
        // Statuses are stored as words: order by "is done", not by the word.
        var items = await query.OrderBy(i => i.Status == ImprovementStatus.Done).ThenBy(i => i.DueDate).ThenBy(i => i.Title).ToListAsync(ct);

        var runIds = items.Where(i => i.RunId is not null).Select(i => i.RunId!.Value).Distinct().ToList();
        var runs = await db.PlaybookRuns.Where(r => runIds.Contains(r.Id)).Select(r => new { r.Id, r.Kind, r.StartedAt }).ToDictionaryAsync(r => r.Id, ct);
        var steps = await db.RunSteps.Where(s => runIds.Contains(s.RunId)).Select(s => new { s.RunId, s.Key, s.Text }).ToListAsync(ct);
        var findingIds = items.Where(i => i.FindingId is not null).Select(i => i.FindingId!.Value).ToList();
        var findings = await db.Findings.Where(f => findingIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Title, ct);
        var measures = (await RunReview.PlanMeasuresAsync(db, cache, siteId, ct)).ToDictionary(m => m.Key, m => m.Title, StringComparer.Ordinal);
        var today = MeasureDeadlines.Today(clock);

        return new SiteImprovements(siteId, actor.CanChangeSitesOf(site.OrganizationId), items.Select(i =>
        {
            var run = i.RunId is { } id ? runs.GetValueOrDefault(id) : null;
            return new ImprovementItemView(i.Id, i.SiteId, i.RunId, run?.Kind, run?.StartedAt, i.Title, i.Owner, i.DueDate,
                i.MeasureKey, i.MeasureKey is { } key ? measures.GetValueOrDefault(key) : null,
                i.StepKey, steps.FirstOrDefault(s => s.RunId == i.RunId && s.Key == i.StepKey)?.Text,
                i.FindingId, i.FindingId is { } f ? findings.GetValueOrDefault(f) : null, i.Status, i.IsOverdue(today), i.DoneAt, i.Version);
        }).ToList());
    }

    /// <summary>Raises an item from the review of a run, for the run's site.</summary>
    public async Task<Guid> CreateAsync(Guid runId, ImprovementInput input, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var siteId = await db.PlaybookRuns.Where(r => r.Id == runId).Select(r => (Guid?)r.SiteId).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("The run");
        await RunReview.DemandChangeAsync(db, actor, siteId, ct);

        var problems = await KeyProblemsAsync(db, siteId, runId, input, null, ct);
        ImprovementItem? item = null;
        Validate(problems, () => item = new ImprovementItem(siteId, runId, input.Title, input.Owner, input.DueDate, input.MeasureKey, input.StepKey, Today));
        db.ImprovementItems.Add(item!);
        await db.SaveChangesAsync(ct);
        return item!.Id;
    }

    public async Task<uint> UpdateAsync(Guid id, ImprovementInput input, uint expectedVersion, CancellationToken ct = default)
    {
        var (db, item) = await LoadForChangeAsync(id, expectedVersion, ct);
        await using (db)
        {
            var problems = await KeyProblemsAsync(db, item.SiteId, item.RunId, input, item, ct);
            Validate(problems, () => item.Edit(input.Title, input.Owner, input.DueDate, input.MeasureKey, input.StepKey, Today));
            await db.SaveConcurrentlyAsync(ct);
            return item.Version;
        }
    }

    /// <summary>Marks the item done, or open again.</summary>
    public async Task<uint> SetDoneAsync(Guid id, bool done, uint expectedVersion, CancellationToken ct = default)
    {
        var (db, item) = await LoadForChangeAsync(id, expectedVersion, ct);
        await using (db)
        {
            if (done) item.Complete(clock.GetUtcNow());
            else item.Reopen();
            await db.SaveConcurrentlyAsync(ct);
            return item.Version;
        }
    }

    /// <summary>
    /// Answers an open (or answered, not yet closed) finding of the same site with the item, in one transaction: the
    /// finding takes <paramref name="answer"/> and the item remembers the finding. A closed finding is refused.
    /// </summary>
    public async Task<uint> LinkFindingAsync(Guid id, uint expectedVersion, Guid findingId, uint findingVersion, string answer, CancellationToken ct = default)
    {
        var (db, item) = await LoadForChangeAsync(id, expectedVersion, ct);
        await using (db)
        {
            var finding = await db.Findings.FirstOrDefaultAsync(f => f.Id == findingId && f.SiteId == item.SiteId, ct);
            if (finding is null || finding.Status == FindingStatus.Closed)
                throw ValidationFailedException.From(new Dictionary<string, LocalizedText> { ["FindingId"] = ReviewMessages.FindingNotOpen });
            db.Entry(finding).Property(f => f.Version).OriginalValue = findingVersion;
            finding.Respond(answer, clock.GetUtcNow());
            item.Answers(finding.Id);
            await db.SaveConcurrentlyAsync(ct);
            return item.Version;
        }
    }

    private DateOnly Today => MeasureDeadlines.Today(clock);

    private async Task<(SoftTargetsDbContext Db, ImprovementItem Item)> LoadForChangeAsync(Guid id, uint expectedVersion, CancellationToken ct)
    {
        var actor = await currentUser.GetAsync(ct);
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            var item = await db.ImprovementItems.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException("The improvement item");
            await RunReview.DemandChangeAsync(db, actor, item.SiteId, ct);
            db.Entry(item).Property(i => i.Version).OriginalValue = expectedVersion;
            return (db, item);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>The measure must be one of the site's plan and the step one of the run; a key the item already has may stay.</summary>
    private async Task<Dictionary<string, LocalizedText>> KeyProblemsAsync(SoftTargetsDbContext db, Guid siteId, Guid? runId,
        ImprovementInput input, ImprovementItem? current, CancellationToken ct)
    {
        var problems = new Dictionary<string, LocalizedText>();
        var measureKey = Blank(input.MeasureKey);
        if (measureKey is not null && measureKey != current?.MeasureKey
            && (await RunReview.PlanMeasuresAsync(db, cache, siteId, ct)).All(m => m.Key != measureKey))
            problems[nameof(ImprovementInput.MeasureKey)] = ReviewMessages.MeasureNotInPlan;
        var stepKey = Blank(input.StepKey);
        if (stepKey is not null && stepKey != current?.StepKey && !await db.RunSteps.AnyAsync(s => s.RunId == runId && s.Key == stepKey, ct))
            problems[nameof(ImprovementInput.StepKey)] = ReviewMessages.StepNotInRun;
        return problems;
    }

    private static string? Blank(string? key) => string.IsNullOrWhiteSpace(key) ? null : key.Trim();

    /// <summary>Runs the item's own checks and reports them together with <paramref name="problems"/>, so every field says what is wrong at once.</summary>
    private static void Validate(Dictionary<string, LocalizedText> problems, Action change)
    {
        try
        {
            change();
        }
        catch (ValidationFailedException ex) when (ex.Problems.Count > 0)
        {
            foreach (var (field, message) in ex.Problems) problems.TryAdd(field, message);
        }
        if (problems.Count > 0) throw ValidationFailedException.From(problems);
    }
}
