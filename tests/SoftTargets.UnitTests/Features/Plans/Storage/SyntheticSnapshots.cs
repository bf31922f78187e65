using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Guidelines;

namespace SoftTargets.UnitTests.Features.Plans.Storage;

/// <summary>
/// Reproducible synthetic sites drawn from a methodology's catalogues, with everything a step text can be filled from:
/// zones with and without their data, contacts with and without deputies, assessed threats, answers and sometimes an event.
/// </summary>
internal static class SyntheticSnapshots
{
    private static readonly string[] People = ["Jana Nováková", "Petr Svoboda", "Eva Dvořáková", "Tomáš Černý", "O'Brien {the lead}"];

    public static List<SiteSnapshot> Create(MethodologyDocument methodology, int count, int seed = 20261203)
    {
        var random = new Random(seed);
        var sites = new List<SiteSnapshot>(count);
        for (var i = 0; i < count; i++)
        {
            var zones = Enumerable.Range(0, random.Next(0, 4)).Select(z => new ZoneSnapshot(
                $"Zone {z + 1}", random.Next(0, 2_000), random.NextDouble() < 0.2 ? 0 : random.Next(1, 6),
                random.NextDouble() < 0.25 ? "" : $"Car park P{z + 1}", random.NextDouble() < 0.3 ? "" : $"Room {100 + z}")).ToList();
            var contacts = new List<ContactSnapshot>();
            foreach (var role in methodology.Roles.Where(_ => random.NextDouble() < 0.6))
            {
                contacts.Add(new(role.Key, People[random.Next(People.Length)], $"+420 6{random.Next(10_000_000, 99_999_999)}", "", false));
                if (random.NextDouble() < 0.5)
                    contacts.Add(new(role.Key, People[random.Next(People.Length)], "", $"deputy{i}@example.org", true));
            }
            sites.Add(new SiteSnapshot
            {
                Name = random.NextDouble() < 0.05 ? "" : $"Site {i} – Kulturní dům",
                Address = random.NextDouble() < 0.1 ? "" : $"Nádražní {i}, Praha",
                Region = methodology.Regions.Count == 0 ? "" : methodology.Regions[random.Next(methodology.Regions.Count)].Key,
                VenueTypeKey = methodology.VenueTypes[random.Next(methodology.VenueTypes.Count)].Key,
                MaxOccupancy = random.NextDouble() < 0.8 ? random.Next(0, 800) : random.Next(800, 40_000),
                DailyVisitors = random.Next(0, 5_000),
                Attributes = methodology.Attributes.Where(_ => random.NextDouble() < 0.25).Select(a => a.Key).ToList(),
                Zones = zones,
                Contacts = contacts,
                Threats = methodology.ThreatTypes.Where(_ => random.NextDouble() < 0.4)
                    .Select(t => new ThreatSnapshot(t.Key, random.Next(1, 6), random.Next(1, 6), random.Next(1, 6), random.Next(1, 6))).ToList(),
                Answers = methodology.Questions.Where(_ => random.NextDouble() < 0.5).ToDictionary(q => q.Key, _ => random.Next(1, 6)),
                Event = random.NextDouble() < 0.1 ? new EventSnapshot("Open day", random.Next(100, 20_000), []) : null,
            });
        }
        return sites;
    }
}
