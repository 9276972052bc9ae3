using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Materialausgaben;

/// <summary>
/// Records material handed out; returns its id. A hand-out for a campaign lies in one of the campaign's municipalities,
/// and a called-off campaign takes none.
/// </summary>
internal sealed record RecordMaterialausgabe(MaterialausgabeEingabe Eingabe) : ICommand<string>;

internal sealed class RecordMaterialausgabeValidator(DeploymentInfo deployment, ILocalClock clock) : IValidator<RecordMaterialausgabe>
{
    public const int HoechsteAnzahl = 1_000_000;

    public Task<IReadOnlyList<FieldError>> ValidateAsync(RecordMaterialausgabe request, CancellationToken cancellationToken)
    {
        var e = request.Eingabe;
        var errors = new List<FieldError>();
        errors.RequiredText("material", e.Material, 200, "das Material");
        var sprachen = (e.Sprachen ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        if (sprachen.Count == 0)
        {
            errors.Add(new FieldError("sprachen", "Bitte mindestens eine Sprache des Materials angeben."));
        }

        foreach (var sprache in sprachen)
        {
            errors.LanguageCode("sprachen", sprache);
        }

        Barrierenarten.Pruefen(errors, "einrichtungArt", e.EinrichtungArt, Einrichtungsarten.Alle, "Einrichtung", required: true);
        errors.RequiredText("einrichtung", e.Einrichtung, 200, "den Namen der Einrichtung");
        errors.Municipality("kommuneAgs", e.KommuneAgs, deployment, required: true);
        if (errors.Required("anzahl", e.Anzahl, "die Anzahl") is { } anzahl && anzahl is < 1 or > HoechsteAnzahl)
        {
            errors.Add(new FieldError("anzahl", $"Die Anzahl muss zwischen 1 und {HoechsteAnzahl:N0} liegen."));
        }

        errors.NotInFuture("datum", errors.Day("datum", e.Datum, required: true), clock.Today, "Eine Ausgabe");
        if (errors.OptionalText("kampagneId", e.KampagneId, 36) is { } kampagne && !Guid.TryParse(kampagne, out _))
        {
            errors.Add(new FieldError("kampagneId", "Die Kampagne ist nicht gültig."));
        }

        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class RecordMaterialausgabeHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<RecordMaterialausgabe, string>
{
    public async Task<string> Handle(RecordMaterialausgabe request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var e = request.Eingabe;
        var kommune = e.KommuneAgs!.Trim();
        var kampagneId = AngebotSchreiben.Sauber(e.KampagneId)?.ToLowerInvariant();
        if (kampagneId is not null)
        {
            await KampagnePruefenAsync(tx, kampagneId, kommune);
        }

        var id = Guid.CreateVersion7().ToString();
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO materialausgaben (id, kampagne_id, material, einrichtung_art, einrichtung, anzahl, datum, kommune_ags, erfasst_am, erfasst_von)
            VALUES (@id, @kampagneId, @material, @art, @einrichtung, @anzahl, @datum, @kommune, @jetzt, @wer)
            """,
            new
            {
                id,
                kampagneId,
                material = e.Material!.Trim(),
                art = e.EinrichtungArt!.Trim(),
                einrichtung = e.Einrichtung!.Trim(),
                anzahl = e.Anzahl!.Value,
                datum = e.Datum!.Trim(),
                kommune,
                jetzt = GermanFormat.StoredInstant(clock.UtcNow),
                wer = AngebotSchreiben.Wer(user),
            },
            tx.Sql);
        await tx.Connection.ExecuteAsync(
            "INSERT INTO materialausgabe_sprachen (ausgabe_id, sprache) VALUES (@id, @sprache)",
            e.Sprachen!.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => Languages.Normalize(s!)).Distinct().Select(sprache => new { id, sprache }),
            tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Materialausgabe", id), cancellationToken);
        return id;
    }

    private static async Task KampagnePruefenAsync(ModuleTransaction tx, string kampagneId, string kommune)
    {
        var status = await tx.Connection.QuerySingleOrDefaultAsync<string>("SELECT status FROM kampagnen WHERE id = @kampagneId", new { kampagneId }, tx.Sql)
            ?? throw RequestValidationException.For("kampagneId", "Diese Kampagne gibt es nicht.");
        if (status == "abgesagt")
        {
            throw RequestValidationException.For("kampagneId", "Die Kampagne ist abgesagt; eine Ausgabe lässt sich ihr nicht mehr zuordnen.");
        }

        if (await tx.Connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM kampagne_kommunen WHERE kampagne_id = @kampagneId AND kommune_ags = @kommune", new { kampagneId, kommune }, tx.Sql) == 0)
        {
            throw RequestValidationException.For("kommuneAgs", "Die Kampagne läuft nicht in dieser Kommune.");
        }
    }
}
