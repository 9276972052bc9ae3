using MediatR;

namespace IntegrationsPlattform.Contracts.Messaging;

/// <summary>A request that changes state: it runs in one transaction of its module's database.</summary>
public interface ICommand<out TResult> : IRequest<TResult>;

/// <summary>
/// A command that writes a large set at once (demo and benchmark data, up to 100,000 rows): it runs in a
/// transaction of its own, never shared with other commands, with a page cache large enough to keep the
/// set in memory until the commit, and the host refreshes the query planner's statistics after it. This
/// is the one way to tune a bulk write: a module never sets connection settings (PRAGMAs) itself.
/// </summary>
public interface IBulkCommand<out TResult> : ICommand<TResult>;

/// <summary>A request that only reads.</summary>
public interface IQuery<out TResult> : IRequest<TResult>;

/// <summary>Used as the result of commands that return nothing.</summary>
public readonly record struct Done
{
    public static readonly Done Value;
}
