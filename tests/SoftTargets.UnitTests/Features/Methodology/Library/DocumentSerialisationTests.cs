using System.Text.Json;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Methodology.Library;
using SoftTargets.Core.Features.Methodology.Rules;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Features.Methodology.Library;

/// <summary>
/// A methodology document reads and writes the same text in the JSONB column and in library files, so versions
/// stored before keep their meaning and the seeded library exports as it imports.
/// </summary>
public sealed class DocumentSerialisationTests
{
    // One node of every kind, nested as editors write them.
    private static readonly Condition EveryKind = All(
        Any(VenueTypeIn("stadium", "arena"), Attribute("outdoor-queues")),
        Not(Threat("firearms", 12)),
        Occupancy(gte: 800, lt: 2000),
        TierIn("enhanced"),
        new Condition { Attendance = new NumberComparison { Gt = 5000 } },
        Threat("arson"));

    private const string EveryKindJson =
        """{"all":[{"any":[{"venueTypeIn":["stadium","arena"]},{"attribute":"outdoor-queues"}]},{"not":{"threat":{"type":"firearms","riskAtLeast":12}}},"""
        + """{"occupancy":{"gte":800,"lt":2000}},{"tierIn":["enhanced"]},{"attendance":{"gt":5000}},{"threat":{"type":"arson"}}]}""";

    [Fact]
    public void A_rule_of_every_kind_is_stored_as_the_documented_json()
    {
        Assert.Equal(EveryKindJson, JsonSerializer.Serialize(EveryKind, JsonbConversion.Options));
        var read = JsonSerializer.Deserialize<Condition>(EveryKindJson, JsonbConversion.Options);
        Assert.Equal(EveryKindJson, JsonSerializer.Serialize(read, JsonbConversion.Options));
    }

    [Fact]
    public void The_sample_rule_names_every_kind()
    {
        foreach (var kind in ConditionKinds.Ordered)
            Assert.Contains($"\"{kind.Name}\":", EveryKindJson);
    }

    [Fact]
    public void A_rule_of_every_kind_is_written_to_yaml_as_the_format_documents_it()
    {
        var document = MethodologyDocument.Empty with { Tiers = [new TierRule("enhanced", new("Enhanced", "Rozšířená"), EveryKind)] };

        var yaml = LibraryFormat.WriteYaml(LibraryFile.From("test", 1, document));

        Assert.Contains(EveryKindYaml, yaml);
    }

    private const string EveryKindYaml = """
          when:
            all:
            - {any: [{venueTypeIn: [stadium, arena]}, {attribute: outdoor-queues}]}
            - {not: {threat: {type: firearms, riskAtLeast: 12}}}
            - {occupancy: {gte: 800, lt: 2000}}
            - {tierIn: [enhanced]}
            - {attendance: {gt: 5000}}
            - {threat: {type: arson}}

        """;

    [Fact]
    public void The_seeded_library_reads_and_writes_the_same_in_jsonb_and_yaml()
    {
        var seed = MethodologyLibrary.ReadSeed();
        var document = seed.ToDocument();
        var stored = JsonSerializer.Serialize(document, JsonbConversion.Options);

        var readBack = JsonSerializer.Deserialize<MethodologyDocument>(stored, JsonbConversion.Options)!;
        Assert.Equal(stored, JsonSerializer.Serialize(readBack, JsonbConversion.Options));

        var yaml = LibraryFormat.WriteYaml(seed);
        var (again, errors) = LibraryFormat.Read(yaml);
        Assert.Empty(errors);
        Assert.Equal(yaml, LibraryFormat.WriteYaml(again!));
        Assert.Equal(stored, JsonSerializer.Serialize(again!.ToDocument(), JsonbConversion.Options));
        Assert.Equal(LibraryFormat.WriteJson(LibraryFile.From(seed.Methodology, seed.Version, document)),
            LibraryFormat.WriteJson(LibraryFile.From(seed.Methodology, seed.Version, readBack)));
    }
}
