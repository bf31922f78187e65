#nullable enable
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using SoftTargets.Core.Data;

namespace SoftTargets.UnitTests.Migrations;

/// <summary>
/// A database that ran a migration keeps what that migration did, so a committed migration's SQL
/// (Up and Down, as PostgreSQL would receive it) must never change: a change is a new migration.
/// </summary>
public class MigrationHashesTests
{
    // Migration id, SHA-256 of its Up SQL, SHA-256 of its Down SQL. Append a line for each new migration;
    // never edit a line that is already here.
    private static readonly string[] Committed =
    [
        "20261129010918_Initial 0c769090aaf18ea826a6c105fd0f86661fdbf61272a65e4498976524143184c5 3df5fbc27805ade068ae006044bc288c3e4279d3e3732017e33f77c147d5e79b",
        "20261129033420_SiteDraftsAndReviewIntervals 1f829f0c674f6dae750a701e113a215f794390d9cd43cda5b144cc7679d7eea0 21655d86d0fad05f8256b6c1cc7ef3686c132c45079cdcd656bdd7f0519a0462",
        "20261129063533_ComplianceSnapshots 279a207f5a29b8320fcb241200ce64fd972dad22beec08da8f84f70e40a20262 53c53905a7640e6c3d84798e89d9cb1a92c713ca69b97aa45060d4178244b1e4",
        "20261129063946_SiteCompliance 16bc5991fba6ad12fd34f5c9d108a57a8cea0647fb364371d5f2f174dd70ac6d 471a073b7296d6a142228620e24b41aed8bd26fdccfa663217771a0ef022c557",
        "20261203070536_ServerSessionsAndApiTokens 2894dd180eb7ac129aa9a93a2c84dc00c5b0f544294657f323b5188dbd3d66c2 8d7e290cd088df33faa5453b5df073f4b6ea746d43513448a9be4a12532b829c",
        "20261203080323_SiteComplianceRecountLocksRows 589ad3e7d9e47bd6eb6b3252022a3ba00af44efab1ad0d2d865e365999e8a1a4 56f745844b27560bdc0a83ec4b3246fea85a772eafb4a6303c9e71fb22319eb3",
        "20261203093904_PlaybookRuns 2c60eab2658360418e26aac5d7bd357827aabaf973b046ff5b02bb48ee8d4e8c 67b43d4322dbb09af4fe41e51ceb74014fc5b8479c6d0de4c0937eb4f97f0308",
        "20261203104724_PlaybookRunsDoneProcedures 6bad65949e5ed8afd76372fdab7ad295d29df1171d2807438039d6ed1a354ac6 72cc027736d9421b94b7a2e833be8d3955cfef68e43e13c2e2a114cd6870b986",
        "20261203122323_StepFeedbackCounts 6e8695a9e380335cf53081cc7dd08144ba94c2c9f5c692538e36789be2e5e7ca f2291ebfafda710b1bf2d0ca2b649decc154b30ead3158409749534ff7c66182",
        "20261203122806_SiteEvents e7dbcc451a596d6081e17513072ce72f168e1fad62c0756d4ef5fd3e2ee494c3 28eb83bbf4d7bbf5fb297274b1fc4bd6abae026e56e1bfd2036d5658f480e26d",
        "20261203123512_SitesFollowAMethodology 5e7119c56d4eda5148c01b3d9bd6c3ff08a502c858395925da6c092d4d82d9d7 0d51fcd0b744cf3f2c87cc63e677d42148fd659a66b7210fa1575363780fcc63",
        "20261203175103_SiteComplianceRecountByTheRules 435c283bbeb66d9616591f38272fa876dd6a31a5c4067d8bf97ee71c189ecb91 cc8f4ba39284c3ef716959165c4a3babfc6ef55d2e2e4bd5438d5b3072dbd612",
        "20261203180244_AccountAdministration 055840c66102f9f08c5db9abc7ac7abdc48860c43dd2a75a6a202f8747fcae8c 4054c85fc426c51a61af42ff575ce5559f3e9e53b892f006a3fec8e8016bc65d",
        "20261203190540_SiteListKeysetIndexes 8abf62d68e2d5de865c54f413c1e1ba9603fadb319eb6b40bb5b239dbbe9737f 2614e489c67e3dc15281a74020bbd148e9e8ffe28ae20670f5c6efa8b7fe77e5",
        "20261203191149_Notifications 0536758d8b9ccca458d35d19f9db72736a1232367eee0ed6e90f21180fb64c4a e4cd2c1659a371af3b320ca893756c468ecc6f7ff7a6cbd80c877029ff611390",
        "20261204054000_UserSessionChangeNotifications ed45a4a77fb0a165bf0137aa75db7c26a129d037b4d581e4dced00fc313df1ea 98d8def7ac141351696665165578cd59599a0f22ce1199c16e1e13d7f686de85",
    ];

