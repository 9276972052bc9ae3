using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

/// <summary>The checks of a Lotse's data, shared by registration and update, with German messages per field.</summary>
internal sealed class LotseDatenPruefung(IMediator mediator, LotsenSettings settings, IModuleDatabase<LotsenModule> database, ILocalClock clock)
{
    public async Task<List<FieldError>> PruefeAsync(LotseDaten d, Guid? id, bool neu, CancellationToken ct)
    {
        var fehler = new List<FieldError>();
        Text(fehler, "vorname", "Vorname", d.Vorname, 100, pflicht: true);
        Text(fehler, "nachname", "Nachname", d.Nachname, 100, pflicht: true);
        Text(fehler, "email", "E-Mail", d.Email, 254, pflicht: false);
        Text(fehler, "telefon", "Telefon", d.Telefon, 50, pflicht: false);
        if (!string.IsNullOrWhiteSpace(d.Email) && !IstEmail(d.Email.Trim()))
        {
            fehler.Add(new("email", "Bitte eine gültige E-Mail-Adresse angeben (name@beispiel.de)."));
        }

        if (string.IsNullOrWhiteSpace(d.Email) && string.IsNullOrWhiteSpace(d.Telefon))
        {
            fehler.Add(new("email", "Bitte eine E-Mail-Adresse oder eine Telefonnummer angeben."));
        }

        var deployment = await mediator.Send(new GetDeployment(), ct);
        if (string.IsNullOrWhiteSpace(d.WohnortAgs) || deployment.FindMunicipality(d.WohnortAgs.Trim()) is null)
        {
            fehler.Add(new("wohnortAgs", string.IsNullOrWhiteSpace(d.WohnortAgs)
                ? "Bitte den Wohnort (eine Kommune des Kreises) wählen."
                : $"„{Kurz(d.WohnortAgs)}“ ist keine Kommune des {deployment.KreisName}."));
        }

        var sprachen = d.Sprachen ?? [];
        if (sprachen.Count > 30)
        {
            fehler.Add(new("sprachen", "Höchstens 30 Sprachen."));
        }
        else
        {
            foreach (var sprache in sprachen)
            {
                var code = Languages.Normalize(sprache?.Code ?? "");
                if (code.Length == 0)
                {
                    fehler.Add(new("sprachen", "Bitte zu jeder Sprache den Sprachcode angeben."));
                }
                else if (!Languages.IsKnown(code))
                {
                    fehler.Add(new("sprachen", $"Unbekannter Sprachcode „{Kurz(code)}“ (erwartet: ISO 639, z. B. ar, fa, uk)."));
                }
                else if (SprachniveauTexte.Parse(sprache?.Niveau) is null)
                {
                    fehler.Add(new("sprachen", $"{Languages.GermanName(code)}: Bitte das Niveau angeben (Muttersprache, verhandlungssicher, gut, Grundkenntnisse)."));
                }
            }

            foreach (var doppelt in sprachen.Select(s => Languages.Normalize(s?.Code ?? "")).Where(c => c.Length > 0).GroupBy(c => c).Where(g => g.Count() > 1))
            {
                fehler.Add(new("sprachen", $"{Languages.GermanName(doppelt.Key)} ist mehrfach angegeben."));
            }
        }

        foreach (var thema in (d.Themen ?? []).Where(t => t is null || !settings.Themen.ContainsKey(t.Trim())))
        {
            fehler.Add(new("themen", $"Unbekanntes Thema „{Kurz(thema ?? "")}“ (erlaubt: {string.Join(", ", settings.Themen.Keys)})."));
        }

        var kommunen = (d.Kommunen ?? []).Select(k => k?.Trim() ?? "").ToList();
        if (kommunen.Count == 0)
        {
            fehler.Add(new("kommunen", "Bitte mindestens eine Kommune angeben, in der die Person als Lotse tätig ist."));
        }

        foreach (var kommune in kommunen.Where(k => deployment.FindMunicipality(k) is null))
        {
            fehler.Add(new("kommunen", $"„{Kurz(kommune)}“ ist keine Kommune des {deployment.KreisName}."));
        }

        var fenster = d.Verfuegbarkeit ?? [];
        if (fenster.Count > 50)
        {
            fehler.Add(new("verfuegbarkeit", "Höchstens 50 Zeitfenster."));
        }
        else if (fenster.Any(f => f is null))
        {
            fehler.Add(new("verfuegbarkeit", "Ein Zeitfenster ist leer."));
        }
        else
        {
            fehler.AddRange(Verfuegbarkeit.Pruefe(fenster.Select(f => new ZeitfensterAngabe(f!.Wochentag, f.Von?.Trim() ?? "", f.Bis?.Trim() ?? "")).ToList())
                .Select(m => new FieldError("verfuegbarkeit", m)));
        }

        if (!Vermittlung.IstBekannt(d.VermitteltDurch))
        {
            fehler.Add(new("vermitteltDurch", "Bitte angeben, wer die Person vermittelt hat (Ehrenamtsagentur, Träger oder selbst)."));
        }
        else if (!string.IsNullOrWhiteSpace(d.TraegerId))
        {
            if (d.VermitteltDurch != "traeger")
            {
                fehler.Add(new("traegerId", "Ein Träger kann nur angegeben werden, wenn ein Träger vermittelt hat."));
            }
            else
            {
                await using var connection = await database.OpenAsync(ct);
                if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM traeger WHERE id = @traegerId", new { traegerId = d.TraegerId.Trim() }) == 0)
                {
                    fehler.Add(new("traegerId", "Diesen Träger gibt es nicht."));
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(d.Benutzername))
        {
            var name = d.Benutzername.Trim();
            if (name.Length is < 3 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
            {
                fehler.Add(new("benutzername", "Benutzername: 3–64 Zeichen aus Buchstaben, Ziffern und . - _ @."));
            }
            else
            {
                await using var connection = await database.OpenAsync(ct);
                if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM lotsen WHERE benutzername = @name COLLATE NOCASE AND id <> @id", new { name, id = id?.ToString() ?? "" }) > 0)
                {
                    fehler.Add(new("benutzername", "Dieser Benutzername ist schon einem anderen Lotsen zugeordnet."));
                }
            }
        }

        if (neu)
        {
            if (d.EinwilligungAm is not { } am)
            {
                fehler.Add(new("einwilligungAm", "Ohne dokumentierte Einwilligung dürfen die Daten nicht gespeichert werden: Bitte das Datum der Einwilligung angeben."));
            }
            else if (Einwilligung.PruefeDatum(am, clock.Today, settings.EinwilligungGueltigMonate) is { } grund)
            {
                fehler.Add(new("einwilligungAm", grund));
            }
        }

        return fehler;
    }

    public static bool IstEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.') && !email.Any(char.IsWhiteSpace);
    }

    private static void Text(List<FieldError> fehler, string feld, string name, string? wert, int max, bool pflicht)
    {
        if (string.IsNullOrWhiteSpace(wert))
        {
            if (pflicht)
            {
                fehler.Add(new(feld, $"Bitte {name} angeben."));
            }
        }
        else if (wert.Trim().Length > max)
        {
            fehler.Add(new(feld, $"{name}: höchstens {max} Zeichen."));
        }
    }

    /// <summary>Echoes user input in a message, cut short so that a huge value does not become a huge message.</summary>
    private static string Kurz(string text) => text.Length > 20 ? text[..20] + "…" : text;
}

internal sealed class RegisterLotseValidator(LotseDatenPruefung pruefung) : IValidator<RegisterLotse>
{
    public async Task<IReadOnlyList<FieldError>> ValidateAsync(RegisterLotse request, CancellationToken cancellationToken)
        => await pruefung.PruefeAsync(request.Daten, null, neu: true, cancellationToken);
}

internal sealed class UpdateLotseValidator(LotseDatenPruefung pruefung) : IValidator<UpdateLotse>
{
    public async Task<IReadOnlyList<FieldError>> ValidateAsync(UpdateLotse request, CancellationToken cancellationToken)
        => await pruefung.PruefeAsync(request.Daten, request.Id, neu: false, cancellationToken);
}

internal sealed class ChangeLotseStatusValidator : IValidator<ChangeLotseStatus>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ChangeLotseStatus request, CancellationToken cancellationToken)
    {
        var fehler = new List<FieldError>();
        if (Lebenszyklen.Lotse.Finde(request.Status) is null)
        {
            fehler.Add(new("status", "Bitte einen gültigen Zielstatus wählen."));
        }

