using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Uebersetzungen;

/// <summary>
/// Writes an offer's texts in one public language into its working version: a text per field (empty removes that
/// translation). Each text records the revision of the German text it was made from, so saving an unchanged
/// translation confirms it against the current German text. A change to a published offer waits for review;
/// the public keeps the published texts meanwhile.
/// </summary>
internal sealed record RecordUebersetzung(Guid AngebotId, string? Sprache, IReadOnlyDictionary<string, string?> Texte) : ICommand<Done>;

internal sealed class RecordUebersetzungValidator(DeploymentInfo deployment) : IValidator<RecordUebersetzung>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(RecordUebersetzung request, CancellationToken cancellationToken)
    {
        var fehler = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Sprache))
        {
            fehler.Add(new FieldError("sprache", "Bitte die Sprache der Übersetzung angeben."));
        }
        else if (fehler.PublicLanguage("sprache", request.Sprache, deployment) == Languages.German.Code)
        {
            fehler.Add(new FieldError("sprache", "Deutsch ist der Ausgangstext; er wird am Angebot selbst geändert."));
        }

        foreach (var feld in Textfelder.Alle)
        {
            fehler.OptionalText(feld.Key, request.Texte.GetValueOrDefault(feld.Key), feld.MaxLaenge);
        }

        return Task.FromResult<IReadOnlyList<FieldError>>(fehler);
    }
}

internal sealed class RecordUebersetzungHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, ILocalClock clock) : IRequestHandler<RecordUebersetzung, Done>
{
    public async Task<Done> Handle(RecordUebersetzung request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var id = request.AngebotId.ToString();
        var sprache = Languages.Normalize(request.Sprache!);
        var lage = await AngebotSchreiben.ZumAendernAsync(tx, RecordScope.Of(user, GesundheitModule.Angebote), id);
        if (lage.Status == "archiviert")
        {
            throw new DomainRuleException("Das Angebot ist archiviert; seine Texte werden nicht mehr übersetzt.");
        }

        var deutsch = (await tx.Connection.QueryAsync<(string Feld, long Revision)>(
            "SELECT feld, revision FROM angebot_texte WHERE angebot_id = @id AND fassung = 'arbeit' AND sprache = 'de'", new { id }, tx.Sql)).ToDictionary(t => t.Feld, t => t.Revision);
        var texte = Textfelder.Alle.Select(f => (f.Key, Text: request.Texte.GetValueOrDefault(f.Key)?.Trim())).ToList();
        var ohneVorlage = texte.Where(t => !string.IsNullOrEmpty(t.Text) && !deutsch.ContainsKey(t.Key))
            .Select(t => new FieldError(t.Key, "Zu diesem Feld gibt es keinen deutschen Text, der übersetzt werden könnte.")).ToList();
        if (ohneVorlage.Count > 0)
        {
            throw new RequestValidationException(ohneVorlage);
        }

        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var wer = AngebotSchreiben.Wer(user);
        var geaendert = 0;
        foreach (var (feld, text) in texte)
        {
            geaendert += string.IsNullOrEmpty(text)
                ? await tx.Connection.ExecuteAsync(
                    "DELETE FROM angebot_texte WHERE angebot_id = @id AND fassung = 'arbeit' AND sprache = @sprache AND feld = @feld", new { id, sprache, feld }, tx.Sql)
                : await tx.Connection.ExecuteAsync(
                    """
                    INSERT INTO angebot_texte (angebot_id, fassung, sprache, feld, text, revision, de_revision, geaendert_am, geaendert_von)
                    VALUES (@id, 'arbeit', @sprache, @feld, @text, 1, @deRevision, @jetzt, @wer)
                    ON CONFLICT (angebot_id, fassung, sprache, feld) DO UPDATE SET
                        revision = revision + (text <> excluded.text), text = excluded.text, de_revision = excluded.de_revision,
                        geaendert_am = excluded.geaendert_am, geaendert_von = excluded.geaendert_von
                    WHERE text <> excluded.text OR de_revision <> excluded.de_revision
                    """,
                    new { id, sprache, feld, text, deRevision = deutsch[feld], jetzt, wer }, tx.Sql);
        }

        if (geaendert > 0 && lage.Status == "veroeffentlicht" && lage.Aenderung != "zur_pruefung")
        {
            await AngebotSchreiben.StatusAsync(tx, id, lage.Status, lage.Status, "zur_pruefung", jetzt, wer, "Übersetzung wartet auf Prüfung", geprueft: false);
        }

        return Done.Value;
    }
}
