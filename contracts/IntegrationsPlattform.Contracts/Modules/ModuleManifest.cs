namespace IntegrationsPlattform.Contracts.Modules;

/// <summary>What the host needs to know about a module before it runs any of its code.</summary>
public sealed record ModuleManifest
{
    /// <summary>PascalCase id, stable once published: configuration key, plugin folder, route prefix (lower case).</summary>
    public required string Id { get; init; }

    /// <summary>German name shown in navigation and on the admin page.</summary>
    public required string DisplayName { get; init; }

    public required Version Version { get; init; }

    /// <summary>Set to <see cref="PlatformSdk.Major"/>; the constant is compiled into the module.</summary>
    public required int SdkMajor { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Modules that must be enabled for this one to start.</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];

    /// <summary>Modules this one uses when they are enabled (it must cope with their absence).</summary>
    public IReadOnlyList<string> Uses { get; init; } = [];

    public string RoutePrefix => Id.ToLowerInvariant();
}
