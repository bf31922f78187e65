namespace SoftTargets.UnitTests;

/// <summary>The folder of SoftTargets.sln, for tests that read the sources (resources, scripts, static files).</summary>
internal static class RepositoryFolder
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "SoftTargets.sln"))) return folder.FullName;
        throw new InvalidOperationException($"SoftTargets.sln was not found above {AppContext.BaseDirectory}.");
    }
}
