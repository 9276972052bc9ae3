namespace IntegrationsPlattform.Host.Modules;

public enum ModuleState
{
    /// <summary>Running: services, routes, pages and database are live.</summary>
    Enabled,

    /// <summary>Installed but switched off by the deployment's configuration.</summary>
    Disabled,

    /// <summary>Not started because the host cannot accept it (SDK version, duplicate id or route, missing dependency).</summary>
    Refused,

    /// <summary>Tried to start and threw (services, migrations); the rest of the platform runs on.</summary>
    Failed,

    /// <summary>Enabled in the configuration, but not installed: no plugin has the id (see <see cref="ModuleRegistry.NotInstalled"/>).</summary>
    NotInstalled,
}

public static class ModuleStateText
{
    public static string German(this ModuleState state) => state switch
    {
        ModuleState.Enabled => "aktiv",
        ModuleState.Disabled => "deaktiviert",
        ModuleState.Refused => "abgelehnt",
        ModuleState.Failed => "fehlgeschlagen",
        ModuleState.NotInstalled => "konfiguriert, aber nicht installiert",
        _ => state.ToString(),
    };
}
