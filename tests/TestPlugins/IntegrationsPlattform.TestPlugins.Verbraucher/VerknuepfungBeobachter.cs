using System.Collections.Concurrent;
using IntegrationsPlattform.Contracts.Kernel;
using MediatR;

namespace IntegrationsPlattform.TestPlugins.Verbraucher;

/// <summary>
/// Follows the status of linked records without knowing the module that holds them, as Konzept's measures will:
/// keeps every <see cref="LinkableRecordChanged"/> it received, for the tests to read.
/// </summary>
internal sealed class VerknuepfungBeobachter : INotificationHandler<LinkableRecordChanged>
{
    public static readonly ConcurrentQueue<LinkableRecordChanged> Empfangen = new();

    public Task Handle(LinkableRecordChanged notification, CancellationToken cancellationToken)
    {
        Empfangen.Enqueue(notification);
        return Task.CompletedTask;
    }
}
