using System.Diagnostics;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Host.Messaging.Outbox;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.Security;
using IntegrationsPlattform.Host.Storage;
using MediatR;

namespace IntegrationsPlattform.Host.Messaging;

/// <summary>Logs every request with its duration and outcome — the type name only, never its content (personal data).</summary>
internal sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.LogDebug("{Request} in {ElapsedMs:0.0} ms", typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return response;
        }
        catch (Exception ex) when (ex is RequestValidationException or DomainRuleException or RecordNotFoundException or OutOfScopeException)
        {
            logger.LogInformation("{Request} abgewiesen ({Reason}) nach {ElapsedMs:0.0} ms", typeof(TRequest).Name, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError("{Request} fehlgeschlagen ({Error}) nach {ElapsedMs:0.0} ms", typeof(TRequest).Name, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}

/// <summary>
/// Runs the request's validators; any field error stops the request before its handler. Only in the
/// pipeline of requests that have validators (see <see cref="RequestPipelines"/>).
/// </summary>
internal sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var errors = new List<FieldError>();
        foreach (var validator in validators)
        {
            errors.AddRange(await validator.ValidateAsync(request, cancellationToken));
        }

        return errors.Count > 0 ? throw new RequestValidationException(errors) : await next();
    }
}

/// <summary>
/// A command (and only a command: the type constraint keeps the behaviour out of queries' pipelines)
/// runs in a transaction of its module's database (its own savepoint of a transaction that queued
/// commands share, see <see cref="ModuleTransactions"/>); the audit rows it recorded are written after the
/// commit, before the response, and the outbox's delivery is woken when it wrote messages. Nested
/// commands to the same module join the open transaction. A write refused for the user's scope
/// (<see cref="OutOfScopeException"/>) is recorded in the audit trail once all it wrote is rolled back.
/// </summary>
internal sealed class TransactionBehavior<TRequest, TResponse>(ModuleRegistry registry, ModuleTransactions transactions, AuditWriter audit, AuditTrail trail, OutboxDispatcher outbox)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICommand<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var databasePath = registry.OwnerOfRequest(typeof(TRequest))?.DatabasePath;
        if (databasePath is null || transactions.Current(databasePath) is not null)
        {
            return await next();
        }

        var transaction = await transactions.BeginAsync(databasePath, cancellationToken, bulk: request is IBulkCommand<TResponse>);
        TResponse response;
        try
        {
            response = await next();
        }
        catch (Exception ex)
        {
            await transactions.EndAsync(databasePath, commit: false);
            // Recorded by the outermost command only: a command nested in another module's command is rolled
            // back together with that one, and its entries would be dropped with it.
            if (ex is OutOfScopeException refused && !transactions.AnyOpen)
            {
                // Not the request's token: the refusal happened, whether or not the client still waits for the answer.
                await trail.RecordAsync(refused.Refusal, CancellationToken.None);
            }

            throw;
        }

        var auditRows = transactions.DeferredAuditRows(databasePath);
        await transactions.EndAsync(databasePath, commit: true);
        if (transaction.WroteToOutbox)
        {
            outbox.Wake();
        }

        await audit.WriteAsync(auditRows);
        return response;
    }
}
