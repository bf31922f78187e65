using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Readiness;

namespace SoftTargets.Benchmarks;

/// <summary>
/// The drill figures at N synthetic sites (default 100,000, about 80,000 finished drills with their timed steps):
/// the editors' feedback per playbook step and the dashboard's drill coverage, each service call against one
/// hand-written SQL statement computing the same figures in the same run (the figures must agree; target at
/// most 1.3x and under 200 ms). The seeded database (softtargets_readiness) is reused by later runs.
/// </summary>
public static class ReadinessBenchmark
{
    private const string Database = "softtargets_readiness";

    public static async Task<int> RunAsync(string server, int sites)
    {
        var connectionString = await DashboardBenchmark.PrepareDatabaseAsync(server, sites, Database);
        await RaiseImprovementItemsAsync(connectionString);
        await using var provider = BenchDatabase.Services(connectionString);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var cases = new (string Name, Func<Task<string>> Service, Func<Task<string>> HandWritten)[]
        {
            ("editors' step feedback", () => FeedbackAsync(provider), () => HandWrittenFeedbackAsync(connectionString)),
            ("drill coverage, whole country", () => CoverageAsync(provider, new()), () => HandWrittenCoverageAsync(connectionString, null, today)),
            ("drill coverage, one region", () => CoverageAsync(provider, new("Praha")), () => HandWrittenCoverageAsync(connectionString, "Praha", today)),
        };

        Console.WriteLine();
        Console.WriteLine($"| {$"Drill figures, {sites:N0} sites",-48} | Median (ms) | Ratio |");
        Console.WriteLine("|--------------------------------------------------|------------:|------:|");
        var (worst, slowest) = (0.0, 0.0);
        foreach (var (name, service, handWritten) in cases)
        {
            var (serviceTime, serviceFigures) = await DashboardBenchmark.MedianAsync(service);
            var (sqlTime, sqlFigures) = await DashboardBenchmark.MedianAsync(handWritten);
            if (serviceFigures != sqlFigures) throw new InvalidOperationException($"The figures differ for {name}:\n{serviceFigures}\n{sqlFigures}");
            var ratio = serviceTime / sqlTime;
            (worst, slowest) = (Math.Max(worst, ratio), Math.Max(slowest, serviceTime));
            Console.WriteLine($"| Hand-written SQL, {name,-30} | {sqlTime,11:N1} |  1.00 |");
            Console.WriteLine($"| Service, {name,-39} | {serviceTime,11:N1} | {ratio,5:N2} |");
            Console.WriteLine($"|   figures: {serviceFigures,-37} |             |       |");
        }
        Console.WriteLine();
        var met = worst <= 1.3 && slowest < 200;
        Console.WriteLine(met
            ? $"Target met: {worst:N2}x ≤ 1.3x, slowest service call {slowest:N0} ms < 200 ms (the figures agree)."
            : $"Target missed: worst ratio {worst:N2}x (target ≤ 1.3x), slowest service call {slowest:N0} ms (target < 200 ms).");
        return met ? 0 : 1;
    }

    /// <summary>Synthetic data has no reviews: once (the demo data has a few items of its own), one improvement item for about every fifth late or missed step, a third of them done, some about a measure.</summary>
    private static async Task RaiseImprovementItemsAsync(string connectionString) => await BenchDatabase.ExecuteAsync(connectionString, """
        INSERT INTO "ImprovementItems" ("Id", "SiteId", "RunId", "Title", "Owner", "DueDate", "MeasureKey", "StepKey", "Status", "DoneAt",
            "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
        SELECT gen_random_uuid(), r."SiteId", r."Id", 'Practise the step again', 'Jana Nováková', current_date + 30,
               CASE WHEN x.r < 0.01 THEN (SELECT m."MeasureKey" FROM "PlanMeasures" m WHERE m."SiteId" = r."SiteId" ORDER BY m."MeasureKey" LIMIT 1) END,
               CASE WHEN x.r >= 0.01 THEN s."Key" END,
               CASE WHEN x.r < 0.07 THEN 'Done' ELSE 'Open' END, CASE WHEN x.r < 0.07 THEN now() END, now(), 'synthetic', now(), 'synthetic'
        FROM (SELECT s."RunId", s."Key", random() AS r FROM "RunSteps" s WHERE s."Outcome" IN ('Late', 'Missed')) x
        JOIN "RunSteps" s ON s."RunId" = x."RunId" AND s."Key" = x."Key"
        JOIN "PlaybookRuns" r ON r."Id" = s."RunId"
        WHERE x.r < 0.2 AND NOT EXISTS (SELECT 1 FROM "ImprovementItems" i WHERE i."CreatedBy" = 'synthetic')
        """);

