namespace IntegrationsPlattform.Host.Components;

/// <summary>Marker type for the shell's texts in <c>Resources/PlatformTexts*.resx</c> (German default, more languages optional).</summary>
public sealed class PlatformTexts;
