using IntegrationsPlattform.Contracts.Modules;

namespace IntegrationsPlattform.Modules.Nachbar;

public sealed class NachbarModule : PlatformModule
{
    public override ModuleManifest Manifest { get; } = new()
    {
        Id = "Nachbar",
        DisplayName = "Nachbar",
        Version = new Version(0, 1, 0),
        SdkMajor = PlatformSdk.Major,
    };
}
