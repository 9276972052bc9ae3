using System.Reflection;
using IntegrationsPlattform.Contracts.Modules;

namespace IntegrationsPlattform.Host.Modules;

/// <summary>
/// Every discovered module and the look-ups the host needs at run time, and the ids the configuration
/// enables without an installed plugin (<paramref name="notInstalled"/>). Built once at start-up.
/// </summary>
internal sealed class ModuleRegistry(IReadOnlyList<InstalledModule> modules, IReadOnlyList<NotInstalledModule> notInstalled) : IModuleCatalog
{
    private readonly Dictionary<Type, InstalledModule> _requestOwners = [];
    private readonly Dictionary<Type, List<InstalledModule>> _notificationReceivers = [];
    private readonly Dictionary<Assembly, InstalledModule> _contractsOwners =
        modules.SelectMany(m => m.ContractsAssemblies.Select(a => (a, m))).ToDictionary(p => p.a, p => p.m);

    public IReadOnlyList<InstalledModule> All { get; } = modules;

    public IEnumerable<InstalledModule> Running => All.Where(m => m.IsRunning);

    /// <summary>Enabled in the configuration, but no plugin folder holds a module with this id: a Kreis may prepare its configuration before installing the module.</summary>
    public IReadOnlyList<NotInstalledModule> NotInstalled { get; } = notInstalled;

    public bool IsEnabled(string moduleId) => Find(moduleId)?.IsRunning == true;

    public InstalledModule? Find(string moduleId)
        => All.FirstOrDefault(m => m.Manifest is not null && string.Equals(m.Manifest.Id, moduleId, StringComparison.OrdinalIgnoreCase));

    public InstalledModule? OfAssembly(Assembly assembly) => All.FirstOrDefault(m => m.Assembly == assembly);

    public InstalledModule OfModuleType(Type moduleType)
        => All.FirstOrDefault(m => m.Instance?.GetType() == moduleType)
           ?? throw new InvalidOperationException($"{moduleType.FullName} ist kein geladenes Modul.");

    /// <summary>The module whose handler serves this request type (for its transaction), if a module owns it.</summary>
    public InstalledModule? OwnerOfRequest(Type requestType) => _requestOwners.GetValueOrDefault(requestType);

    public void RegisterRequestOwner(Type requestType, InstalledModule module) => _requestOwners[requestType] = module;

    /// <summary>The running modules with a handler for this notification type, in start order.</summary>
    public IReadOnlyList<InstalledModule> NotificationReceivers(Type notificationType)
        => _notificationReceivers.TryGetValue(notificationType, out var receivers) ? receivers.Where(m => m.IsRunning).ToList() : [];

    public void RegisterNotificationReceiver(Type notificationType, InstalledModule module)
    {
        if (!_notificationReceivers.TryGetValue(notificationType, out var receivers))
        {
            _notificationReceivers[notificationType] = receivers = [];
        }

        if (!receivers.Contains(module))
        {
            receivers.Add(module);
        }
    }

    /// <summary>
    /// A request type declared in a module's contracts assembly can only be served while that module
    /// runs; otherwise the caller gets a typed <see cref="ModuleNotEnabledException"/>.
    /// </summary>
    public void EnsureServed(Type requestType)
    {
        if (_contractsOwners.TryGetValue(requestType.Assembly, out var owner) && !owner.IsRunning)
        {
            throw new ModuleNotEnabledException(owner.Id, requestType);
        }
    }
}
