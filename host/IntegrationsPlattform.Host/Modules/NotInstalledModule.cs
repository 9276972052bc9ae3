namespace IntegrationsPlattform.Host.Modules;

/// <summary>An id the configuration enables for which no plugin folder holds a module: listed, nothing runs.</summary>
internal sealed record NotInstalledModule(string Id)
{
    public ModuleState State => ModuleState.NotInstalled;

    public string Reason => $"In der Konfiguration aktiviert (Modules:{Id}:Enabled), aber im Plugin-Verzeichnis liegt kein Modul mit dieser Id.";
}
