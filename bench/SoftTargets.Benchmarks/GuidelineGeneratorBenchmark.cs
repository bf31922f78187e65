using BenchmarkDotNet.Attributes;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Methodology.Rules;

namespace SoftTargets.Benchmarks;

/// <summary>
/// Time and allocated bytes per site to generate a whole guideline with the seeded methodology (targets:
/// at most 100 µs and 32 KB), against the bare rule loop for the same sites in the same run (tier plus every
/// measure's rule, no reasons, no playbooks). Each invocation generates for all <see cref="Sites"/> sites and
/// declares them as OperationsPerInvoke, so both the Mean and the Allocated column (MemoryDiagnoser) read per
/// site. Allocated bytes are deterministic; times on a shared machine are not.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class GuidelineGeneratorBenchmark
{
    public const int Sites = 1_000;
    private MethodologyDocument _methodology = null!;
    private GuidelineGenerator _generator = null!;
    private RuleEvaluator _evaluator = null!;
    private List<SiteSnapshot> _snapshots = null!;
    private List<RuleFacts> _facts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _methodology = MethodologyLibrary.ReadSeed().ToDocument();
        _generator = new GuidelineGenerator(_methodology, "benchmark");
        _evaluator = new RuleEvaluator(_methodology);
        var random = new Random(20261129);
        var roles = _methodology.Roles.Select(r => r.Key).ToArray();
        _snapshots = SyntheticSites.Create(_methodology, Sites, Guid.Empty).Select((site, i) => new SiteSnapshot
        {
            Name = $"Site {i}", Address = $"Street {i}, Brno", Region = _methodology.Regions[i % _methodology.Regions.Count].Key, VenueTypeKey = site.Facts.VenueTypeKey,
            MaxOccupancy = site.Facts.MaxOccupancy, Attributes = site.Facts.Attributes.ToList(),
            Zones = [new ZoneSnapshot("Main", site.Facts.MaxOccupancy, 2, "Car park", "Basement"), new ZoneSnapshot("Hall", 100, 1, "Square", "")],
            Contacts = roles.Take(random.Next(1, roles.Length)).Select(r => new ContactSnapshot(r, $"Person {r}", "+420 600 000 000", "a@b.example", false)).ToList(),
            Threats = site.Facts.ThreatRisks.Select(t => new ThreatSnapshot(t.Key, Math.Min(5, t.Value / 5 + 1), 5, 2, 3)).ToList(),
        }).ToList();
        _facts = _snapshots.Select(s => new RuleFacts(s.VenueTypeKey, s.MaxOccupancy, s.Attributes.ToHashSet(),
            s.Threats.ToDictionary(t => t.ThreatKey, t => t.InherentRisk), null)).ToList();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Sites, Description = "Bare rule loop, per site")]
    public int BareRuleLoop()
    {
        var applicable = 0;
        foreach (var facts in _facts)
        {
            var withTier = facts with { Tier = _evaluator.FindTier(facts)?.Key };
            foreach (var measure in _methodology.Measures)
                if (_evaluator.Holds(measure.AppliesWhen, withTier)) applicable++;
        }
        return applicable;
    }

    [Benchmark(OperationsPerInvoke = Sites, Description = "Generate a guideline, per site")]
    public int Generate()
    {
        var measures = 0;
        foreach (var snapshot in _snapshots) measures += _generator.Generate(snapshot).Measures.Count;
        return measures;
    }
}
