using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;

namespace SoftTargets.Core.Data.Seed;

/// <summary>
/// Fills the database with many realistic synthetic sites for load tests and benchmarks: operators
/// across the 14 regions, sites of every venue type with zones, contacts with deputies and assessed
/// threats. Written with COPY; the same seed gives the same data.
/// </summary>
public sealed class SyntheticSeeder(IDbContextFactory<SoftTargetsDbContext> dbFactory, TimeProvider clock)
{
    private const string By = "synthetic";
    private const int SitesPerOperator = 100;

    private static readonly string[] Streets = ["Nádražní", "Masarykova", "Husova", "Palackého", "Komenského", "Riegrova", "Školní", "Zahradní", "Nová", "Sportovní"];
    private static readonly string[] Towns = ["Praha", "Kladno", "České Budějovice", "Plzeň", "Karlovy Vary", "Ústí nad Labem", "Liberec", "Hradec Králové", "Pardubice", "Jihlava", "Brno", "Olomouc", "Zlín", "Ostrava"];
    private static readonly string[] Names = ["Jana Nováková", "Petr Svoboda", "Eva Dvořáková", "Tomáš Černý", "Lucie Procházková", "Martin Kučera", "Kateřina Veselá", "Jakub Horák"];

    public async Task<int> SeedSitesAsync(int count, int seed = 20261129, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var methodology = await db.MethodologyVersions.AsNoTracking().Where(v => v.Status == MethodologyVersionStatus.Published)
            .OrderByDescending(v => v.PublishedAt).Select(v => v.Content).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("Publish a methodology first (the migrate verb imports the seeded one).");
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var random = new Random(seed);
        var now = clock.GetUtcNow();
        var operators = Enumerable.Range(0, (count + SitesPerOperator - 1) / SitesPerOperator)
            .Select(i => (Id: Guid.CreateVersion7(), Name: $"Synthetic operator {i + 1:D5}", Region: (Region)(i % 14))).ToList();
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "Organizations" ("Id", "Name", "Kind", "Region", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var (id, name, region) in operators)
                await WriteRowAsync(writer, ct, (id, NpgsqlDbType.Uuid), (name, NpgsqlDbType.Varchar), (nameof(OrganizationKind.Operator), NpgsqlDbType.Varchar),
                    (region.ToString(), NpgsqlDbType.Varchar), (now, NpgsqlDbType.TimestampTz), (By, NpgsqlDbType.Varchar), (now, NpgsqlDbType.TimestampTz), (By, NpgsqlDbType.Varchar));
            await writer.CompleteAsync(ct);
        }

