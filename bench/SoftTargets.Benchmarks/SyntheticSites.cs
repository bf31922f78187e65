using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology.Impact;
using SoftTargets.Core.Features.Methodology.Rules;

namespace SoftTargets.Benchmarks;

/// <summary>Reproducible synthetic sites drawn from a methodology's catalogues (a fixed seed, so every run sees the same data).</summary>
public static class SyntheticSites
{
    public static List<ImpactSite> Create(MethodologyDocument document, int count, Guid baselineVersionId, int seed = 20261129)
    {
        var random = new Random(seed);
        var venueTypes = document.VenueTypes.Select(v => v.Key).ToArray();
        var attributes = document.Attributes.Select(a => a.Key).ToArray();
        var threats = document.ThreatTypes.Select(t => t.Key).ToArray();
        var sites = new List<ImpactSite>(count);
        for (var i = 0; i < count; i++)
        {
            // Most venues are small; a long tail is large (stadiums, malls).
            var occupancy = random.NextDouble() < 0.8 ? random.Next(20, 800) : random.Next(800, 40_000);
            var siteAttributes = attributes.Where(_ => random.NextDouble() < 0.25).ToHashSet();
            var risks = threats.Where(_ => random.NextDouble() < 0.3).ToDictionary(t => t, _ => random.Next(1, 6) * random.Next(1, 6));
            var facts = new RuleFacts(venueTypes[random.Next(venueTypes.Length)], occupancy, siteAttributes, risks, null);
            sites.Add(new ImpactSite(Guid.CreateVersion7(), facts, baselineVersionId));
        }
        return sites;
    }
}
