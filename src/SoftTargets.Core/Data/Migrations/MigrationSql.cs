namespace SoftTargets.Core.Data.Migrations;

/// <summary>
/// The SQL a migration runs, read from its own file under Migrations/Sql (embedded in the assembly).
/// Each file belongs to one migration and never changes once committed: a database that ran the
/// migration must stay exactly as one migrated today. A change to the schema or a function is a new
/// migration with new files; <c>MigrationHashesTests</c> fails when an existing migration's SQL differs.
/// </summary>
internal static class MigrationSql
{
    /// <param name="name">The file's name, e.g. <c>20261129063946_SiteCompliance.up.sql</c>.</param>
    public static string Read(string name)
    {
        using var stream = typeof(MigrationSql).Assembly.GetManifestResourceStream($"SoftTargets.Migrations.{name}")
            ?? throw new InvalidOperationException($"The migration script {name} is not embedded in {typeof(MigrationSql).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        // A checkout with Windows line endings must run (and hash) the same text.
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
