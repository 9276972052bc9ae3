using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;

namespace IntegrationsPlattform.Host.Security;

/// <summary>The groups a permission can be granted for, as the running module that declares their kind answers them.</summary>
internal sealed class ScopeGroupCatalog(IEnumerable<IScopeGroupProvider> providers, PermissionCatalog permissions)
{
    /// <summary>The groups of the permission's kind; empty for a permission without groups or when no running module answers for its kind.</summary>
    public async Task<IReadOnlyList<ScopeGroup>> OfPermissionAsync(string permission, CancellationToken cancellationToken = default)
        => permissions.Find(permission)?.Groups is { } kind && providers.FirstOrDefault(p => p.Kind.Key == kind.Key) is { } provider
            ? await provider.ListAsync(cancellationToken)
            : [];

    /// <summary>Refuses group ids the permission's module does not know (400 at <c>groups</c>).</summary>
    public async Task EnsureKnownAsync(string permission, IReadOnlyCollection<string> groups, CancellationToken cancellationToken = default)
    {
        if (groups.Count == 0)
        {
            return;
        }

        var known = (await OfPermissionAsync(permission, cancellationToken)).Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        if (groups.FirstOrDefault(g => !known.Contains(g)) is { } unknown)
        {
            throw RequestValidationException.For("groups", $"'{unknown}' ist keine Gruppe, für die sich diese Berechtigung erteilen lässt.");
        }
    }
}
