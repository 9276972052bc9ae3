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
    /// A folder of <c>../shared/standards/</c> next to the repository (the standards' schemas are read from there
    /// at test time and never copied into the repository).
    /// </summary>
    public static string SharedStandard(string folder)
    {
        var path = Path.GetFullPath(Path.Combine(Root(), "..", "shared", "standards", folder));
        return Directory.Exists(path)
            ? path
            : throw new DirectoryNotFoundException($"Die Schemas des Standards fehlen: {path} (erwartet in ../shared/standards/ neben dem Repository).");
    }
}
