using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Lotsen;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;

/// <summary>What staff (form, API) enter for a new request. Times of day as "HH:MM".</summary>
internal sealed record AnfrageEingabe(
    string? Kennung,
    string? Kontakt,
    IReadOnlyList<string>? Sprachen,
    string? Thema,
    string? Ziel,
    string? KommuneAgs,
    DateOnly? DatumVon,
    DateOnly? DatumBis,
    string? UhrzeitVon,
    string? UhrzeitBis,
    string? VermitteltDurch,
    string? Notiz);

internal sealed record CreateAnfrage(AnfrageEingabe Eingabe) : ICommand<Guid>;

/// <summary>The rules of a new request, shared by staff entry and the contract other modules use.</summary>
internal static class AnfrageRegeln
{
    public const int MaxTageZeitraum = 92;

    public static List<FieldError> Pruefe(AnfrageEingabe e, DeploymentInfo deployment, LotsenSettings settings, bool vonModul)
    {
        var fehler = new List<FieldError>();
        fehler.RequiredText("kennung", e.Kennung, 50, "ein Kürzel oder Pseudonym (keinen vollen Namen)");
        fehler.OptionalText("kontakt", e.Kontakt, 200);
        fehler.OptionalText("ziel", e.Ziel, 200);
        fehler.OptionalText("notiz", e.Notiz, 2000);

        var sprachen = (e.Sprachen ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(Languages.Normalize).ToList();
        if (sprachen.Count == 0)
        {
            fehler.Add(new FieldError("sprachen", "Bitte mindestens eine Sprache angeben."));
        }
        else
        {
            sprachen.ForEach(code => fehler.LanguageCode("sprachen", code));
        }

        if (string.IsNullOrWhiteSpace(e.Thema) || !settings.Themen.ContainsKey(e.Thema))
        {
            fehler.Add(new FieldError("thema", "Bitte ein Thema wählen."));
        }

        fehler.Municipality("kommuneAgs", e.KommuneAgs, deployment, required: true);
        fehler.Required("datumVon", e.DatumVon, "den Beginn des Zeitraums");
        fehler.DayRange("datumBis", e.DatumVon, e.DatumBis, MaxTageZeitraum);
        fehler.TimeRange("uhrzeitBis", fehler.TimeOfDay("uhrzeitVon", e.UhrzeitVon, required: false), fehler.TimeOfDay("uhrzeitBis", e.UhrzeitBis, required: false));

        if (!vonModul && !Vermittler.IstWaehlbar(e.VermitteltDurch))
        {
            fehler.Add(new FieldError("vermitteltDurch", "Bitte angeben, wer die Anfrage vermittelt hat."));
        }

        return fehler;
    }
}

internal sealed class CreateAnfrageValidator(DeploymentInfo deployment, LotsenSettings settings) : IValidator<CreateAnfrage>
{
    public async Task<IReadOnlyList<FieldError>> ValidateAsync(CreateAnfrage request, CancellationToken cancellationToken)
        => AnfrageRegeln.Pruefe(request.Eingabe, deployment, settings, vonModul: false);
}

internal sealed class CreateLotsenAnfrageValidator(DeploymentInfo deployment, LotsenSettings settings) : IValidator<CreateLotsenAnfrage>
{
    public async Task<IReadOnlyList<FieldError>> ValidateAsync(CreateLotsenAnfrage request, CancellationToken cancellationToken)
    {
        var fehler = AnfrageRegeln.Pruefe(AnfrageAnlage.AusVertrag(request), deployment, settings, vonModul: true);
        if (string.IsNullOrWhiteSpace(request.QuelleModul))
        {
            fehler.Add(new FieldError("quelleModul", "Das anfragende Modul fehlt."));
        }

        return fehler;
    }
}

/// <summary>Writes a validated request with its languages and the first case-log entry.</summary>
internal sealed class AnfrageAnlage(IModuleDatabase<LotsenModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
{
    public static AnfrageEingabe AusVertrag(CreateLotsenAnfrage r)
        => new(r.Kennung, r.Kontakt, r.SprachenCodes, r.Thema, r.Ziel, r.KommuneAgs, r.FruehestensAm, r.SpaetestensAm, null, null, Vermittler.Modul, null);

    public async Task<Guid> AnlegenAsync(AnfrageEingabe e, string? quelleModul, CancellationToken cancellationToken, Guid? korrelation = null)
    {
        var id = Guid.CreateVersion7();
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var tx = database.Transaction;
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO anfragen (id, kennung, kontakt, thema, ziel, kommune_ags, datum_von, datum_bis, uhrzeit_von, uhrzeit_bis,
                                  vermittelt_durch, quelle_modul, korrelations_id, status, angelegt_am)
            VALUES (@id, @kennung, @kontakt, @thema, @ziel, @ags, @von, @bis, @uhrVon, @uhrBis, @durch, @quelle, @korrelation, 'offen', @jetzt)
            """,
            new
            {
                id = id.ToString(),
                kennung = e.Kennung!.Trim(),
                kontakt = Leer(e.Kontakt),
                thema = e.Thema,
                ziel = Leer(e.Ziel),
                ags = e.KommuneAgs,
                von = GermanFormat.StoredDay(e.DatumVon!.Value),
                bis = GermanFormat.StoredDay(e.DatumBis ?? e.DatumVon.Value),
                uhrVon = Leer(e.UhrzeitVon),
                uhrBis = Leer(e.UhrzeitBis),
                durch = e.VermitteltDurch,
                quelle = quelleModul,
                korrelation = korrelation?.ToString(),
                jetzt,
            },
            tx.Sql);
        foreach (var code in e.Sprachen!.Where(s => !string.IsNullOrWhiteSpace(s)).Select(Languages.Normalize).Distinct())
        {
            await tx.Connection.ExecuteAsync("INSERT INTO anfrage_sprachen (anfrage_id, code) VALUES (@id, @code)", new { id = id.ToString(), code }, tx.Sql);
        }

        var notiz = quelleModul is null ? Leer(e.Notiz) : $"übergeben vom Programm {quelleModul}";
        await AnfrageLog.SchreibeAsync(tx, id.ToString(), "angelegt", notiz, user.DisplayName ?? quelleModul ?? "System", jetzt);
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Anfrage", id.ToString(), quelleModul is null ? "" : $"von {quelleModul}"), cancellationToken);
        return id;
    }

    private static string? Leer(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The correlation id a handed-over request came with; the notifications about it carry it back to the sender.</summary>
internal static class AnfrageKorrelation
{
    public static async Task<Guid?> LiesAsync(ModuleTransaction tx, string anfrageId)
        => await tx.Connection.ExecuteScalarAsync<string?>("SELECT korrelations_id FROM anfragen WHERE id = @anfrageId", new { anfrageId }, tx.Sql) is { } id
            ? Guid.Parse(id)
            : null;
}

internal static class AnfrageLog
{
    public static Task SchreibeAsync(ModuleTransaction tx, string anfrageId, string art, string? notiz, string durch, string am)
        => tx.Connection.ExecuteAsync(
            "INSERT INTO anfrage_aktivitaeten (id, anfrage_id, art, notiz, am, durch) VALUES (@id, @anfrageId, @art, @notiz, @am, @durch)",
            new { id = Guid.CreateVersion7().ToString(), anfrageId, art, notiz, am, durch },
            tx.Sql);
}

internal sealed class CreateAnfrageHandler(AnfrageAnlage anlage, IModuleDatabase<LotsenModule> database, ICurrentUser user) : IRequestHandler<CreateAnfrage, Guid>
{
    public async Task<Guid> Handle(CreateAnfrage request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        // A new request has no Lotse yet, so it belongs to nobody: only the municipality decides.
        var sicht = await AnfragenReichweite.FuerAsync(user, LotsenModule.Bearbeiten, tx.Connection, tx.Sql);
        sicht.EnsureWritable([request.Eingabe.KommuneAgs!], null, "Anfrage", null, "kommuneAgs");
        return await anlage.AnlegenAsync(request.Eingabe, null, cancellationToken);
    }
}

/// <summary>
/// Another module hands over a need for accompaniment (contract). The receiving module's own rules decide
/// (<see cref="CreateLotsenAnfrageValidator"/>), not the grants of whoever uses the other module. Handed over
/// through the sender's outbox (with a correlation id), the answer with the new id goes back the same way.
/// </summary>
internal sealed class CreateLotsenAnfrageHandler(AnfrageAnlage anlage, IModuleDatabase<LotsenModule> database) : IRequestHandler<CreateLotsenAnfrage, Guid>
{
    public async Task<Guid> Handle(CreateLotsenAnfrage request, CancellationToken cancellationToken)
    {
        var quelle = request.QuelleModul.Trim();
        var korrelation = request.KorrelationsId == Guid.Empty ? (Guid?)null : request.KorrelationsId;
        var id = await anlage.AnlegenAsync(AnfrageAnlage.AusVertrag(request), quelle, cancellationToken, korrelation);
        if (korrelation is { } k)
        {
            database.Transaction.PublishAfterCommit(new LotsenAnfrageAngelegt(id, quelle, k));
        }

        return id;
    }
}
