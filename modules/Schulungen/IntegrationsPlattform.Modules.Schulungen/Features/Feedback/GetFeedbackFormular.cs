using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Feedback;

/// <summary>What the public form shows for a link: the course; an unknown, used or expired link answers with its message.</summary>
internal sealed record GetFeedbackFormular(string Token) : IQuery<FeedbackFormular>;

internal sealed record FeedbackFormular(string KursTitel);

/// <summary>For the public page: whether a link is open, and else why not, so that the page says it in the visitor's language.</summary>
internal sealed record GetFeedbackLinkStand(string Token) : IQuery<FeedbackLinkStand>;

/// <summary>The link's state; the course only while it is open, the last day only when it has expired.</summary>
internal sealed record FeedbackLinkStand(FeedbackLinkZustand Zustand, string? KursTitel, DateOnly? AbgelaufenAm);

internal sealed class GetFeedbackFormularHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock) : IRequestHandler<GetFeedbackFormular, FeedbackFormular>
{
    public async Task<FeedbackFormular> Handle(GetFeedbackFormular request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return new FeedbackFormular((await FeedbackEinladung.PruefenAsync(connection, request.Token, clock)).Titel);
    }
}

internal sealed class GetFeedbackLinkStandHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock) : IRequestHandler<GetFeedbackLinkStand, FeedbackLinkStand>
{
    public async Task<FeedbackLinkStand> Handle(GetFeedbackLinkStand request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var stand = await FeedbackEinladung.StandAsync(connection, request.Token, clock);
        return new FeedbackLinkStand(
            stand.Zustand,
            stand.Zustand == FeedbackLinkZustand.Offen ? stand.Einladung!.Titel : null,
            stand.Zustand == FeedbackLinkZustand.Abgelaufen ? stand.GueltigBisTag : null);
    }
}