        var sites = Enumerable.Range(0, count).Select(i => NewSite(i, operators[i / SitesPerOperator], methodology, random)).ToList();
        await CopySitesAsync(connection, sites, now, ct);
        await CopyPartsAsync(connection, sites, ct);
        await transaction.CommitAsync(ct);
        return count;
    }

    private sealed record SyntheticSite(Guid Id, Guid OrganizationId, string Name, string Address, Region Region, string VenueType, int Occupancy,
        string[] Attributes, (string Name, int Capacity)[] Zones, (string Role, string Name, bool Deputy)[] Contacts, (string Threat, int L, int I)[] Threats);

    private static SyntheticSite NewSite(int index, (Guid Id, string Name, Region Region) owner, MethodologyDocument methodology, Random random)
    {
        var region = random.NextDouble() < 0.7 ? owner.Region : (Region)random.Next(14);
        var venueType = methodology.VenueTypes[random.Next(methodology.VenueTypes.Count)];
        // Most venues are small; a long tail is large (stadiums, malls).
        var occupancy = random.NextDouble() < 0.8 ? random.Next(20, 800) : random.Next(800, 40_000);
        var zones = Enumerable.Range(1, random.Next(1, 5)).Select(z => ($"Zone {z}", occupancy / z)).ToArray();
        var contacts = methodology.Roles.Where(_ => random.NextDouble() < 0.6)
            .SelectMany(r => random.NextDouble() < 0.7
                ? new[] { (r.Key, Names[random.Next(Names.Length)], false), (r.Key, Names[random.Next(Names.Length)], true) }
                : [(r.Key, Names[random.Next(Names.Length)], false)]).ToArray();
        var threats = methodology.ThreatTypes.Where(_ => random.NextDouble() < 0.3).Select(t => (t.Key, random.Next(1, 6), random.Next(1, 6))).ToArray();
        return new SyntheticSite(Guid.CreateVersion7(), owner.Id, $"{venueType.Name.Cs} {index + 1:D6}",
            $"{Streets[random.Next(Streets.Length)]} {random.Next(1, 200)}, {Towns[(int)region]}", region, venueType.Key, occupancy,
            methodology.Attributes.Where(_ => random.NextDouble() < 0.25).Select(a => a.Key).ToArray(), zones, contacts, threats);
    }

    private static async Task CopySitesAsync(NpgsqlConnection connection, List<SyntheticSite> sites, DateTimeOffset now, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            """COPY "Sites" ("Id", "OrganizationId", "Name", "Address", "Region", "VenueTypeKey", "MaxOccupancy", "DailyVisitors", "OpeningHours", "Attributes", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var site in sites)
            await WriteRowAsync(writer, ct, (site.Id, NpgsqlDbType.Uuid), (site.OrganizationId, NpgsqlDbType.Uuid), (site.Name, NpgsqlDbType.Varchar),
                (site.Address, NpgsqlDbType.Varchar), (site.Region.ToString(), NpgsqlDbType.Varchar), (site.VenueType, NpgsqlDbType.Varchar),
                (site.Occupancy, NpgsqlDbType.Integer), (site.Occupancy / 2, NpgsqlDbType.Integer), ("Mon–Sun 8:00–22:00", NpgsqlDbType.Varchar),
                (site.Attributes, NpgsqlDbType.Array | NpgsqlDbType.Text), (now, NpgsqlDbType.TimestampTz), (By, NpgsqlDbType.Varchar),
                (now, NpgsqlDbType.TimestampTz), (By, NpgsqlDbType.Varchar));
        await writer.CompleteAsync(ct);
    }

    private static async Task CopyPartsAsync(NpgsqlConnection connection, List<SyntheticSite> sites, CancellationToken ct)
    {
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "Zone" ("Id", "SiteId", "Name", "Capacity", "Entrances", "AssemblyPoint", "InvacuationRoom") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var site in sites)
                foreach (var (name, capacity) in site.Zones)
                    await WriteRowAsync(writer, ct, (Guid.CreateVersion7(), NpgsqlDbType.Uuid), (site.Id, NpgsqlDbType.Uuid), (name, NpgsqlDbType.Varchar),
                        (capacity, NpgsqlDbType.Integer), (2, NpgsqlDbType.Integer), ("Parkoviště před vchodem", NpgsqlDbType.Varchar), ("Sklad v suterénu", NpgsqlDbType.Varchar));
            await writer.CompleteAsync(ct);
        }
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "Contact" ("Id", "SiteId", "RoleKey", "Name", "Phone", "Email", "IsDeputy") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var site in sites)
                foreach (var (role, name, deputy) in site.Contacts)
                    await WriteRowAsync(writer, ct, (Guid.CreateVersion7(), NpgsqlDbType.Uuid), (site.Id, NpgsqlDbType.Uuid), (role, NpgsqlDbType.Varchar),
                        (name, NpgsqlDbType.Varchar), ("+420 600 000 000", NpgsqlDbType.Varchar), ("", NpgsqlDbType.Varchar), (deputy, NpgsqlDbType.Boolean));
            await writer.CompleteAsync(ct);
        }
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "ThreatScenarios" ("Id", "SiteId", "ThreatKey", "Rationale", "InherentImpact", "InherentLikelihood", "ResidualImpact", "ResidualLikelihood") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var site in sites)
                foreach (var (threat, likelihood, impact) in site.Threats)
                    await WriteRowAsync(writer, ct, (Guid.CreateVersion7(), NpgsqlDbType.Uuid), (site.Id, NpgsqlDbType.Uuid), (threat, NpgsqlDbType.Varchar),
                        ("Synthetic assessment", NpgsqlDbType.Varchar), (impact, NpgsqlDbType.Integer), (likelihood, NpgsqlDbType.Integer),
                        (Math.Max(1, impact - 1), NpgsqlDbType.Integer), (Math.Max(1, likelihood - 1), NpgsqlDbType.Integer));
            await writer.CompleteAsync(ct);
        }
    }

    private static async Task WriteRowAsync(NpgsqlBinaryImporter writer, CancellationToken ct, params (object Value, NpgsqlDbType Type)[] values)
    {
        await writer.StartRowAsync(ct);
        foreach (var (value, type) in values) await writer.WriteAsync(value, type, ct);
    }
}
