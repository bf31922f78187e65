using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Guidelines;

/// <summary>Generates a guideline for a site described in the request, with a published methodology version, saving nothing.</summary>
public sealed class GuidelinePreview(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, IOptions<MethodologyOptions> options)
{
    /// <param name="methodology">The methodology's code; the installation's default methodology when null or blank.</param>
    /// <param name="version">A published (or since retired) version number of it; its newest published version when null.</param>
    public async Task<Guideline> PreviewAsync(SiteSnapshot site, string? methodology = null, int? version = null, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.IsSystem || actor.IsAuthenticated);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chosen = await ChooseAsync(db, methodology, version, ct);
        var errors = Validate(site, chosen.Content);
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        return new GuidelineGenerator(chosen.Content, chosen.Id.ToString()).Generate(site);
    }

    /// <summary>The version asked for; an unknown methodology or version is a problem naming what there is.</summary>
    private async Task<MethodologyVersion> ChooseAsync(SoftTargetsDbContext db, string? code, int? number, CancellationToken ct)
    {
        var methodologyId = await db.MethodologyIdAsync(code, options.Value, ct);
        if (methodologyId is null)
        {
            var codes = await db.Methodologies.OrderBy(m => m.Code).Select(m => m.Code).ToListAsync(ct);
            throw codes.Count == 0
                ? new DomainException("NoMethodology", "No methodology is published yet.")
                : new ValidationFailedException(new Dictionary<string, string[]>
                {
                    ["methodology"] = [$"Unknown methodology '{code}'. Use one of: {string.Join(", ", codes)}, or leave it out for the default."],
                });
        }
        var released = db.MethodologyVersions.AsNoTracking()
            .Where(v => v.MethodologyId == methodologyId && v.Status != MethodologyVersionStatus.Draft);
        var chosen = number is { } n
            ? await released.FirstOrDefaultAsync(v => v.Number == n, ct)
            : await db.CurrentPublishedAsync(methodologyId.Value, ct);
        if (chosen is not null) return chosen;
        var numbers = await released.OrderBy(v => v.Number).Select(v => v.Number).ToListAsync(ct);
        if (number is null || numbers.Count == 0)
            throw new DomainException("NoMethodology", "This methodology has no published version yet.");
        throw new ValidationFailedException(new Dictionary<string, string[]>
        {
            ["version"] = [$"The methodology has no published version {number}. Use one of: {string.Join(", ", numbers)}, or leave it out for the newest."],
        });
    }

    /// <summary>The snapshot must name things the methodology knows, with ratings on their scales.</summary>
    public static Dictionary<string, string[]> Validate(SiteSnapshot site, MethodologyDocument methodology)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(site.Name)) errors["name"] = ["Give the site a name."];
        if (methodology.VenueTypes.All(v => v.Key != site.VenueTypeKey))
            errors["venueTypeKey"] = [$"Unknown venue type '{site.VenueTypeKey}'. Use one of: {string.Join(", ", methodology.VenueTypes.Select(v => v.Key))}."];
        if (site.MaxOccupancy < 0) errors["maxOccupancy"] = ["The maximum occupancy cannot be negative."];
        var unknownAttributes = site.Attributes.Where(a => methodology.Attributes.All(k => k.Key != a)).ToList();
        if (unknownAttributes.Count > 0) errors["attributes"] = [$"Unknown attributes: {string.Join(", ", unknownAttributes)}."];
        var threats = site.Threats.Where(t => methodology.ThreatTypes.All(k => k.Key != t.ThreatKey)
            || new[] { t.InherentLikelihood, t.InherentImpact, t.ResidualLikelihood, t.ResidualImpact }.Any(r => r is < 1 or > 5)).ToList();
        if (threats.Count > 0)
            errors["threats"] = [$"Threats must be known threat types rated 1 to 5: check {string.Join(", ", threats.Select(t => t.ThreatKey))}."];
        if (site.Answers.Any(a => a.Value is < 1 or > 5)) errors["answers"] = ["Self-assessment answers are levels 1 to 5."];
        if (site.Event is { } occasion)
        {
            if (occasion.ExpectedAttendance is < 1 or > Domain.Events.EventMessages.MaxAttendance)
                errors["event.expectedAttendance"] = ["The event's expected attendance is a number from 1 to 1,000,000."];
            var unknownEventAttributes = (occasion.Attributes ?? []).Where(a => methodology.Attributes.All(k => k.Key != a)).ToList();
            if (unknownEventAttributes.Count > 0) errors["event.attributes"] = [$"Unknown attributes: {string.Join(", ", unknownEventAttributes)}."];
        }
        return errors;
    }
}
