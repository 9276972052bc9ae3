using System.Globalization;
using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Demo;
using IntegrationsPlattform.Host.Files;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.Cli;

/// <summary>
/// The host's admin verbs: <c>modules list</c>, <c>migrate</c>, <c>backup</c>, <c>users add-admin</c>,
/// <c>seed-demo</c>. They run on the fully built platform but never start the web server.
/// </summary>
internal sealed record CliCommand(string Verb, IReadOnlyList<string> Arguments)
{
    private static readonly string[] Verbs = ["modules", "migrate", "backup", "users", "seed-demo"];

    /// <summary>Splits "verb words…" from the ASP.NET Core arguments (--key=value, --urls …).</summary>
    public static (CliCommand? Command, string[] HostArgs) Parse(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0]))
        {
            return (null, args);
        }

        var words = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        return (new CliCommand(args[0], words), args.Skip(1 + words.Count).ToArray());
    }

    public async Task<int> RunAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var options = services.GetRequiredService<PlatformOptions>();
        var registry = services.GetRequiredService<ModuleRegistry>();
        switch (Verb, Arguments.Count > 0 ? Arguments[0] : null)
        {
            case ("modules", "list"):
                await ModulesListAsync(registry, output);
                return 0;
            case ("migrate", _):
                // Start-up already took a backup of every database with pending migrations, then migrated.
                await ModulesListAsync(registry, output);
                return registry.All.Any(m => m.State == ModuleState.Failed) ? 1 : 0;
            case ("backup", _):
                output.WriteLine("Sicherung angelegt: " + DatabaseBackup.BackupAll(options, registry, services.GetRequiredService<TimeProvider>()));
                return 0;
            case ("users", "add-admin"):
                return await AddAdminAsync(services, output, error);
            case ("seed-demo", _):
                var size = Arguments.Contains("--benchmark") || Arguments.Contains("benchmark") ? DemoSize.Benchmark : DemoSize.Showcase;
                await services.GetRequiredService<DemoSeeder>().SeedAsync(size, CancellationToken.None);
                output.WriteLine($"Demodaten angelegt ({size}).");
                return 0;
            default:
                error.WriteLine("Unbekannter Befehl. Möglich: modules list | migrate | backup | users add-admin <name> | seed-demo [benchmark]");
                return 64;
        }
    }

    private static Task ModulesListAsync(ModuleRegistry registry, TextWriter output)
    {
        output.WriteLine($"{"Ordner",-22} {"Id",-20} {"Zustand",-15} {"Version",-10} {"Schema",-7} {"DB (KB)",-8} {"Dateien (KB)",-12} Grund");
        foreach (var module in registry.All)
        {
            var size = module.DatabasePath is { } path && File.Exists(path) ? (Sqlite.DatabaseBytes(path) / 1024).ToString(CultureInfo.InvariantCulture) : "-";
            var files = module.FilesDirectory is { } directory ? (FileCatalog.Bytes(directory) / 1024).ToString(CultureInfo.InvariantCulture) : "-";
            output.WriteLine($"{module.FolderName,-22} {module.Id,-20} {module.State.German(),-15} {module.Manifest?.Version.ToString() ?? "-",-10} {module.SchemaVersion,-7} {size,-8} {files,-12} {module.Reason}");
        }

        foreach (var module in registry.NotInstalled)
        {
            output.WriteLine($"{"-",-22} {module.Id,-20} {module.State.German(),-15} {"-",-10} {"-",-7} {"-",-8} {"-",-12} {module.Reason}");
        }

        return Task.CompletedTask;
    }

    private async Task<int> AddAdminAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var userName = Arguments.ElementAtOrDefault(1);
        if (string.IsNullOrWhiteSpace(userName))
        {
            error.WriteLine("Aufruf: users add-admin <benutzername>  (Passwort aus der Umgebungsvariable IP_ADMIN_PASSWORD oder von der Standardeingabe)");
            return 64;
        }

        var password = Environment.GetEnvironmentVariable("IP_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            output.Write("Passwort: ");
            password = Console.ReadLine();
        }

        try
        {
            await services.GetRequiredService<FirstAdmin>().CreateAsync(userName, password ?? "", CancellationToken.None);
        }
        catch (RequestValidationException ex)
        {
            foreach (var e in ex.Errors)
            {
                error.WriteLine($"{e.Field}: {e.Message}");
            }

            return 1;
        }

        output.WriteLine($"Administrator '{userName}' angelegt.");
        return 0;
    }
}
