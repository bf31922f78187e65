using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using SoftTargets.Core.Data;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Tests;

namespace SoftTargets.IntegrationTests.Migrations;

/// <summary>
/// Databases migrated at different times end up alike: an empty database taken through every migration
/// one at a time has the functions and triggers of the test run's database, migrated in one go when the
/// app started; the recount's row locks come from their own migration, which goes down and up again.
/// </summary>
[ReadsOnly]
public sealed class MigrationStepsTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string SiteCompliance = "20261129063946_SiteCompliance";
    private const string RowLock = """PERFORM 1 FROM "SiteCompliance" WHERE "SiteId" = ANY (sites) ORDER BY "SiteId" FOR UPDATE;""";

    [Fact]
    public async Task Migrating_an_empty_database_one_step_at_a_time_gives_the_functions_and_triggers_the_app_runs_with()
    {
        await using var database = await TestDatabase.CreateAsync("softtargets_migration_steps");
        await using (var db = DbContextOn(database))
        {
            var migrator = db.GetService<IMigrator>();
            foreach (var migration in db.Database.GetMigrations())
                await migrator.MigrateAsync(migration);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        var stepped = await RoutinesAsync(database.ConnectionString);
        var current = await RoutinesAsync(Fixture.ConnectionString);

        Assert.Equal(current, stepped);
        Assert.Contains(RowLock, stepped["function refresh_site_compliance"]);
        Assert.Contains("trigger site_compliance_updated on PlanMeasures", stepped.Keys);
    }

    [Fact]
    public async Task The_recount_row_lock_migration_goes_down_to_the_first_recount_and_up_again()
    {
        await using var database = await TestDatabase.CreateAsync("softtargets_migration_row_lock");
        await using var db = DbContextOn(database);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync();
        var latest = await RoutinesAsync(database.ConnectionString);
        Assert.Contains(RowLock, latest["function refresh_site_compliance"]);

        await migrator.MigrateAsync(SiteCompliance);
        var first = await RoutinesAsync(database.ConnectionString);
        Assert.DoesNotContain("FOR UPDATE", first["function refresh_site_compliance"]);
        Assert.Contains("LANGUAGE sql", first["function refresh_site_compliance"]);
        await RecountAsync(database.ConnectionString);

        await migrator.MigrateAsync();
        Assert.Equal(latest, await RoutinesAsync(database.ConnectionString));
        await RecountAsync(database.ConnectionString);
    }

    [Fact]
    public async Task Drills_recorded_before_the_runner_move_over_as_finished_drill_runs_and_back_again()
    {
        const string beforeRuns = "20261203080323_SiteComplianceRecountLocksRows";
        await using var database = await TestDatabase.CreateAsync("softtargets_migration_runs");
        await using var db = DbContextOn(database);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(beforeRuns);
        await ExecuteAsync(database.ConnectionString, """
            INSERT INTO "Organizations" ("Id", "Name", "Kind", "Region", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
            VALUES ('00000000-0000-0000-0000-00000000000a', 'Operator', 'VenueOperator', 'Praha', now(), 't', now(), 't');
            INSERT INTO "Sites" ("Id", "OrganizationId", "Name", "Address", "Region", "VenueTypeKey", "MaxOccupancy", "DailyVisitors",
                "OpeningHours", "Attributes", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
            VALUES ('00000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-00000000000a', 'Hall', 'Street 1', 'Praha', 'concert-hall',
                500, 100, '', '{}', now(), 't', now(), 't');
            INSERT INTO "Drills" ("Id", "SiteId", "HeldOn", "ThreatKey", "Participants", "AfterActionNotes", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
            VALUES ('00000000-0000-0000-0000-00000000000c', '00000000-0000-0000-0000-00000000000b', current_date - 30, 'firearms', 40,
                'Lockdown took 4 minutes.', now(), 't', now(), 't');
            """);

        await migrator.MigrateAsync();
        Assert.Equal("Drill|40|Lockdown took 4 minutes.|true|1", await ScalarAsync(database.ConnectionString, """
            SELECT r."Kind" || '|' || r."Headcount" || '|' || r."Lessons" || '|' || (r."FinishedAt" IS NOT NULL) || '|' || c."DrillsLast12Months"
            FROM "PlaybookRuns" r JOIN "SiteCompliance" c ON c."SiteId" = r."SiteId"
            """));

        await migrator.MigrateAsync(beforeRuns);
        Assert.Equal("firearms|40|1", await ScalarAsync(database.ConnectionString, """
            SELECT d."ThreatKey" || '|' || d."Participants" || '|' || c."DrillsLast12Months" FROM "Drills" d JOIN "SiteCompliance" c ON c."SiteId" = d."SiteId"
            """));
    }

    [Fact]
    public async Task Finished_runs_get_the_procedures_of_their_done_steps_and_running_ones_none_without_a_recount()
    {
        const string beforeFlags = "20261203093904_PlaybookRuns";
        await using var database = await TestDatabase.CreateAsync("softtargets_migration_done_procedures");
        await using var db = DbContextOn(database);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(beforeFlags);
        await ExecuteAsync(database.ConnectionString, """
            INSERT INTO "Organizations" ("Id", "Name", "Kind", "Region", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
            VALUES ('00000000-0000-0000-0000-00000000000a', 'Operator', 'VenueOperator', 'Praha', now(), 't', now(), 't');
            INSERT INTO "Sites" ("Id", "OrganizationId", "Name", "Address", "Region", "VenueTypeKey", "MaxOccupancy", "DailyVisitors",
                "OpeningHours", "Attributes", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
            VALUES ('00000000-0000-0000-0000-00000000000b', '00000000-0000-0000-0000-00000000000a', 'Hall', 'Street 1', 'Praha', 'concert-hall',
                500, 100, '', '{}', now(), 't', now(), 't');
            INSERT INTO "PlaybookRuns" ("Id", "Kind", "SiteId", "PlanRevision", "PlaybookKey", "ThreatKey", "ThreatName_En", "ThreatName_Cs",
                "ZoneName", "Scenario", "StartedAt", "HeldOn", "FinishedAt", "Lessons", "Outcome", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
            SELECT id::uuid, 'Drill', '00000000-0000-0000-0000-00000000000b', 1, 'PB', 'fire', 'Fire', 'Požár', '', '', now() - interval '1 day',
                   current_date - 1, finished, '', '', now(), 't', now(), 't'
            FROM (VALUES ('00000000-0000-0000-0000-0000000000c1', now()), ('00000000-0000-0000-0000-0000000000c2', NULL)) v(id, finished);
            INSERT INTO "RunSteps" ("Id", "RunId", "Order", "Key", "Phase", "Procedure", "Role", "DoneAt", "DoneBy", "ElapsedSeconds", "SignedOffBy",
                "Note", "RoleName_En", "RoleName_Cs", "Text_En", "Text_Cs", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy")
            SELECT gen_random_uuid(), run::uuid, ord, 'S' || ord, 'P1', procedure, 'lead', CASE WHEN done THEN now() END, '',
                   CASE WHEN done THEN 60 END, '', '', '', '', '', '', now(), 't', now(), 't'
            FROM (VALUES ('00000000-0000-0000-0000-0000000000c1', 0, 'Evacuation', true), ('00000000-0000-0000-0000-0000000000c1', 1, 'Lockdown', true),
                         ('00000000-0000-0000-0000-0000000000c1', 2, 'Communication', false), ('00000000-0000-0000-0000-0000000000c1', 3, 'Evacuation', true),
                         ('00000000-0000-0000-0000-0000000000c2', 0, 'Invacuation', true)) v(run, ord, procedure, done);
            """);
        var countedBefore = await ScalarAsync(database.ConnectionString, """SELECT "Day" || '|' || "DrillsLast12Months" FROM "SiteCompliance" """);
        await ExecuteAsync(database.ConnectionString, """UPDATE "SiteCompliance" SET "DrillsLast12Months" = 99""");

        await migrator.MigrateAsync();

        // Evacuation (1) and lockdown (4) done, communication missed; the running drill keeps none until it finishes.
        Assert.Equal("c1:5 c2:0", await ScalarAsync(database.ConnectionString, """
            SELECT string_agg(right("Id"::text, 2) || ':' || "DoneProcedures", ' ' ORDER BY "Id") FROM "PlaybookRuns"
            """));
        // The backfill changes nothing the recount counts, so it ran no recount; its trigger is on again afterwards.
        Assert.Equal("1", countedBefore.Split('|')[1]);
        Assert.Equal("99", await ScalarAsync(database.ConnectionString, """SELECT "DrillsLast12Months" FROM "SiteCompliance" """));
        Assert.Equal("O", await ScalarAsync(database.ConnectionString, """
            SELECT t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE c.relname = 'PlaybookRuns' AND t.tgname = 'site_compliance_updated'
            """));

        await migrator.MigrateAsync(beforeFlags);
        Assert.Equal("0", await ScalarAsync(database.ConnectionString, """
            SELECT count(*) FROM information_schema.columns WHERE table_name = 'PlaybookRuns' AND column_name = 'DoneProcedures'
            """));
        await migrator.MigrateAsync();
        Assert.Equal("5", await ScalarAsync(database.ConnectionString, """SELECT "DoneProcedures" FROM "PlaybookRuns" WHERE "FinishedAt" IS NOT NULL"""));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString() ?? "";
    }

    /// <summary>The app's model on another database, in a context of its own (the app's are pooled on the lane's database).</summary>
    private static SoftTargetsDbContext DbContextOn(TestDatabase database) =>
        new(new DbContextOptionsBuilder<SoftTargetsDbContext>()
            .UseNpgsql(database.ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory")).Options);

    /// <summary>Every function (pg_get_functiondef) and trigger (pg_get_triggerdef) of the public schema, by name.</summary>
    private static async Task<SortedDictionary<string, string>> RoutinesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT 'function ' || p.proname, pg_get_functiondef(p.oid)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public'
            UNION ALL
            SELECT 'trigger ' || t.tgname || ' on ' || c.relname, pg_get_triggerdef(t.oid)
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND NOT t.tgisinternal
            """, connection);
        var routines = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) routines.Add(reader.GetString(0), reader.GetString(1));
        return routines;
    }

    private static async Task RecountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT refresh_site_compliance(ARRAY(SELECT "Id" FROM "Sites"), (now() AT TIME ZONE 'UTC')::date)""", connection);
        await command.ExecuteNonQueryAsync();
    }
}