    [Fact]
    public void Every_migration_runs_the_SQL_it_was_committed_with()
    {
        var generated = GeneratedHashes();
        var committed = Committed.Select(line => line.Split(' ')).ToDictionary(parts => parts[0], parts => string.Join(' ', parts));

        var changed = generated.Where(line => committed.TryGetValue(line.Split(' ')[0], out var expected) && expected != line).ToList();
        var added = generated.Where(line => !committed.ContainsKey(line.Split(' ')[0])).ToList();
        var removed = committed.Keys.Except(generated.Select(line => line.Split(' ')[0])).ToList();

        var problems = new StringBuilder();
        if (changed.Count > 0)
            problems.AppendLine(
                $"These migrations no longer generate the SQL they were committed with; a database that ran them would not get the change. " +
                $"Put the migration's SQL back as it was and make the change in a new migration:\n  {string.Join("\n  ", changed)}");
        if (removed.Count > 0)
            problems.AppendLine($"These committed migrations are gone; databases have run them:\n  {string.Join("\n  ", removed)}");
        if (added.Count > 0)
            problems.AppendLine(
                $"New migrations: freeze their SQL by appending these lines to {nameof(MigrationHashesTests)}.{nameof(Committed)}:\n" +
                string.Join("\n", added.Select(line => $"        \"{line}\",")));
        Assert.True(problems.Length == 0, problems.ToString());
    }

    /// <summary>One line per migration, in order: "id up-hash down-hash".</summary>
    private static List<string> GeneratedHashes()
    {
        // No connection is opened: the provider only turns each migration's operations into SQL.
        var options = new DbContextOptionsBuilder<SoftTargetsDbContext>()
            .UseNpgsql("Host=localhost;Database=none", npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
            .Options;
        using var context = new SoftTargetsDbContext(options);
        var assembly = context.GetService<IMigrationsAssembly>();
        var generator = context.GetService<IMigrationsSqlGenerator>();
        var initializer = context.GetService<IModelRuntimeInitializer>();
        var provider = context.Database.ProviderName!;

        // A migration's target model comes finalized; it still needs its runtime parts, as the migrator gives it.
        IModel? Finalize(IModel? model) => model is null ? null : initializer.Initialize(model);

        var lines = new List<string>();
        Migration? previous = null;
        foreach (var (id, type) in assembly.Migrations.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var migration = assembly.CreateMigration(type, provider);
            var up = generator.Generate(migration.UpOperations, Finalize(migration.TargetModel));
            var down = generator.Generate(migration.DownOperations, Finalize(previous?.TargetModel));
            lines.Add($"{id} {Hash(up)} {Hash(down)}");
            previous = migration;
        }
        return lines;
    }

    private static string Hash(IEnumerable<MigrationCommand> commands)
    {
        var sql = string.Join("\n;\n", commands.Select(command => command.CommandText.ReplaceLineEndings("\n")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
    }
}
