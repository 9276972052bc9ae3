using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>Records the end of every agreement whose planned end has passed by <paramref name="Heute"/>.</summary>
internal sealed record EndAbgelaufeneVereinbarungen(DateOnly Heute, DateTimeOffset Jetzt) : ICommand<int>;

internal sealed class EndAbgelaufeneVereinbarungenHandler(IModuleDatabase<LotsenModule> database, DeploymentInfo deployment) : IRequestHandler<EndAbgelaufeneVereinbarungen, int>
{
    public Task<int> Handle(EndAbgelaufeneVereinbarungen request, CancellationToken cancellationToken)
        => Vereinbarungsende.BeendeAbgelaufeneAsync(database.Transaction, request.Heute, request.Jetzt, deployment);
}
