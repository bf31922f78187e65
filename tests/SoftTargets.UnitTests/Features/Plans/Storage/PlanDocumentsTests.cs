using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Methodology.Library;
using SoftTargets.Core.Features.Plans.Storage;
using SoftTargets.UnitTests.Features.Guidelines;
using Xunit.Abstractions;

namespace SoftTargets.UnitTests.Features.Plans.Storage;

public sealed class PlanDocumentsTests(ITestOutputHelper output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    // Enough synthetic sites to meet every kind of fact the generator reads (GuidelineOutputTests covers 605 for the output).
    private const int Sites = 120;

    // The English test methodology is small (a few measures and one short playbook), so less of it is shared.
    public static TheoryData<string, double> Methodologies => new() { { "czech-seed", 0.15 }, { "english-test", 0.6 } };

    private static MethodologyDocument Methodology(string name) => name == "czech-seed"
        ? GuidelineTestData.Seeded
        : LibraryFormat.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Files", "uk-protected-premises.yaml"))).File!.ToDocument();

    [Theory]
    [MemberData(nameof(Methodologies))]
    public void A_compact_guideline_reads_back_exactly_as_generated_and_is_a_fraction_of_the_whole(string name, double atMost)
    {
        var methodology = Methodology(name);
        var generator = new GuidelineGenerator(methodology, "version-1");
        var template = GuidelineTemplate.Of(methodology);
        long whole = 0, compact = 0, compactWithoutFacts = 0;
        foreach (var site in SyntheticSnapshots.Create(methodology, Sites))
        {
            var guideline = generator.Generate(site);
            var stored = PlanDocuments.Store(guideline, template, site);
            var withoutFacts = PlanDocuments.Store(guideline, template);

            Assert.True(PlanDocuments.IsCompact(stored), site.Name);
            Assert.True(PlanDocuments.IsCompact(withoutFacts), site.Name);
            Assert.Equal(JsonSerializer.Serialize(guideline, Json), JsonSerializer.Serialize(PlanDocuments.Read(stored, template), Json));
            Assert.Equal(JsonSerializer.Serialize(guideline, Json), JsonSerializer.Serialize(PlanDocuments.Read(withoutFacts, template), Json));
            whole += Utf8(PlanDocuments.Whole(guideline).Json);
            compact += Utf8(stored.Json);
            compactWithoutFacts += Utf8(withoutFacts.Json);
        }
        output.WriteLine($"{name}: {whole / Sites:N0} bytes whole, {compact / Sites:N0} bytes compact ({compactWithoutFacts / Sites:N0} without the site's facts) per revision on average");
        Assert.True(compact < whole * atMost, $"{compact} bytes compact against {whole} whole");
    }

    // Measured as PostgreSQL stores the text (UTF-8), not with the serialiser's escapes of non-ASCII letters.
    private static int Utf8(string json) => Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, Unescaped));

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Facts_of_a_site_changed_since_leave_more_reasons_stored_and_read_back_exactly()
    {
        var sites = SyntheticSnapshots.Create(GuidelineTestData.Seeded, 2);
        var guideline = GuidelineTestData.SeededGenerator.Generate(sites[0]);
        var template = GuidelineTemplate.Of(GuidelineTestData.Seeded);
        var changed = sites[1] with { MaxOccupancy = sites[0].MaxOccupancy + 5_000, Attributes = [] };

        var stored = PlanDocuments.Store(guideline, template, changed);

        Assert.True(PlanDocuments.IsCompact(stored));
        Assert.True(stored.Json.Length > PlanDocuments.Store(guideline, template, sites[0]).Json.Length);
        Assert.Equal(JsonSerializer.Serialize(guideline, Json), JsonSerializer.Serialize(PlanDocuments.Read(stored, template), Json));
    }

    [Fact]
    public void A_guideline_of_another_methodology_is_stored_whole_and_still_reads_as_generated()
    {
        var guideline = GuidelineTestData.SeededGenerator.Generate(SyntheticSnapshots.Create(GuidelineTestData.Seeded, 1)[0]);
        var other = GuidelineTemplate.Of(GuidelineTestData.Small);

        var stored = PlanDocuments.Store(guideline, other);

        Assert.False(PlanDocuments.IsCompact(stored));
        Assert.Equal(JsonSerializer.Serialize(guideline, Json), JsonSerializer.Serialize(PlanDocuments.Read(stored, other), Json));
    }

    [Fact]
    public void A_revision_stored_whole_before_the_compact_form_reads_as_it_was_written()
    {
        var guideline = GuidelineTestData.SeededGenerator.Generate(SyntheticSnapshots.Create(GuidelineTestData.Seeded, 3)[2]);
        var stored = new StoredGuideline(JsonSerializer.Serialize(guideline, Json));

        Assert.False(PlanDocuments.IsCompact(stored));
        Assert.Equal(stored.Json, JsonSerializer.Serialize(PlanDocuments.Read(stored, GuidelineTemplate.Of(GuidelineTestData.Seeded)), Json));
    }

    [Fact]
    public void A_step_text_whose_filled_values_contain_its_own_wording_still_reads_back_exactly()
    {
        var methodology = GuidelineTestData.Seeded;
        var site = SyntheticSnapshots.Create(methodology, 1)[0] with { Name = "{site.name} a ", Address = "" };
        var guideline = GuidelineTestData.SeededGenerator.Generate(site);
        var template = GuidelineTemplate.Of(methodology);

        var stored = PlanDocuments.Store(guideline, template, site);

        Assert.True(PlanDocuments.IsCompact(stored));
        Assert.Equal(JsonSerializer.Serialize(guideline, Json), JsonSerializer.Serialize(PlanDocuments.Read(stored, template), Json));
    }

    [Fact]
    public async Task The_cache_of_published_versions_hands_out_one_template_without_copying_it()
    {
        await using var services = new ServiceCollection().AddHybridCache().Services.BuildServiceProvider();
        var cache = services.GetRequiredService<HybridCache>();
        var made = GuidelineTemplate.Of(GuidelineTestData.Seeded);

        var first = await cache.GetOrCreateAsync("template", _ => ValueTask.FromResult(made));
        var second = await cache.GetOrCreateAsync("template", _ => ValueTask.FromResult(GuidelineTemplate.Of(GuidelineTestData.Small)));

        Assert.Same(made, first);
        Assert.Same(made, second);
    }
}
