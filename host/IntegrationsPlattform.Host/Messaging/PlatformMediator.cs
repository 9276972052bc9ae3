using System.Collections.Concurrent;
using Autofac;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Host.Modules;
using MediatR;

namespace IntegrationsPlattform.Host.Messaging;

/// <summary>
/// The mediator modules get: MediatR's, with three changes. Before sending, it turns "no handler, because
/// the owning module is off" into <see cref="Contracts.Modules.ModuleNotEnabledException"/>; a failing
/// notification handler is logged and does not stop the others; and the behaviours of a request type
/// come from its <see cref="RequestPipelines">pipeline plan</see>. One per lifetime scope: handlers and
/// behaviours are resolved from the scope it was created in.
/// </summary>
internal sealed class PlatformMediator(ILifetimeScope scope, RequestPipelines pipelines)
    : Mediator(serviceType => pipelines.Resolve(scope, serviceType)), IMediator
{
    // MediatR 5's Send is not virtual: this class implements IMediator again so that the interface,
    // which is all callers get, maps to this Send.
    public new Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        pipelines.Registry.EnsureServed(request.GetType());
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
                pipelines.LogNotificationFailure(ex);
                continue;
            }

            try
            {
                await running;
            }
            catch (Exception ex)
            {
                pipelines.LogNotificationFailure(ex);
            }
        }
    }
}

/// <summary>
/// Answers what MediatR asks its service factory for. Handlers come from the request's lifetime scope.
/// The behaviours of a request type — MediatR asks for them on every request — follow a plan made once
/// per request type, in nesting order: the logging behaviour (one instance per request type), the
/// validation behaviour only if validators for the request are registered, the transaction behaviour
/// only for commands. Resolving the behaviour collection from Autofac on every request would cost four
/// resolutions per query for two behaviours that are either shared or do nothing.
/// </summary>
internal sealed class RequestPipelines(ILifetimeScope root, ModuleRegistry registry, ILogger<PlatformMediator> logger)
{
    // null: the type is not a behaviour list, resolve it as it is.
    private readonly ConcurrentDictionary<Type, IPipelinePlan?> _plans = new();

    public ModuleRegistry Registry => registry;

    public object? Resolve(ILifetimeScope scope, Type serviceType)
        => _plans.GetOrAdd(serviceType, PlanFor) is { } plan ? plan.Behaviours(scope) : scope.ResolveOptional(serviceType);

    public void LogNotificationFailure(Exception exception)
        => logger.LogError(exception, "Ein Empfänger einer Benachrichtigung ist fehlgeschlagen; die übrigen laufen weiter.");

    private IPipelinePlan? PlanFor(Type serviceType)
    {
        if (!serviceType.IsGenericType || serviceType.GetGenericTypeDefinition() != typeof(IEnumerable<>)
            || serviceType.GetGenericArguments()[0] is not { IsGenericType: true } behaviour
            || behaviour.GetGenericTypeDefinition() != typeof(IPipelineBehavior<,>))
        {
            return null;
        }

        var (request, response) = (behaviour.GetGenericArguments()[0], behaviour.GetGenericArguments()[1]);
        var logging = root.Resolve(typeof(LoggingBehavior<,>).MakeGenericType(request, response));
        var validation = root.IsRegistered(typeof(IValidator<>).MakeGenericType(request))
            ? typeof(ValidationBehavior<,>).MakeGenericType(request, response)
            : null;
        var transaction = typeof(ICommand<>).MakeGenericType(response).IsAssignableFrom(request)
            ? typeof(TransactionBehavior<,>).MakeGenericType(request, response)
            : null;
        return (IPipelinePlan)Activator.CreateInstance(typeof(PipelinePlan<,>).MakeGenericType(request, response), logging, validation, transaction)!;
    }

    private interface IPipelinePlan
    {
        object Behaviours(ILifetimeScope scope);
    }

    private sealed class PipelinePlan<TRequest, TResponse>(IPipelineBehavior<TRequest, TResponse> logging, Type? validation, Type? transaction) : IPipelinePlan
    {
        private readonly IPipelineBehavior<TRequest, TResponse>[] _loggingOnly = [logging];

        public object Behaviours(ILifetimeScope scope)
        {
            if (validation is null && transaction is null)
            {
                return _loggingOnly;
            }

            var behaviours = new List<IPipelineBehavior<TRequest, TResponse>>(3) { logging };
            if (validation is not null)
            {
                behaviours.Add((IPipelineBehavior<TRequest, TResponse>)scope.Resolve(validation));
            }

            if (transaction is not null)
            {
                behaviours.Add((IPipelineBehavior<TRequest, TResponse>)scope.Resolve(transaction));
            }

            return behaviours;
        }
    }
}
