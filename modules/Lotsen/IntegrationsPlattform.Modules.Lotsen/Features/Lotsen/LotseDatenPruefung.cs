using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Lotsen.Domain;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

/// <summary>The checks of a Lotse's data, shared by registration and update, with German messages per field.</summary>
internal sealed class LotseDatenPruefung(DeploymentInfo deployment, LotsenSettings settings, IModuleDatabase<LotsenModule> database, ILocalClock clock)
{
    public async Task<List<FieldError>> PruefeAsync(LotseDaten d, Guid? id, bool neu, CancellationToken ct)
    {
        var fehler = new List<FieldError>();
        fehler.RequiredText("vorname", d.Vorname, 100, "den Vornamen");
        fehler.RequiredText("nachname", d.Nachname, 100, "den Nachnamen");
        fehler.Email("email", d.Email);
        fehler.Phone("telefon", d.Telefon);

        if (string.IsNullOrWhiteSpace(d.Email) && string.IsNullOrWhiteSpace(d.Telefon))
        {
            fehler.Add(new("email", "Bitte eine E-Mail-Adresse oder eine Telefonnummer angeben."));
        }

        fehler.Municipality("wohnortAgs", d.WohnortAgs, deployment, required: true);

        var sprachen = d.Sprachen ?? [];
        if (sprachen.Count > 30)
        {
            fehler.Add(new("sprachen", "Höchstens 30 Sprachen."));
        }
        else
        {
            foreach (var sprache in sprachen)
            {
                if (string.IsNullOrWhiteSpace(sprache?.Code))
                {
                    fehler.Add(new("sprachen", "Bitte zu jeder Sprache den Sprachcode angeben."));
                }
                else if (fehler.LanguageCode("sprachen", sprache.Code) is { } code && SprachniveauTexte.Parse(sprache?.Niveau) is null)
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
            fehler.Add(new("themen", $"Unbekanntes Thema „{FieldRules.Echo(thema ?? "")}“ (erlaubt: {string.Join(", ", settings.Themen.Keys)})."));
        }

        fehler.Municipalities("kommunen", d.Kommunen, deployment, required: true);

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
}
