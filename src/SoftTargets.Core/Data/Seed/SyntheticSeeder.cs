using SoftTargets.Core.Features.Dashboards;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.Core.Data.Seed;

/// <summary>
/// Fills the database with many realistic synthetic sites for load tests and benchmarks: operators
/// across the 14 regions, sites of every venue type with zones, contacts with deputies and assessed
/// threats. Written with COPY; the same seed gives the same data.
/// </summary>
public sealed record SyntheticLoad(int Sites, long PlanMeasures, long Findings, long Drills, TimeSpan Took);

public sealed class SyntheticSeeder(IDbContextFactory<SoftTargetsDbContext> dbFactory, PlanRegeneration regeneration, PlanCompaction compaction,
    ComplianceSnapshots snapshots, TimeProvider clock)
{
    /// <summary>Written into CreatedBy of every synthetic row, so a synthetic load can be told apart (and deleted).</summary>
    public const string By = "synthetic";
    private const int SitesPerOperator = 100;

    private static readonly string[] Streets = ["Nádražní", "Masarykova", "Husova", "Palackého", "Komenského", "Riegrova", "Školní", "Zahradní", "Nová", "Sportovní"];
    private static readonly string[] Towns = ["Praha", "Kladno", "České Budějovice", "Plzeň", "Karlovy Vary", "Ústí nad Labem", "Liberec", "Hradec Králové", "Pardubice", "Jihlava", "Brno", "Olomouc", "Zlín", "Ostrava"];
    private static readonly string[] Names = ["Jana Nováková", "Petr Svoboda", "Eva Dvořáková", "Tomáš Černý", "Lucie Procházková", "Martin Kučera", "Kateřina Veselá", "Jakub Horák"];

    /// <summary>
    /// Sites with their parts, a generated plan each, tracked measures in every state (some overdue),
    /// drills over the last 18 months and findings, ready for dashboards at national scale.
    /// </summary>
    public async Task<SyntheticLoad> SeedAsync(int sites, IProgress<string>? progress = null, int seed = 20261129, CancellationToken ct = default)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await SeedSitesAsync(sites, seed, ct);
        progress?.Report($"{sites:N0} sites with zones, contacts and threats written.");
        await regeneration.RegenerateAllAsync(progress: new Features.Relay<int>(done => progress?.Report($"{done:N0} plans generated.")),
            which: s => s.CreatedBy == By, storeWhole: true, ct: ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT setseed({seed % 1000 / 1000.0})", ct);
        var measures = await db.Database.ExecuteSqlRawAsync(TrackMeasuresSql, ct);
        progress?.Report($"{measures:N0} tracked measures given states, owners and dates.");
        // A few sites' drills first, so that PostgreSQL knows the runs table when the per-site recount (a trigger)
        // looks up every other site's drills: planned on a table it has never seen, the recount read a year of every
        // site's drills for each site, which took hours at 100,000 sites.
        var drills = await db.Database.ExecuteSqlRawAsync(DrillsSql.Replace("{sites}", FewSites), ct);
        await db.Database.ExecuteSqlRawAsync("""ANALYZE "PlaybookRuns" """, ct);
        drills += await db.Database.ExecuteSqlRawAsync(DrillsSql.Replace("{sites}", $"NOT ({FewSites})"), ct);
        var runSteps = await db.Database.ExecuteSqlRawAsync(RunStepsSql, ct);
        await db.Database.ExecuteSqlRawAsync(DoneProceduresSql, ct);
        await db.Database.ExecuteSqlRawAsync("SELECT compact_step_feedback()", ct);
        progress?.Report($"{drills:N0} finished drills with {runSteps:N0} timed steps written.");
        // The drills' steps were read from the plans stored whole; now they are stored compact like any other.
        var compacted = await compaction.CompactAsync(ct: ct);
        progress?.Report($"{compacted.Compacted:N0} plans stored compact.");
        var author = await db.Users.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Domain.Users.Roles.Auditor)))
            .Select(u => u.Id).FirstOrDefaultAsync(ct);
        var findings = author is null ? 0 : await db.Database.ExecuteSqlRawAsync(FindingsSql, [author], ct);
        if (author is null) progress?.Report("No auditor account exists, so no findings were written: create one and run again to have findings.");
        await SnapshotHistory.DrawAsync(db, snapshots, clock, ct: ct);
        progress?.Report("Compliance snapshots of the last 12 months drawn.");
        return new SyntheticLoad(sites, measures, findings, drills, watch.Elapsed);
    }

    // Each statement draws one random number per row; setseed above makes a run repeatable on the same data.
    private const string TrackMeasuresSql = """
        UPDATE "PlanMeasures" m SET
            "Status" = CASE WHEN x.r < 0.45 THEN 'Implemented' WHEN x.r < 0.65 THEN 'InProgress' WHEN x.r < 0.69 THEN 'NotApplicable' ELSE 'NotStarted' END,
            "Justification" = CASE WHEN x.r >= 0.65 AND x.r < 0.69 THEN 'Does not apply to this site: no such area.' ELSE '' END,
            "Owner" = (ARRAY['Jana Nováková', 'Petr Svoboda', 'Eva Dvořáková', 'Tomáš Černý'])[1 + floor(x.r * 1000)::int % 4],
            "DueDate" = CASE WHEN x.r >= 0.45 AND x.r < 0.65 OR x.r >= 0.69 THEN current_date + (floor(x.r * 10000)::int % 300) - 60 END,
            "NextReview" = current_date + (floor(x.r * 100000)::int % 420) - 30,
            "StatusChangedAt" = now(), "StatusChangedBy" = 'synthetic'
        FROM (SELECT pm."Id", random() AS r FROM "PlanMeasures" pm JOIN "Sites" s ON s."Id" = pm."SiteId" WHERE s."CreatedBy" = 'synthetic') x
        WHERE m."Id" = x."Id"
        """;

    private const string DrillsSql = """
        INSERT INTO "PlaybookRuns" ("Id", "Kind", "SiteId", "MethodologyVersionId", "PlanRevision", "PlaybookKey", "ThreatKey",
            "ThreatName_En", "ThreatName_Cs", "ZoneName", "Scenario", "StartedAt", "HeldOn", "FinishedAt", "Headcount", "Lessons", "Outcome",
            "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
        SELECT gen_random_uuid(), 'Drill', x."SiteId", x."MethodologyVersionId", x."Revision", 'PB-' || upper(x.threat), x.threat, x.threat, x.threat,
               '', '', x.started, x.started::date, x.started + interval '40 minutes', 10 + floor(random() * 200)::int,
               'Evacuation and lockdown drill; after-action review held.', '', now(), 'synthetic', now(), 'synthetic'
        FROM (SELECT s."Id" AS "SiteId", p."MethodologyVersionId", p."Revision", now() - floor(random() * 540) * interval '1 day' AS started,
                     coalesce((SELECT t."ThreatKey" FROM "ThreatScenarios" t WHERE t."SiteId" = s."Id" LIMIT 1), 'firearms') AS threat
              FROM "Sites" s CROSS JOIN generate_series(1, 2) AS n
              CROSS JOIN LATERAL (SELECT p."MethodologyVersionId", p."Revision" FROM "SitePlans" p WHERE p."SiteId" = s."Id" ORDER BY p."Revision" DESC LIMIT 1) p
              WHERE s."CreatedBy" = 'synthetic' AND random() < 0.4 AND {sites}) x
        """;

    /// <summary>About one site in a hundred, chosen by the last byte of its id.</summary>
    private const string FewSites = """get_byte(uuid_send(s."Id"), 15) < 3""";

    /// <summary>
    /// The steps of each synthetic drill, copied from its plan's playbook as a run copies them (P1–P3 for a drill),
    /// timed around their targets: most in time, some late, some never done; each outcome as
    /// <see cref="Domain.Readiness.StepTiming"/> decides it.
    /// </summary>
    private static readonly string RunStepsSql = $"""
        INSERT INTO "RunSteps" ("Id", "RunId", "Order", "Key", "Phase", "Procedure", "Role", "RoleName_En", "RoleName_Cs", "TargetMinutes",
            "Text_En", "Text_Cs", "DoneAt", "DoneBy", "ElapsedSeconds", "SignedOffBy", "Note", "Outcome", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
        SELECT gen_random_uuid(), s."RunId", s."Order", s."Key", s."Phase", s."Procedure", s."Role", s.role_en, s.role_cs, s."TargetMinutes",
               s.text_en, s.text_cs, s.started + s."ElapsedSeconds" * interval '1 second', CASE WHEN s."ElapsedSeconds" IS NULL THEN '' ELSE 'synthetic' END,
               s."ElapsedSeconds", '', '',
               CASE WHEN s."ElapsedSeconds" IS NULL THEN 'Missed' WHEN {Domain.Readiness.StepTiming.LateSql("s")} THEN 'Late' ELSE 'Done' END,
               now(), 'synthetic', now(), 'synthetic'
        FROM (SELECT x.*,
                     CASE WHEN x.missed < 0.08 THEN NULL
                          WHEN x."TargetMinutes" IS NULL THEN 600 + floor(x.pace * 1800)::int
                          ELSE floor(x."TargetMinutes" * 60 * (0.4 + x.pace * 0.8))::int END AS "ElapsedSeconds"
              FROM (SELECT r."Id" AS "RunId", r."StartedAt" AS started,
                           (row_number() OVER (PARTITION BY r."Id" ORDER BY st.n) - 1)::int AS "Order",
                           st.step->>'key' AS "Key", st.step->>'phase' AS "Phase", st.step->>'procedure' AS "Procedure", st.step->>'role' AS "Role",
                           coalesce(st.step->'roleName'->>'en', '') AS role_en, coalesce(st.step->'roleName'->>'cs', '') AS role_cs,
                           (st.step->>'targetMinutes')::int AS "TargetMinutes",
                           left(coalesce(st.step->'text'->>'en', ''), 4000) AS text_en, left(coalesce(st.step->'text'->>'cs', ''), 4000) AS text_cs,
                           random() AS missed, random() AS pace
                    FROM "PlaybookRuns" r
                    JOIN "SitePlans" p ON p."SiteId" = r."SiteId" AND p."Revision" = r."PlanRevision"
                    CROSS JOIN LATERAL jsonb_array_elements(p."Document"->'playbooks') pb(playbook)
                    CROSS JOIN LATERAL jsonb_array_elements(pb.playbook->'steps') WITH ORDINALITY st(step, n)
                    WHERE r."CreatedBy" = 'synthetic' AND r."Kind" = 'Drill' AND pb.playbook->>'key' = r."PlaybookKey"
                      AND st.step->>'phase' IN ('P1', 'P2', 'P3')
                      AND NOT EXISTS (SELECT 1 FROM "RunSteps" e WHERE e."RunId" = r."Id")) x) s
        """;

    /// <summary>Each synthetic drill keeps the procedures of its done steps, as <see cref="Domain.Readiness.PlaybookRun.Finish"/> sets them.</summary>
    private static readonly string DoneProceduresSql = $"""
        UPDATE "PlaybookRuns" r SET "DoneProcedures" = d.flags
        FROM (SELECT s."RunId", bit_or({Domain.Readiness.ProcedureFlag.Sql("s")})::smallint AS flags
              FROM "RunSteps" s JOIN "PlaybookRuns" x ON x."Id" = s."RunId"
              WHERE x."CreatedBy" = 'synthetic' AND x."FinishedAt" IS NOT NULL AND s."DoneAt" IS NOT NULL
              GROUP BY s."RunId") d
        WHERE r."Id" = d."RunId" AND r."DoneProcedures" <> d.flags
        """;

    private const string FindingsSql = """
        INSERT INTO "Findings" ("Id", "SiteId", "PlanMeasureId", "AuthorId", "Severity", "Title", "Text", "DueDate", "Status", "Answer", "AnsweredAt", "ClosedAt", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
        SELECT gen_random_uuid(), x."SiteId", x."Id", {0},
               (ARRAY['Low', 'Medium', 'High', 'Critical'])[1 + floor(x.r * 1000)::int % 4],
               'Evidence does not show the measure in place', 'The evidence on file is older than the review interval.',
               current_date + (floor(x.r * 10000)::int % 120) - 45,
               CASE WHEN x.s < 0.5 THEN 'Open' WHEN x.s < 0.75 THEN 'Answered' ELSE 'Closed' END,
               CASE WHEN x.s >= 0.5 THEN 'Updated the procedure and trained the staff.' ELSE '' END,
               CASE WHEN x.s >= 0.5 THEN now() END, CASE WHEN x.s >= 0.75 THEN now() END,
               now(), 'synthetic', now(), 'synthetic'
        FROM (SELECT DISTINCT ON (pm."SiteId") pm."SiteId", pm."Id", random() AS r, random() AS s
              FROM "PlanMeasures" pm JOIN "Sites" s ON s."Id" = pm."SiteId"
              WHERE s."CreatedBy" = 'synthetic' AND pm."Status" <> 'Implemented'
              ORDER BY pm."SiteId", pm."MeasureKey") x
        WHERE x.r < 0.3
        """;

    public async Task<int> SeedSitesAsync(int count, int seed = 20261129, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The synthetic sites follow the oldest methodology (the seeded one), with its newest published version's catalogues.
        var published = await db.PublishedChoicesAsync(ct);
        if (published.Count == 0) throw new InvalidOperationException("Publish a methodology first (the migrate verb imports the seeded one).");
        var methodologyId = published[0].Id;
        var methodology = await db.MethodologyVersions.AsNoTracking().Where(v => v.Id == published[0].VersionId).Select(v => v.Content).SingleAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var random = new Random(seed);
        var now = clock.GetUtcNow();
        var operators = Enumerable.Range(0, (count + SitesPerOperator - 1) / SitesPerOperator)
            .Select(i => (Id: Guid.CreateVersion7(), Name: $"Synthetic operator {i + 1:D5}", Region: methodology.Regions[i % methodology.Regions.Count].Key)).ToList();
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "Organizations" ("Id", "Name", "Kind", "Region", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var (id, name, region) in operators)
                await WriteRowAsync(writer, ct, (id, NpgsqlDbType.Uuid), (name, NpgsqlDbType.Varchar), (nameof(OrganizationKind.Operator), NpgsqlDbType.Varchar),
                    (region, NpgsqlDbType.Varchar), (now, NpgsqlDbType.TimestampTz), (By, NpgsqlDbType.Varchar), (now, NpgsqlDbType.TimestampTz), (By, NpgsqlDbType.Varchar));
            await writer.CompleteAsync(ct);
        }

        var sites = Enumerable.Range(0, count).Select(i => NewSite(i, operators[i / SitesPerOperator], methodology, random)).ToList();
        await CopySitesAsync(connection, sites, methodologyId, now, ct);
        await CopyPartsAsync(connection, sites, ct);
        await transaction.CommitAsync(ct);
        return count;
    }

    private sealed record SyntheticSite(Guid Id, Guid OrganizationId, string Name, string Address, string Region, string VenueType, int Occupancy,
        string[] Attributes, (string Name, int Capacity)[] Zones, (string Role, string Name, bool Deputy)[] Contacts, (string Threat, int L, int I)[] Threats);

    private static SyntheticSite NewSite(int index, (Guid Id, string Name, string Region) owner, MethodologyDocument methodology, Random random)
    {
        var region = random.NextDouble() < 0.7 ? owner.Region : methodology.Regions[random.Next(methodology.Regions.Count)].Key;
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
            $"{Streets[random.Next(Streets.Length)]} {random.Next(1, 200)}, {Towns[Math.Max(0, methodology.Regions.ToList().FindIndex(r => r.Key == region)) % Towns.Length]}", region, venueType.Key, occupancy,
            methodology.Attributes.Where(_ => random.NextDouble() < 0.25).Select(a => a.Key).ToArray(), zones, contacts, threats);
    }

    private static async Task CopySitesAsync(NpgsqlConnection connection, List<SyntheticSite> sites, Guid methodologyId, DateTimeOffset now, CancellationToken ct)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            """COPY "Sites" ("Id", "OrganizationId", "MethodologyId", "Name", "Address", "Region", "VenueTypeKey", "MaxOccupancy", "DailyVisitors", "OpeningHours", "Attributes", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var site in sites)
            await WriteRowAsync(writer, ct, (site.Id, NpgsqlDbType.Uuid), (site.OrganizationId, NpgsqlDbType.Uuid), (methodologyId, NpgsqlDbType.Uuid), (site.Name, NpgsqlDbType.Varchar),
                (site.Address, NpgsqlDbType.Varchar), (site.Region, NpgsqlDbType.Varchar), (site.VenueType, NpgsqlDbType.Varchar),
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
