namespace IntegrationsPlattform.Contracts.Modules;

/// <summary>Lets a module ask whether a peer runs in this deployment (e.g. to hide an option).</summary>
public interface IModuleCatalog
{
    bool IsEnabled(string moduleId);
}

/// <summary>
/// Raised when a request is sent to a module that is not running in this deployment.
/// Callers of another module's contracts catch it and degrade gracefully.
/// </summary>
public sealed class ModuleNotEnabledException(string moduleId, Type requestType)
    : Exception($"Das Modul '{moduleId}' ist in dieser Installation nicht aktiv (Anfrage {requestType.Name}).")
{
    public string ModuleId { get; } = moduleId;
    public Type RequestType { get; } = requestType;
}
