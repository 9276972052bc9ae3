using IntegrationsPlattform.Contracts.Security;

namespace IntegrationsPlattform.TestPlugins.Beispiel;

/// <summary>
/// The working groups (Arbeitskreise) an entry may belong to, the module's own kind of scope group: a grant for the
/// „Arbeitskreis Sport“ reaches its entries wherever they lie. A fixed list, so that the tests know the ids; a real
/// module reads its groups (councils, providers) from its database.
/// </summary>
internal sealed class Arbeitskreise : IScopeGroupProvider
{
    public static readonly ScopeGroupKind Art = new("beispiel.arbeitskreis", "Arbeitskreis", "Arbeitskreise");

    public static readonly IReadOnlyList<ScopeGroup> Alle = [new("sport", "Arbeitskreis Sport"), new("sprache", "Arbeitskreis Sprache")];

    public ScopeGroupKind Kind => Art;

    public Task<IReadOnlyList<ScopeGroup>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(Alle);
}
