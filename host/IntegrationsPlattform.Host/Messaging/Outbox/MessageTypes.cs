using System.Reflection;
using MediatR;

namespace IntegrationsPlattform.Host.Messaging.Outbox;

/// <summary>
/// The message types that may travel through an outbox: the notifications and requests of the contracts
/// assemblies the host loaded for the modules (once, into the default context) and of the SDK itself. A stored message names its
/// type by its full name, and only these names are resolved — never a search over every loaded assembly,
/// where each plugin's load context could hold a type of the same name.
/// </summary>
internal sealed class MessageTypes
{
    private readonly Dictionary<string, Type> _byName;

    public MessageTypes(IEnumerable<Assembly> contractsAssemblies)
        => _byName = contractsAssemblies.Distinct()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && (typeof(INotification).IsAssignableFrom(t) || typeof(IBaseRequest).IsAssignableFrom(t)))
            .ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    public string NameOf(Type type)
        => _byName.TryGetValue(type.FullName ?? "", out var known) && known == type
            ? type.FullName!
            : throw new InvalidOperationException($"{type.Name} ist kein Nachrichtentyp aus einem Vertrags-Assembly (contracts/): nur solche Typen gehen über den Postausgang zu anderen Modulen.");

    public Type Resolve(string name)
        => _byName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Der Nachrichtentyp {name} ist keinem geladenen Vertrags-Assembly bekannt.");
}
