using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Demo;

/// <summary>
/// The showcase set: the invented providers and about 60 offers across the deployment's municipalities and every
/// category, in every status — drafts, offers waiting for review, published ones (some with a change waiting, some not
/// reviewed for over a year) and archived ones —, their translations (<see cref="DemoUebersetzungen"/>), and barriers
/// with measures (<see cref="DemoBarrieren"/>). A second call adds nothing.
/// </summary>
internal sealed record CreateDemoDaten(DeploymentInfo Deployment) : IBulkCommand<int>;

internal sealed class CreateDemoDatenHandler(IModuleDatabase<GesundheitModule> database, ILocalClock clock, GesundheitSettings settings)
    : IRequestHandler<CreateDemoDaten, int>
{
    public const int Angebote = 60;
    private const string Wer = "Demo";

    public async Task<int> Handle(CreateDemoDaten request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var kommunen = request.Deployment.Municipalities;
        if (kommunen.Count == 0
            || await tx.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM anbieter WHERE id = @id", new { id = DemoKonten.PraxisAnbieterId }, tx.Sql) > 0)
        {
            return 0;
        }

        var heute = clock.UtcNow;
        foreach (var (a, n) in DemoKataloge.Anbieter.Select((a, n) => (a, n)))
        {
            await tx.Connection.ExecuteAsync(
                "INSERT INTO anbieter (id, name, beschreibung, email, website, telefon, kommune_ags, angelegt_am) VALUES (@Id, @Name, @Beschreibung, @Email, @Website, @Telefon, @kommune, @jetzt)",
                new { a.Id, a.Name, a.Beschreibung, a.Email, a.Website, a.Telefon, kommune = kommunen[n % kommunen.Count].Ags, jetzt = GermanFormat.StoredInstant(heute.AddYears(-2)) },
                tx.Sql);
        }

        var kategorien = settings.Kategorien.Keys.ToList();
        for (var i = 0; i < Angebote; i++)
        {
            var (kategorie, vorlage, kommune) = DemoKataloge.Angebot(i, kategorien, kommunen);
            var anbieterId = DemoKataloge.Anbieter[i % 10 == 9 ? 0 : vorlage.Anbieter].Id;
            var eingabe = Eingabe(i, kategorie, vorlage, kommune, anbieterId, clock.Today);
            var id = Guid.CreateVersion7().ToString();
            var angelegt = heute.AddDays(-400 + i * 3);
            await AnlegenAsync(tx, id, anbieterId, eingabe, angelegt);
            eingabe = await DemoUebersetzungen.SchreibenAsync(tx, request.Deployment, id, i, kategorie, kommune, eingabe, GermanFormat.StoredInstant(angelegt), Wer);
            await StatusAsync(tx, id, eingabe, i, angelegt);
        }

        await DemoBarrieren.SchreibenAsync(tx, request.Deployment, heute, Wer);
        return Angebote;
    }

    /// <summary>Offer number <paramref name="i"/> of a category: its template, a place in the municipality, one opening time in turns, languages in turns.</summary>
    internal static AngebotEingabe Eingabe(int i, string kategorie, (int Anbieter, string[] Titel, string Beschreibung, int Von, int Bis, bool Schwangerschaft) vorlage,
        Municipality kommune, string anbieterId, DateOnly heute)
    {
        var kostenlos = i % 7 != 3;
        var plz = DemoKataloge.Postleitzahlen.GetValueOrDefault(kommune.Name, DemoKataloge.Postleitzahlen.Values.First());
        var ort = new OrtEingabe(
            $"{DemoKataloge.Ortsnamen[i % DemoKataloge.Ortsnamen.Length]} {kommune.Name}",
            $"{DemoKataloge.Strassen[i % DemoKataloge.Strassen.Length]} {1 + i % 23}", plz, kommune.Name, kommune.Ags, Stufenlos: i % 3 != 0);
        ZeitEingabe zeit = (i % 4) switch
        {
            0 => new("WEEKLY", "MO,WE", null, "09:00", "12:00", null),
            1 => new("WEEKLY", "TH", null, "15:00", "17:00", null),
            2 => new("MONTHLY", "1TU", null, "10:00", "13:00", "bitte vorher anmelden"),
            _ => new(null, null, GermanFormat.StoredDay(heute.AddDays(14 + i)), "14:00", "16:00", "einmaliger Termin"),
        };
        return new AngebotEingabe(
            anbieterId, kategorie, $"{vorlage.Titel[i % vorlage.Titel.Length]} in {kommune.Name}", vorlage.Beschreibung,
            "Telefonisch oder per E-Mail beim Anbieter; eine Dolmetscherin kann mitkommen.", i % 5 == 0 ? "Für Familien mit Wohnsitz im Odenwaldkreis." : null,
            kostenlos, kostenlos ? null : "5 € je Termin; mit Bonuscard kostenlos.", vorlage.Schwangerschaft, vorlage.Von, vorlage.Bis, DolmetscherAufAnfrage: i % 2 == 0,
            GueltigVon: null, GueltigBis: null, DemoKataloge.Sprachen[i % DemoKataloge.Sprachen.Length], [ort], [zeit]);
    }

    private static async Task AnlegenAsync(ModuleTransaction tx, string id, string anbieterId, AngebotEingabe eingabe, DateTimeOffset angelegt)
    {
        var jetzt = GermanFormat.StoredInstant(angelegt);
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO angebote (id, anbieter_id, status, status_seit, angelegt_am, angelegt_von) VALUES (@id, @anbieterId, 'entwurf', @jetzt, @jetzt, @wer);
            INSERT INTO angebot_status_verlauf (id, angebot_id, von, nach, am, durch) VALUES (@verlaufId, @id, NULL, 'entwurf', @jetzt, @wer);
            """,
            new { id, anbieterId, jetzt, wer = Wer, verlaufId = Guid.CreateVersion7().ToString() },
            tx.Sql);
        await AngebotSchreiben.ArbeitsfassungAsync(tx, id, eingabe, anbieterId, jetzt, Wer);
    }

    /// <summary>
    /// Every sixth offer stays a draft and every sixth after it waits for its first review; of the rest, a few are
    /// archived, a few carry a change waiting for review, and the oldest were last reviewed more than a year ago.
    /// </summary>
    private static async Task StatusAsync(ModuleTransaction tx, string id, AngebotEingabe eingabe, int i, DateTimeOffset angelegt)
    {
        if (i % 6 == 0)
        {
            return;
        }

        var eingereicht = GermanFormat.StoredInstant(angelegt.AddDays(1));
        await AngebotSchreiben.StatusAsync(tx, id, "entwurf", "zur_pruefung", null, eingereicht, Wer, grund: null, geprueft: false);
        if (i % 6 == 1)
        {
            return;
        }

        await AngebotSchreiben.VeroeffentlicheAsync(tx, id);
        var geprueft = GermanFormat.StoredInstant(angelegt.AddDays(2));
        await AngebotSchreiben.StatusAsync(tx, id, "zur_pruefung", "veroeffentlicht", null, geprueft, Wer, grund: null, geprueft: true);
        if (i % 12 == 5)
        {
            await AngebotSchreiben.StatusAsync(tx, id, "veroeffentlicht", "archiviert", null, GermanFormat.StoredInstant(angelegt.AddDays(30)), Wer, "Angebot eingestellt", geprueft: false);
        }
        else if (i % 12 == 10)
        {
            var geaendert = GermanFormat.StoredInstant(angelegt.AddDays(20));
            await AngebotSchreiben.ArbeitsfassungAsync(tx, id, eingabe with { Titel = eingabe.Titel + " (neue Zeiten)" }, eingabe.AnbieterId!, geaendert, Wer);
            await AngebotSchreiben.StatusAsync(tx, id, "veroeffentlicht", "veroeffentlicht", "zur_pruefung", geaendert, Wer, "Änderung wartet auf Prüfung", geprueft: false);
        }
    }
}
