using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Guidelines;

/// <summary>Generates a guideline for a site described in the request, with the published methodology, saving nothing.</summary>
public sealed class GuidelinePreview(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<Guideline> PreviewAsync(SiteSnapshot site, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.IsSystem || actor.IsAuthenticated);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await db.CurrentPublishedAsync(ct)
            ?? throw new DomainException("NoMethodology", "No methodology is published yet.");
        var errors = Validate(site, version.Content);
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        return new GuidelineGenerator(version.Content, version.Id.ToString()).Generate(site);
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
