using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Einsaetze;

/// <summary>Published after commit when an assignment was planned: the Lotse gets an e-mail with a calendar entry.</summary>
internal sealed record EinsatzGeplant(Guid EinsatzId) : INotification;
