using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Contracts.Beispiel;

/// <summary>How many entries the Beispiel module holds for a municipality (no personal data).</summary>
public sealed record CountBeispielEintraege(string KommuneAgs) : IQuery<int>;

/// <summary>Published after an entry was stored.</summary>
public sealed record BeispielEintragAngelegt(Guid Id, string KommuneAgs) : INotification;
