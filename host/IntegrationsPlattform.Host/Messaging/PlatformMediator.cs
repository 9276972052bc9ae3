using IntegrationsPlattform.Host.Modules;
using MediatR;

namespace IntegrationsPlattform.Host.Messaging;

/// <summary>
/// The mediator modules get: MediatR's, with two changes. Before sending, it turns "no handler, because
/// the owning module is off" into <see cref="Contracts.Modules.ModuleNotEnabledException"/>; a failing
/// notification handler is logged and does not stop the others.
/// </summary>
internal sealed class PlatformMediator(ServiceFactory serviceFactory, ModuleRegistry registry, ILogger<PlatformMediator> logger) : Mediator(serviceFactory), IMediator
{
    // MediatR 5's Send is not virtual: this class implements IMediator again so that the interface,
    // which is all callers get, maps to this Send.
    public new Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        registry.EnsureServed(request.GetType());
        return base.Send(request, cancellationToken);
    }

    // MediatR 5 hands over the handler calls as a lazy sequence: a handler that throws synchronously
    // throws while the sequence is enumerated, one that fails asynchronously when its task is awaited.
    protected override async Task PublishCore(IEnumerable<Task> allHandlers)
    {
        using var handlers = allHandlers.GetEnumerator();
        while (true)
        {
            Task running;
            try
            {
                if (!handlers.MoveNext())
                {
                    return;
                }

                running = handlers.Current;
            }
            catch (Exception ex)
            {
                LogFailure(ex);
                continue;
            }

            try
            {
                await running;
            }
            catch (Exception ex)
            {
                LogFailure(ex);
            }
        }
    }

    private void LogFailure(Exception exception)
        => logger.LogError(exception, "Ein Empfänger einer Benachrichtigung ist fehlgeschlagen; die übrigen laufen weiter.");
}
