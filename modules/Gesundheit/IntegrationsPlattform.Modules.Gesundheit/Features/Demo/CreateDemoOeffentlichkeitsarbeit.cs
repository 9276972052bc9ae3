using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Demo;

/// <summary>Seeds the outreach demo data beside the offers' (<see cref="GesundheitDemoSeeder"/>): both sizes seed the same set.</summary>
internal sealed class OeffentlichkeitsarbeitDemoSeeder(IMediator mediator) : IDemoDataSeeder
{
    public Task SeedAsync(DeploymentInfo deployment, DemoSize size, CancellationToken cancellationToken)
        => mediator.Send(new CreateDemoOeffentlichkeitsarbeit(deployment), cancellationToken);
}

/// <summary>
/// Three invented campaigns — one running, one completed, one planned — and hand-outs in every municipality of the
/// deployment over the last half year, to Kitas, schools, practices and councils, some for the campaigns. A second call
/// adds nothing. Returns the number of hand-outs.
/// </summary>
internal sealed record CreateDemoOeffentlichkeitsarbeit(DeploymentInfo Deployment) : IBulkCommand<int>;

internal sealed class CreateDemoOeffentlichkeitsarbeitHandler(IModuleDatabase<GesundheitModule> database, ILocalClock clock)
    : IRequestHandler<CreateDemoOeffentlichkeitsarbeit, int>
{
    private const string Wer = "Demo";

    private static readonly (string Titel, string Beschreibung, int BeginnVorTagen, int Dauer, string Status, int[] Kommunen, string Material, string[] Sprachen, string Art)[] Kampagnen =
    [
        ("Impfwoche in den Kitas", "Elternbriefe und Plakate zur Masernimpfung in den Sprachen der Familien, verteilt über die Kitas.", 20, 30, "laufend",
            [0, 1, 2, 3], "Elternbrief Masernimpfung", ["de", "ar", "tr"], "kita"),
        ("U-Untersuchungen: Flyer in Arztpraxen", "Der mehrsprachige Flyer zu den U-Untersuchungen liegt in Kinderarzt- und Hausarztpraxen aus.", 150, 60, "abgeschlossen",
            [4, 5, 6, 7, 8, 9], "Flyer U-Untersuchungen", ["ar", "uk", "ru", "fa"], "arzt"),
        ("Zahngesundheit an Grundschulen", "Zahnputzbecher mit Elternbrief für die ersten Klassen, mit Besuch der Zahnprophylaxe.", -14, 45, "geplant",
            [2, 10, 11], "Elternbrief Zahngesundheit", ["de", "tr", "uk"], "schule"),
    ];

    private static readonly (string Material, string[] Sprachen, string Art, string Einrichtung)[] Ausgaben =
    [
        ("Wegweiser Gesundheitsangebote für Familien", ["ar", "fa"], "beirat", "Ausländerbeirat"),
        ("Flyer Frühe Hilfen", ["uk", "ru"], "kita", "Kita Sonnenschein"),
        ("Plakat Impfsprechstunde", ["tr", "ar"], "arzt", "Kinderarztpraxis"),
        ("Elternbrief Sprachentwicklung", ["uk"], "schule", "Grundschule"),
        ("Flyer Bewegung im Verein", ["de", "en"], "sonstige", "Familienzentrum"),
    ];

    public async Task<int> Handle(CreateDemoOeffentlichkeitsarbeit request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var kommunen = request.Deployment.Municipalities;
        if (kommunen.Count == 0 || await tx.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM kampagnen WHERE angelegt_von = @Wer", new { Wer }, tx.Sql) > 0)
        {
            return 0;
        }

        var heute = clock.Today;
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var anzahl = 0;
        foreach (var (k, nummer) in Kampagnen.Select((k, i) => (k, i)))
        {
            var id = Guid.CreateVersion7().ToString();
            var beginn = heute.AddDays(-k.BeginnVorTagen);
            var orte = k.Kommunen.Select(i => kommunen[i % kommunen.Count].Ags).Distinct().ToList();
            await tx.Connection.ExecuteAsync(
                """
                INSERT INTO kampagnen (id, titel, beschreibung, beginn, ende, status, status_seit, angelegt_am, angelegt_von)
                VALUES (@id, @Titel, @Beschreibung, @beginn, @ende, @Status, @jetzt, @jetzt, @Wer);
                INSERT INTO kampagne_status_verlauf (id, kampagne_id, von, nach, am, durch) VALUES (@verlaufId, @id, NULL, @Status, @jetzt, @Wer);
                """,
                new { id, k.Titel, k.Beschreibung, beginn = GermanFormat.StoredDay(beginn), ende = GermanFormat.StoredDay(beginn.AddDays(k.Dauer)), k.Status, jetzt, Wer, verlaufId = Guid.CreateVersion7().ToString() },
                tx.Sql);
            await tx.Connection.ExecuteAsync("INSERT INTO kampagne_kommunen (kampagne_id, kommune_ags) VALUES (@id, @ags)", orte.Select(ags => new { id, ags }), tx.Sql);
            if (k.Status == "geplant")
            {
                continue;
            }

            // Hand-outs for the campaign on its days that have passed, in each of its municipalities.
            foreach (var (ags, i) in orte.Select((a, i) => (a, i)))
            {
                var tag = beginn.AddDays(Math.Min(i * 3, Math.Max(0, heute.DayNumber - beginn.DayNumber)));
                await AusgabeAsync(tx, id, k.Material, k.Sprachen, k.Art, $"{Einrichtungsarten.Text(k.Art)} {request.Deployment.MunicipalityName(ags)}", ags, 40 + 15 * ((i + nummer) % 4), tag, jetzt);
                anzahl++;
            }
        }

        // Everyday hand-outs without a campaign: two in every municipality over the last half year.
        for (var i = 0; i < kommunen.Count * 2; i++)
        {
            var a = Ausgaben[i % Ausgaben.Length];
            var kommune = kommunen[i % kommunen.Count];
            await AusgabeAsync(tx, null, a.Material, a.Sprachen, a.Art, $"{a.Einrichtung} {kommune.Name}", kommune.Ags, 10 + 5 * (i % 7), heute.AddDays(-7 - i * 7), jetzt);
            anzahl++;
        }

        return anzahl;
    }

    private static async Task AusgabeAsync(
        ModuleTransaction tx, string? kampagneId, string material, string[] sprachen, string art, string einrichtung, string ags, int anzahl, DateOnly tag, string jetzt)
    {
        var id = Guid.CreateVersion7().ToString();
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO materialausgaben (id, kampagne_id, material, einrichtung_art, einrichtung, anzahl, datum, kommune_ags, erfasst_am, erfasst_von)
            VALUES (@id, @kampagneId, @material, @art, @einrichtung, @anzahl, @datum, @ags, @jetzt, @Wer)
            """,
            new { id, kampagneId, material, art, einrichtung, anzahl, datum = GermanFormat.StoredDay(tag), ags, jetzt, Wer },
            tx.Sql);
        await tx.Connection.ExecuteAsync("INSERT INTO materialausgabe_sprachen (ausgabe_id, sprache) VALUES (@id, @sprache)", sprachen.Select(sprache => new { id, sprache }), tx.Sql);
    }
}
