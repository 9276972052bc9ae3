using MediatR;

namespace IntegrationsPlattform.Contracts.Messaging;

/// <summary>A request that changes state: it runs in one transaction of its module's database.</summary>
public interface ICommand<out TResult> : IRequest<TResult>;

/// <summary>A request that only reads.</summary>
public interface IQuery<out TResult> : IRequest<TResult>;

/// <summary>Used as the result of commands that return nothing.</summary>
public readonly record struct Done
{
    public static readonly Done Value;
}
