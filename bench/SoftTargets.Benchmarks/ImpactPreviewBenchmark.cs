using BenchmarkDotNet.Attributes;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Methodology.Impact;
using SoftTargets.Core.Features.Methodology.Rules;

namespace SoftTargets.Benchmarks;

/// <summary>
/// The impact preview over 100,000 synthetic sites against the platform's limit measured in the same
/// run: a bare loop that evaluates every measure's rule for every site once (the preview evaluates
/// two versions, so about 2x is the floor). Target: under 10 s for the preview.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class ImpactPreviewBenchmark
{
    private static readonly Guid BaselineId = Guid.CreateVersion7();
    private MethodologyDocument _published = null!;
    private MethodologyDocument _draft = null!;
    private List<ImpactSite> _sites = null!;
    private RuleEvaluator _evaluator = null!;

    [Params(100_000)]
    public int Sites { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _published = MethodologyLibrary.ReadSeed().ToDocument();
        var extra = new MeasureTemplate
        {
            Key = "ACC-99", Category = "AccessControl", Priority = MeasurePriority.Recommended, Role = _published.Roles[0].Key,
            Title = new LocalizedText("Benchmark measure", "Měřicí opatření"),
            AppliesWhen = new Condition { All = [new Condition { Occupancy = new NumberComparison { Gte = 500 } }, new Condition { VenueTypeIn = [_published.VenueTypes[0].Key] }] },
        };
        _draft = _published with { Measures = [.. _published.Measures.Skip(1), extra] };
        _sites = SyntheticSites.Create(_published, Sites, BaselineId);
        _evaluator = new RuleEvaluator(_published);
    }

    [Benchmark(Baseline = true, Description = "Bare rule loop (one version)")]
    public int BareRuleLoop()
    {
        var applicable = 0;
        foreach (var site in _sites)
        {
            var facts = site.Facts with { Tier = _evaluator.FindTier(site.Facts)?.Key };
            foreach (var measure in _published.Measures)
                if (_evaluator.Holds(measure.AppliesWhen, facts)) applicable++;
        }
        return applicable;
    }

    [Benchmark(Description = "Impact preview (draft vs published)")]
    public int ImpactPreview() =>
        new ImpactCalculator(_draft, new Dictionary<Guid, MethodologyDocument> { [BaselineId] = _published }).Compute(_sites).Changes.Count;
}
