namespace IntegrationsPlattform.Modules.Gesundheit.Features;

/// <summary>The answer of a create: the new record's id.</summary>
internal sealed record NeueId(string Id);
