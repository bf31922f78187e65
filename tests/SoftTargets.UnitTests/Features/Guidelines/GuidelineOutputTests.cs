using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Methodology.Library;

namespace SoftTargets.UnitTests.Features.Guidelines;

/// <summary>
/// The generator's output, as a plan revision stores it (JSON), stays byte for byte what it was when the expected
/// hashes were recorded: the demo sites and a few hundred varied synthetic sites, under the seeded Czech methodology
/// and the English test methodology. The hashes live in Files/guideline-output.txt, one line per site; set
/// SOFTTARGETS_RECORD_GUIDELINE_OUTPUT=1 and run this test to record them again after an intended change of output.
/// </summary>
public class GuidelineOutputTests
{
    private const int SyntheticSites = 300;

    [Fact]
    public void Generated_guidelines_are_byte_identical_to_the_recorded_output()
    {
        var actual = Lines();
        var file = ExpectedFile();
        if (Environment.GetEnvironmentVariable("SOFTTARGETS_RECORD_GUIDELINE_OUTPUT") == "1")
            File.WriteAllLines(file, actual);
        var expected = File.ReadAllLines(file);

        Assert.Equal(expected.Length, actual.Count);
        var differing = expected.Zip(actual).Where(p => p.First != p.Second).Select(p => p.First.Split(' ')[0]).ToList();
        Assert.True(differing.Count == 0, $"{differing.Count} guidelines differ from the recorded output, first: {string.Join(", ", differing.Take(5))}");
    }

    [Fact]
    public void Recorded_output_covers_every_kind_of_site_the_sample_draws()
    {
        // The sample must reach the generator's branches, or an identical output proves little.
        var guidelines = Sites(Seeded(), "cz").Select(s => new GuidelineGenerator(Seeded(), "v").Generate(s.Site)).ToList();
        Assert.Contains(guidelines, g => g.OutOfScope is not null);
        Assert.Contains(guidelines, g => g.Tier is null);
        Assert.Contains(guidelines, g => g.Measures.Any(m => m.Variant is not null));
        Assert.Contains(guidelines, g => g.Playbooks.Any(p => p.LeftOut is { Count: > 0 }));
        Assert.Contains(guidelines, g => g.Playbooks.Any(p => p.Steps.Any(s => s.Reason is not null)));
        Assert.Contains(guidelines, g => g.Gaps.Any(x => x.Kind == Core.Domain.Plans.GapKind.MissingZoneData));
        Assert.Contains(guidelines, g => g.Gaps.Any(x => x.Kind == Core.Domain.Plans.GapKind.UnfilledPlaceholder));
        Assert.Contains(guidelines, g => g.CalledByAnswers.Count > 0);
    }

    private static List<string> Lines()
    {
        var lines = new List<string>();
        foreach (var (name, document) in new[] { ("cz", Seeded()), ("uk", English()) })
        {
            var generator = new GuidelineGenerator(document, $"{name}-version");
            foreach (var (label, site) in Sites(document, name))
            {
                var json = JsonSerializer.Serialize(generator.Generate(site), JsonbConversion.Options);
                lines.Add($"{label} {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))}");
            }
        }
        return lines;
    }

    private static MethodologyDocument Seeded() => GuidelineTestData.Seeded;