    private static async Task<string> FeedbackAsync(ServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<DrillFeedback>().GetAsync();
        return Sums(report.Steps.Sum(s => (long)s.Runs), report.Steps.Sum(s => (long)s.Done), report.Steps.Sum(s => (long)s.Late),
            report.Steps.Sum(s => (long)s.Missed), report.Steps.Sum(s => (long)s.Items) + report.Measures.Sum(m => (long)m.Items),
            report.Steps.Sum(s => (long)s.OpenItems) + report.Measures.Sum(m => (long)m.OpenItems));
    }

    /// <summary>The baseline: per step key over the finished drills joined directly, the items per step and per measure, in one statement.</summary>
    private static async Task<string> HandWrittenFeedbackAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT coalesce(sum(f.runs), 0), coalesce(sum(f.done), 0), coalesce(sum(f.late), 0), coalesce(sum(f.missed), 0),
                   (SELECT count(i."StepKey") + count(i."MeasureKey") FROM "ImprovementItems" i),
                   (SELECT count(i."StepKey") + count(i."MeasureKey") FROM "ImprovementItems" i WHERE i."Status" = 'Open')
            FROM (SELECT s."Key", count(*) AS runs,
                         count(*) FILTER (WHERE s."ElapsedSeconds" IS NOT NULL AND (s."TargetMinutes" IS NULL OR s."ElapsedSeconds" <= s."TargetMinutes" * 60)) AS done,
                         count(*) FILTER (WHERE s."ElapsedSeconds" > s."TargetMinutes" * 60) AS late,
                         count(*) FILTER (WHERE s."ElapsedSeconds" IS NULL) AS missed
                  FROM "RunSteps" s JOIN "PlaybookRuns" r ON r."Id" = s."RunId"
                  WHERE r."Kind" = 'Drill' AND r."FinishedAt" IS NOT NULL
                  GROUP BY s."Key") f
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return Sums(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
    }

    private static async Task<string> CoverageAsync(ServiceProvider provider, DashboardFilter filter)
    {
        await using var scope = provider.CreateAsyncScope();
        var totals = (await scope.ServiceProvider.GetRequiredService<ReadinessDashboard>().GetCoverageAsync(filter)).Totals;
        return Sums(totals.Sites, totals.Drilled, totals.Evacuation, totals.Invacuation, totals.Lockdown, totals.Communication, totals.AllFour);
    }

    /// <summary>
    /// The baseline: each site's finished drills of the window with the procedures each run keeps (the bits of
    /// "DoneProcedures", as the service reads them), totals and both breakdowns as grouping sets.
    /// </summary>
    private static async Task<string> HandWrittenCoverageAsync(string connectionString, string? region, DateOnly today)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT GROUPING(c."Region", c."VenueTypeKey"), count(*), count(d.site),
                   count(*) FILTER (WHERE d.p & 1 <> 0), count(*) FILTER (WHERE d.p & 2 <> 0), count(*) FILTER (WHERE d.p & 4 <> 0),
                   count(*) FILTER (WHERE d.p & 8 <> 0), count(*) FILTER (WHERE d.p & 15 = 15)
            FROM "SiteCompliance" c
            LEFT JOIN (SELECT r."SiteId" AS site, bit_or(r."DoneProcedures") AS p
                       FROM "PlaybookRuns" r
                       WHERE r."Kind" = 'Drill' AND r."FinishedAt" IS NOT NULL AND r."HeldOn" > $2 AND r."HeldOn" <= $3
                       GROUP BY r."SiteId") d ON d.site = c."SiteId"
            WHERE $1::text IS NULL OR c."Region" = $1
            GROUP BY GROUPING SETS ((), (c."Region"), (c."VenueTypeKey"))
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)region ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = today.AddYears(-1), NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter { Value = today, NpgsqlDbType = NpgsqlDbType.Date });
        await using var reader = await command.ExecuteReaderAsync();
        var totals = "";
        while (await reader.ReadAsync())
            if (reader.GetInt32(0) == 3) // the grand total: both columns rolled up
                totals = Sums(Enumerable.Range(1, 7).Select(reader.GetInt64).ToArray());
        return totals;
    }

    private static string Sums(params long[] values) => string.Join(" ", values);
}
