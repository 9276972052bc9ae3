using Microsoft.Extensions.Configuration;

namespace IntegrationsPlattform.Contracts.Modules;

/// <summary>What a module gets from the host while it registers itself.</summary>
/// <param name="Settings">The section <c>Modules:&lt;Id&gt;:Settings</c>.</param>
/// <param name="FilesDirectory">The module's own folder for uploads (<c>files/&lt;Id&gt;</c>).</param>
public sealed record ModuleContext(ModuleManifest Manifest, IConfiguration Settings, string FilesDirectory);