    private static MethodologyDocument English()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Files", "uk-protected-premises.yaml"));
        var (file, errors) = LibraryFormat.Read(text);
        Assert.True(file is not null, string.Join("\n", errors.Select(e => e.Message)));
        return file!.ToDocument();
    }

    private static IEnumerable<(string Label, SiteSnapshot Site)> Sites(MethodologyDocument document, string name)
    {
        if (name == "cz")
        {
            foreach (var (i, site) in DemoSites().Index())
                yield return ($"{name}/demo-{i}", site);
        }
        var random = new Random(20261203);
        for (var i = 0; i < SyntheticSites; i++)
            yield return ($"{name}/synthetic-{i}", Synthetic(document, random, i));
    }

    /// <summary>The demo data's sites (DemoSeeder), and the stadium's summer concert.</summary>
    private static IEnumerable<SiteSnapshot> DemoSites()
    {
        var stadium = new SiteSnapshot
        {
            Name = "Slezská aréna", Address = "Závodní 2891/86, Ostrava", Region = "Moravskoslezsky", VenueTypeKey = "stadium",
            MaxOccupancy = 15000, DailyVisitors = 4000, Attributes = ["outdoor-queues", "alcohol-served", "high-profile-events"],
            Zones = [new("Tribune North", 6000, 6, "Car park P2, north gate", "Concourse level -1")],
            Contacts =
            [
                new("security-lead", "Petra Horáková", "+420 601 111 222", "p.horakova@arenaplus.example", false),
                new("security-lead", "Tomáš Beneš", "+420 601 111 333", "t.benes@arenaplus.example", true),
            ],
            Threats = [new("firearms", 2, 5, 2, 4), new("vehicle-as-weapon", 3, 4, 2, 3)],
        };
        yield return stadium;
        yield return stadium with { Event = new("Letní koncert na Slezské aréně", 20000, ["children-present"]) };
        yield return new SiteSnapshot
        {
            Name = "Koncertní síň Vltava", Address = "Nábřeží 12, Praha 1", Region = "Praha", VenueTypeKey = "concert-hall",
            MaxOccupancy = 1200, DailyVisitors = 900, Attributes = ["glass-facades", "transport-hub-adjacent"],
            Zones = [new("Main hall", 1000, 3, "Square in front of the main entrance", "Rehearsal room B")],
            Threats = [new("ied", 2, 5, 2, 4)],
        };
        yield return new SiteSnapshot
        {
            Name = "Obchodní centrum Brána Plzeň", Address = "Rokycanská 1, Plzeň", Region = "Plzensky", VenueTypeKey = "shopping-centre",
            MaxOccupancy = 6000, DailyVisitors = 12000, Attributes = ["underground-parking", "glass-facades"],
        };
        yield return new SiteSnapshot
        {
            Name = "ZŠ Lipová – hlavní budova", Address = "Lipová 5, Olomouc", Region = "Olomoucky", VenueTypeKey = "school",
            MaxOccupancy = 650, DailyVisitors = 600, Attributes = ["children-present"],
            Zones = [new("Pavilion A", 400, 2, "School playground", "Gym")],
            Contacts = [new("security-lead", "Jana Dvořáková", "+420 585 000 111", "reditelka@zs-lipova.example", false)],
        };
    }

    /// <summary>
    /// A site drawn to reach the generator's branches: no, one or several zones with values missing, contacts with and
    /// without names and deputies, threats assessed twice, answers, events, blank names, an unknown venue type.
    /// </summary>
    private static SiteSnapshot Synthetic(MethodologyDocument document, Random random, int i)
    {
        string Pick(IReadOnlyList<CatalogItem> items) => items[random.Next(items.Count)].Key;
        string Maybe(string value, double blank) => random.NextDouble() < blank ? "" : value;

        var zones = new List<ZoneSnapshot>();
        var zoneCount = random.Next(4);
        for (var z = 0; z < zoneCount; z++)
            zones.Add(new(Maybe($"Zone {z}", 0.15), random.Next(0, 3000), random.NextDouble() < 0.2 ? 0 : random.Next(1, 6),
                Maybe($"Assembly point {z}", 0.25), Maybe($"Room {z}", 0.3)));
        var contacts = new List<ContactSnapshot>();
        foreach (var role in document.Roles)
        {
            if (random.NextDouble() < 0.5)
                contacts.Add(new(role.Key, Maybe($"Person {i} {role.Key}", 0.1), Maybe("+420 600 000 000", 0.3), "a@b.example", false));
            if (random.NextDouble() < 0.3)
                contacts.Add(new(role.Key, Maybe($"Deputy {i} {role.Key}", 0.1), Maybe("+420 600 000 001", 0.3), "", true));
        }
        var threats = document.ThreatTypes.Where(_ => random.NextDouble() < 0.3)
            .Select(t => new ThreatSnapshot(t.Key, random.Next(1, 6), random.Next(1, 6), random.Next(1, 6), random.Next(1, 6))).ToList();
        if (threats.Count > 0 && random.NextDouble() < 0.2)
            threats.Add(threats[0] with { InherentLikelihood = random.Next(1, 6) });
        var answers = new Dictionary<string, int>();
        foreach (var question in document.Questions)
        {
            if (random.NextDouble() < 0.4)
                answers[question.Key] = random.Next(1, 6);
        }
        var occupancy = random.Next(10) switch
        {
            0 => 0,
            < 6 => random.Next(10, 800),
            < 9 => random.Next(800, 5000),
            _ => random.Next(5000, 60000),
        };
        return new SiteSnapshot
        {
            Name = Maybe($"Site {i}", 0.05), Address = Maybe($"Street {i}, Brno", 0.1),
            Region = document.Regions.Count > 0 ? Pick(document.Regions) : "",
            VenueTypeKey = random.NextDouble() < 0.03 ? "unknown-venue" : Pick(document.VenueTypes),
            MaxOccupancy = occupancy, DailyVisitors = random.Next(0, 5000),
            Attributes = document.Attributes.Where(_ => random.NextDouble() < 0.25).Select(a => a.Key).ToList(),
            Zones = zones, Contacts = contacts, Threats = threats, Answers = answers,
            Event = random.NextDouble() < 0.15
                ? new($"Event {i}", random.Next(100, 30000), document.Attributes.Where(_ => random.NextDouble() < 0.2).Select(a => a.Key).ToList())
                : null,
        };
    }

    private static string ExpectedFile([CallerFilePath] string source = "") =>
        Environment.GetEnvironmentVariable("SOFTTARGETS_RECORD_GUIDELINE_OUTPUT") == "1"
            ? Path.Combine(Path.GetDirectoryName(source)!, "Files", "guideline-output.txt")
            : Path.Combine(AppContext.BaseDirectory, "Features", "Guidelines", "Files", "guideline-output.txt");
}
