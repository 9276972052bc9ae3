namespace IntegrationsPlattform.Contracts.Security;

/// <summary>
/// A kind of group that a module's records belong to, such as a council (Beirat) or a provider organisation:
/// admins grant a scopable permission for some groups of this kind as they grant it for some municipalities, so a
/// council member edits only her council. <paramref name="Key"/> is unique in the installation (prefix it with the
/// module id); <paramref name="DisplayName"/> names one group in German („Beirat“), <paramref name="PluralName"/> several („Beiräte“).
/// </summary>
public sealed record ScopeGroupKind(string Key, string DisplayName, string PluralName);

/// <summary>One group of a <see cref="ScopeGroupKind"/>: its stable id (what records and grants store) and its German name.</summary>
public sealed record ScopeGroup(string Id, string Name);

/// <summary>
/// A module's answer to which groups of its kind exist (found by convention like the indicator providers). The host
/// offers them when an admin grants a permission declared with <see cref="PermissionDefinition.Groups"/> of this kind,
/// and refuses a grant for a group not in the list.
/// </summary>
public interface IScopeGroupProvider
{
    ScopeGroupKind Kind { get; }

    Task<IReadOnlyList<ScopeGroup>> ListAsync(CancellationToken cancellationToken);
}