        if (request.Grund is { Length: > 500 })
        {
            fehler.Add(new("grund", "Begründung: höchstens 500 Zeichen."));
        }

        return Task.FromResult<IReadOnlyList<FieldError>>(fehler);
    }
}

internal sealed class AddQualifikationValidator(ILocalClock clock) : IValidator<AddQualifikation>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(AddQualifikation request, CancellationToken cancellationToken)
    {
        var fehler = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Art) || !Qualifikationen.IstBekannt(request.Art.Trim()))
        {
            fehler.Add(new("art", "Bitte die Art der Schulung wählen."));
        }

        if (request.Datum is not { } datum)
        {
            fehler.Add(new("datum", "Bitte das Datum der Schulung angeben."));
        }
        else if (datum > clock.Today)
        {
            fehler.Add(new("datum", "Eine besuchte Schulung kann nicht in der Zukunft liegen."));
        }

        if (string.IsNullOrWhiteSpace(request.Anbieter))
        {
            fehler.Add(new("anbieter", "Bitte den Anbieter der Schulung angeben."));
        }
        else if (request.Anbieter.Trim().Length > 200)
        {
            fehler.Add(new("anbieter", "Anbieter: höchstens 200 Zeichen."));
        }

        return Task.FromResult<IReadOnlyList<FieldError>>(fehler);
    }
}

internal sealed class RenewEinwilligungValidator(ILocalClock clock, LotsenSettings settings) : IValidator<RenewEinwilligung>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(RenewEinwilligung request, CancellationToken cancellationToken)
    {
        IReadOnlyList<FieldError> fehler = request.Am is not { } am
            ? [new("am", "Bitte das Datum der neuen Einwilligung angeben.")]
            : Einwilligung.PruefeDatum(am, clock.Today, settings.EinwilligungGueltigMonate) is { } grund ? [new("am", grund)] : [];
        return Task.FromResult(fehler);
    }
}
