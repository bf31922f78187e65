using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Assessment;

/// <summary>A site's self-assessment page: the questions by category with answers and scores, and the site version to save against.</summary>
public sealed record SelfAssessmentView(Guid SiteId, string SiteName, uint Version, bool CanChange, int? MethodologyNumber,
    IReadOnlyList<QuestionCategory> Categories, AssessmentScore Overall);

/// <summary>
/// The five-level self-assessment questionnaire of the methodology the site's plan follows. Venue managers of the
/// site's organisation answer; auditors read.
/// </summary>
public sealed class SelfAssessment(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, HybridCache cache)
{
    /// <summary>The questionnaire, or null when the site does not exist or the caller may not see it (the two look the same).</summary>
    public async Task<SelfAssessmentView?> GetAsync(Guid siteId, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await SiteQueries.WithParts(SiteQueries.Visible(db, actor).AsNoTracking()).FirstOrDefaultAsync(s => s.Id == siteId, ct);
        if (site is null) return null;
        var methodology = await SiteMethodology.ForSiteAsync(db, cache, siteId, ct);
        var inPlan = (await db.PlanMeasures.Where(m => m.SiteId == siteId && m.IsApplicable).Select(m => m.MeasureKey).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var (categories, overall) = methodology is null
            ? ([], AssessmentScore.Empty)
            : SelfAssessmentSheet.Build(methodology.Content, SiteSnapshot.Of(site), inPlan);
        return new SelfAssessmentView(site.Id, site.Name, site.Version, actor.CanChangeSitesOf(site.OrganizationId), methodology?.Number,
            categories, overall);
    }

    /// <summary>
    /// Saves the given answers (question key → level 1 to 5) if nobody changed the site since <paramref name="expectedVersion"/>
    /// was read. Questions left out keep their answer, or stay unanswered.
    /// </summary>
    /// <returns>The site's new version.</returns>
    public async Task<uint> SaveAsync(Guid siteId, IReadOnlyDictionary<string, int> answers, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var site = await ThreatAssessment.LoadForChangeAsync(db, actor, siteId, expectedVersion, ct);
        var methodology = await SiteMethodology.ForSiteAsync(db, cache, siteId, ct);
        var problems = SelfAssessmentSheet.Problems(answers, methodology?.Content);
        if (problems.Count > 0) throw new ValidationFailedException(AssessmentMessages.English(problems));

        foreach (var (question, level) in answers.OrderBy(a => a.Key, StringComparer.Ordinal))
            site.Answer(question, level);
        // Answers live in their own table: touching the site makes every change to them bump its version.
        db.Entry(site).Property(s => s.UpdatedAt).IsModified = true;
        await db.SaveConcurrentlyAsync(ct);
        return site.Version;
    }
}
