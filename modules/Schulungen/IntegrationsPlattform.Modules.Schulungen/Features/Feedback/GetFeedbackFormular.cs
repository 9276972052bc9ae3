using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Feedback;

/// <summary>What the public form shows for a link: the course; an unknown, used or expired link answers with its message.</summary>
internal sealed record GetFeedbackFormular(string Token) : IQuery<FeedbackFormular>;

internal sealed record FeedbackFormular(string KursTitel);

internal sealed class GetFeedbackFormularHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock) : IRequestHandler<GetFeedbackFormular, FeedbackFormular>
{
    public async Task<FeedbackFormular> Handle(GetFeedbackFormular request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return new FeedbackFormular((await FeedbackEinladung.PruefenAsync(connection, request.Token, clock)).Titel);
    }
}
