using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Reichweite;

/// <summary>
/// The reach of one school year (Hessen: 1 August to 31 July; <paramref name="Schuljahr"/> is its first year, by default
/// the current one on the host's clock): per municipality of the Kreis — every one, also those not reached — the sessions
/// held there, their participants, the schools reached there and who waits (unmet demand), the Kreis' totals, and the
/// schools reached.
/// </summary>
internal sealed record GetReichweite(int? Schuljahr) : IQuery<ReichweiteBericht>;

internal sealed class GetReichweiteValidator(DeploymentInfo deployment) : IValidator<GetReichweite>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(GetReichweite request, CancellationToken cancellationToken)
        => Task.FromResult(Termine.TerminPruefung.Filter(null, null, null, request.Schuljahr, deployment));
}

internal sealed class GetReichweiteHandler(IModuleDatabase<SchulungenModule> database, DeploymentInfo deployment, ILocalClock clock) : IRequestHandler<GetReichweite, ReichweiteBericht>
{
    public async Task<ReichweiteBericht> Handle(GetReichweite request, CancellationToken cancellationToken)
    {
        var schuljahr = request.Schuljahr ?? TerminRegeln.SchuljahrVon(clock.Today);
        var (von, bis) = TerminRegeln.SchuljahrSpanne(schuljahr);
        await using var connection = await database.OpenAsync(cancellationToken);
        var erreicht = await ReichweiteSql.LesenAsync(connection, von, bis);
        // Unmet demand of the school year: who still waits for one of its sessions, held or to come (not for a cancelled one).
        var wartende = await ReichweiteSql.WartendeAsync(connection, "t.status <> 'abgesagt' AND t.endet_am >= @von AND t.endet_am < @bis", new { von, bis });

        long Von(IReadOnlyList<(string? Ags, long Anzahl)> werte, string? ags) => werte.Where(w => w.Ags == ags).Sum(w => w.Anzahl);
        ReichweiteZeile Zeile(string? ags, string name) => new(ags, name, Von(erreicht.Termine, ags), Von(erreicht.Teilnehmende, ags),
            erreicht.Schulen.Count(s => s.KommuneAgs == ags), Von(wartende.JeKommune, ags));

        var kommunen = deployment.Municipalities.Select(m => Zeile(m.Ags, m.Name)).ToList();
        var online = Zeile(null, "Online (ohne Kommune)");
        if (online.Termine + online.Teilnehmende + online.Wartende > 0)
        {
            kommunen.Add(online);
        }

        var kreis = new ReichweiteZeile(null, $"{deployment.KreisName} gesamt", erreicht.Termine.Sum(t => t.Anzahl), erreicht.TeilnehmendeKreis, erreicht.Schulen.Count, wartende.Kreis);
        var schulen = erreicht.Schulen.Select(s => new ErreichteSchuleZeile(s.Id, s.Name, deployment.MunicipalityName(s.KommuneAgs), s.Teilnehmende)).ToList();
        return new ReichweiteBericht(schuljahr, TerminRegeln.SchuljahrText(schuljahr), kommunen, kreis, schulen);
    }
}

/// <summary>The reach of a school year (<see cref="GetReichweite"/>).</summary>
internal sealed record ReichweiteBericht(int Schuljahr, string SchuljahrText, IReadOnlyList<ReichweiteZeile> Kommunen, ReichweiteZeile Kreis, IReadOnlyList<ErreichteSchuleZeile> Schulen)
{
    /// <summary>The table of the page and of its CSV file: one row per municipality, then the Kreis.</summary>
    public static readonly IReadOnlyList<string> Kopf = ["Kommune", "Durchgeführte Termine", "Teilnehmende", "Erreichte Schulen", "Auf der Warteliste"];

    public IEnumerable<IReadOnlyList<string?>> Zeilen()
        => Kommunen.Append(Kreis).Select(z => (IReadOnlyList<string?>)[z.Kommune, CsvExport.Number(z.Termine), CsvExport.Number(z.Teilnehmende), CsvExport.Number(z.Schulen), CsvExport.Number(z.Wartende)]);
}

/// <summary>One municipality (<paramref name="Ags"/> null: online sessions, or the Kreis' total, where each person counts once).</summary>
internal sealed record ReichweiteZeile(string? Ags, string Kommune, long Termine, long Teilnehmende, long Schulen, long Wartende);

internal sealed record ErreichteSchuleZeile(string Id, string Name, string Kommune, long Teilnehmende);
