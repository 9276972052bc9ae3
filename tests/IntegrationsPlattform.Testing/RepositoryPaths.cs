namespace IntegrationsPlattform.Testing;

/// <summary>
/// Where the repository lies for a running test: found from the test's bin folder upwards, so that a test reads
/// sources, the host project and the shared standards beside the repository in any clone or worktree.
/// </summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding <c>IntegrationsPlattform.sln</c>.</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IntegrationsPlattform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository-Wurzel nicht gefunden");
    }

    /// <summary>
    /// A folder of the shared standards (their schemas are read at test time and never copied into the repository):
    /// <c>IP_SHARED_STANDARDS</c> when set, else the nearest <c>shared/standards/</c> beside the repository or beside
    /// one of the folders above it (<c>../shared/standards/</c> in the usual layout).
    /// </summary>
    public static string SharedStandard(string folder)
    {
        var configured = Environment.GetEnvironmentVariable("IP_SHARED_STANDARDS");
        var candidates = string.IsNullOrWhiteSpace(configured)
            ? Beside(new DirectoryInfo(Root())).Select(parent => Path.Combine(parent, "shared", "standards", folder))
            : [Path.Combine(configured, folder)];
        return candidates.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException(
                $"Die Schemas des Standards „{folder}“ fehlen: erwartet in ../shared/standards/ neben dem Repository (oder IP_SHARED_STANDARDS setzen).");
    }

    private static IEnumerable<string> Beside(DirectoryInfo repository)
    {
        for (var parent = repository.Parent; parent is not null; parent = parent.Parent)
        {
            yield return parent.FullName;
        }
    }
}
