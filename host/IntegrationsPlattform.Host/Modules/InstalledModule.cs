using System.Reflection;
using IntegrationsPlattform.Contracts.Modules;

namespace IntegrationsPlattform.Host.Modules;

/// <summary>A plugin folder the host found, what it declares, and what became of it.</summary>
internal sealed class InstalledModule
{
    public required string Folder { get; init; }

    public ModuleManifest? Manifest { get; set; }

    public Assembly? Assembly { get; set; }

    public PlatformModule? Instance { get; set; }

    public IReadOnlyList<Assembly> ContractsAssemblies { get; set; } = [];

    public ModuleState State { get; private set; } = ModuleState.Disabled;

    public string? Reason { get; private set; }

    public string? DatabasePath { get; set; }

    /// <summary>The module's folder of uploads (<c>files/&lt;Id&gt;</c>), set when it starts.</summary>
    public string? FilesDirectory { get; set; }

    public int SchemaVersion { get; set; }

    public IReadOnlyList<string> PageRoutes { get; set; } = [];

    /// <summary>The id if the manifest could be read, else the folder name (for messages).</summary>
    public string Id => Manifest?.Id ?? Path.GetFileName(Folder);

    public string FolderName => System.IO.Path.GetFileName(Folder);

    public string DisplayName => Manifest?.DisplayName ?? Path.GetFileName(Folder);

    public bool IsRunning => State == ModuleState.Enabled;

    public void MarkEnabled() => (State, Reason) = (ModuleState.Enabled, null);

    public void MarkDisabled() => (State, Reason) = (ModuleState.Disabled, "In der Konfiguration nicht aktiviert.");

    public void Refuse(string reason) => (State, Reason) = (ModuleState.Refused, reason);

    public void Fail(string reason) => (State, Reason) = (ModuleState.Failed, reason);
}
