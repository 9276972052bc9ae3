using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Einsaetze;

/// <summary>
/// Plans one assignment inside the caller's transaction. The database refuses overlaps and inactive
/// Lotsen (triggers); this class turns those refusals into messages and checks the stated availability,
/// which staff may override with a reason.
/// </summary>
internal sealed class EinsatzPlanung(IModuleDatabase<LotsenModule> database, EinsatzMail mail, ILocalClock clock)
{
    public async Task<Guid> PlaneAsync(string anfrageId, string lotseId, EinsatzTermin termin, string erfasstVon)
    {
        var tx = database.Transaction;
        var zeile = await tx.Connection.QuerySingleOrDefaultAsync<(string Status, string Vorname, string Nachname)?>(
            "SELECT status, vorname, nachname FROM lotsen WHERE id = @lotseId", new { lotseId }, tx.Sql)
            ?? throw RequestValidationException.For("lotseId", "Diesen Lotsen gibt es nicht.");
        var lotse = (zeile.Status, Name: $"{zeile.Vorname} {zeile.Nachname}");
        if (lotse.Status != "aktiv")
        {
            throw new DomainRuleException($"{lotse.Name} ist {Lebenszyklen.Lotse.Label(lotse.Status)} und kann nicht eingeteilt werden.");
        }

        var fenster = (await tx.Connection.QueryAsync<(long Tag, string Von, string Bis)>(
                "SELECT wochentag, von, bis FROM lotse_verfuegbarkeit WHERE lotse_id = @lotseId", new { lotseId }, tx.Sql))
            .Select(f => new Zeitfenster(Zeitfenster.AusIso(f.Tag), TimeOnly.Parse(f.Von, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(f.Bis, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var grund = string.IsNullOrWhiteSpace(termin.AbweichungGrund) ? null : termin.AbweichungGrund.Trim();
        if (grund is null && !Einsatzzeit.InVerfuegbarkeit(fenster, termin.Tag, termin.Beginn, termin.DauerMinuten))
        {
            var angegeben = fenster.Count == 0 ? "keine Zeiten angegeben" : string.Join(", ", fenster.OrderBy(f => Zeitfenster.ZuIso(f.Wochentag)).ThenBy(f => f.Von).Select(f => f.Text));
            throw RequestValidationException.For("abweichungGrund", $"Der Termin liegt außerhalb der Verfügbarkeit von {lotse.Name} ({angegeben}). Zum Einteilen trotzdem bitte einen Grund angeben.");
        }

        var beginn = clock.ToUtc(termin.Tag, termin.Beginn);
        var id = Guid.CreateVersion7();
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        try
        {
            await tx.Connection.ExecuteAsync(
                """
                INSERT INTO einsaetze (id, anfrage_id, lotse_id, beginn, ende, dauer_minuten, status, abweichung_grund, erfasst_von, angelegt_am, geaendert_am)
                VALUES (@id, @anfrageId, @lotseId, @beginn, @ende, @dauer, 'geplant', @grund, @erfasstVon, @jetzt, @jetzt)
                """,
                new
                {
                    id = id.ToString(),
                    anfrageId,
                    lotseId,
                    beginn = GermanFormat.StoredInstant(beginn),
                    ende = GermanFormat.StoredInstant(beginn.AddMinutes(termin.DauerMinuten)),
                    dauer = termin.DauerMinuten,
                    grund,
                    erfasstVon,
                    jetzt,
                },
                tx.Sql);
        }
        catch (SqliteException ex)
        {
            throw Uebersetze(ex, lotse.Name);
        }

        await mail.InDenPostausgangAsync(tx, id);
        return id;
    }

    /// <summary>The triggers' refusals as the reasons staff read.</summary>
    public static Exception Uebersetze(SqliteException ex, string lotseName)
    {
        if (ex.Message.Contains("einsatz_ueberschneidung", StringComparison.Ordinal))
        {
            return new DomainRuleException($"{lotseName} hat zu dieser Zeit schon einen Einsatz. Bitte eine andere Zeit oder einen anderen Lotsen wählen.");
        }

        return ex.Message.Contains("lotse_nicht_aktiv", StringComparison.Ordinal)
            ? new DomainRuleException($"{lotseName} ist nicht aktiv und kann nicht eingeteilt werden.")
            : ex;
    }

    /// <summary>Field checks of a date/time/duration entry, shared by every form that plans an assignment.</summary>
    public static EinsatzTermin? Pruefe(List<FieldError> fehler, DateOnly? tag, string? beginn, int? dauerMinuten, string? abweichungGrund)
    {
        fehler.Required("tag", tag, "den Tag des Einsatzes");
        var zeit = fehler.TimeOfDay("beginn", beginn, required: true);
        if (fehler.Required("dauerMinuten", dauerMinuten, "die Dauer in Minuten") is { } dauer && Einsatzzeit.PruefeDauer(dauer) is { } dauerFehler)
        {
            fehler.Add(new FieldError("dauerMinuten", dauerFehler));
        }

        fehler.OptionalText("abweichungGrund", abweichungGrund, 500);

        return tag is not null && zeit is not null && dauerMinuten is not null && fehler.Count == 0
            ? new EinsatzTermin(tag.Value, zeit.Value, dauerMinuten.Value, abweichungGrund)
            : null;
    }
}
