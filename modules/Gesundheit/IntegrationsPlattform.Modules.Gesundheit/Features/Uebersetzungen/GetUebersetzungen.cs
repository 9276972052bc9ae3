using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Uebersetzungen;

/// <summary>
/// The translations view of one offer: its working version's German texts beside their translation into every
/// language the deployment's public pages offer, each marked missing, outdated or current. An offer outside the
/// user's scope does not exist for them (<see cref="GetAngebot"/>'s check).
/// </summary>
internal sealed record GetUebersetzungen(Guid AngebotId) : IQuery<AngebotUebersetzungen>;

internal sealed class GetUebersetzungenHandler(IModuleDatabase<GesundheitModule> database, IMediator mediator, DeploymentInfo deployment) : IRequestHandler<GetUebersetzungen, AngebotUebersetzungen>
{
    private sealed record Text(string Feld, string Sprache, string Inhalt, long Revision, long? DeRevision);

    public async Task<AngebotUebersetzungen> Handle(GetUebersetzungen request, CancellationToken cancellationToken)
    {
        var id = request.AngebotId.ToString();
        var angebot = await mediator.Send(new GetAngebot(id), cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var texte = (await connection.QueryAsync<Text>(
            "SELECT feld, sprache, text AS Inhalt, revision, de_revision AS DeRevision FROM angebot_texte WHERE angebot_id = @id AND fassung = 'arbeit'",
            new { id })).ToList();
        var deutsch = texte.Where(t => t.Sprache == Languages.German.Code).ToDictionary(t => t.Feld);

        var sprachen = deployment.PublicLanguages.Where(l => l != Languages.German).Select(sprache =>
        {
            var uebersetzt = texte.Where(t => t.Sprache == sprache.Code).ToDictionary(t => t.Feld);
            var felder = Textfelder.Alle.Where(f => deutsch.ContainsKey(f.Key)).Select(f =>
            {
                var uebersetzung = uebersetzt.GetValueOrDefault(f.Key);
                return new UebersetzungFeld(f.Key, f.Bezeichnung, deutsch[f.Key].Inhalt, uebersetzung?.Inhalt, Uebersetzungsstand.Von(deutsch[f.Key].Revision, uebersetzung?.DeRevision));
            }).ToList();
            return new UebersetzungSprache(sprache.Code, sprache.GermanName, sprache.Direction,
                felder.Count(f => f.Stand == Uebersetzungsstand.Fehlt), felder.Count(f => f.Stand == Uebersetzungsstand.Veraltet), felder);
        }).ToList();

        return new AngebotUebersetzungen(id, deutsch.GetValueOrDefault("titel")?.Inhalt ?? "(ohne Titel)", angebot.Status, sprachen);
    }
}
