using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>What the Träger commands share: reading the record inside the command's transaction, who acts, the status history.</summary>
internal static class TraegerSchreiben
{
    public static string Wer(ICurrentUser user) => user.DisplayName ?? user.UserName ?? "System";

    public static string? Sauber(string? wert) => string.IsNullOrWhiteSpace(wert) ? null : wert.Trim();

    public static List<string> Kommunen(IReadOnlyList<string>? kommunen) => (kommunen ?? []).Select(k => k.Trim()).Distinct().Order(StringComparer.Ordinal).ToList();

    public static async Task<string> StatusAsync(ModuleTransaction tx, string id)
        => await tx.Connection.QuerySingleOrDefaultAsync<string>("SELECT status FROM traeger WHERE id = @id", new { id }, tx.Sql)
           ?? throw new RecordNotFoundException("Träger nicht gefunden.");

    public static async Task PruefeNameFreiAsync(ModuleTransaction tx, string name, string? ausser)
    {
        // Compared as the import compares (Unicode case folding, blanks), not with NOCASE, which folds A–Z only.
        var namen = await tx.Connection.QueryAsync<string?>(
            "SELECT name FROM traeger WHERE (@ausser IS NULL OR id <> @ausser)", new { ausser }, tx.Sql);
        if (Dubletten.IstTraegerSchonErfasst(name, namen))
        {
            throw RequestValidationException.For("name", Dubletten.TraegerSchonErfasst);
        }
    }

    /// <summary>
    /// Writes a new, validated candidate with its municipalities and the first status entry; used by the
    /// form/API and, row by row inside one transaction, by the CSV import. The unique index on the name
    /// refuses a name that another writer took since it was checked.
    /// </summary>
    public static async Task<string> NeuAsync(ModuleTransaction tx, ITraegerStammdaten daten, string jetzt, string durch, string grund)
    {
        var id = Guid.CreateVersion7().ToString();
        var start = Lebenszyklen.Traeger.Start.Key;
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO traeger (id, name, ansprechperson, email, telefon, status, status_seit, notiz, angelegt_am)
            VALUES (@id, @name, @ansprechperson, @email, @telefon, @start, @jetzt, @notiz, @jetzt)
            """,
            new
            {
                id, start, jetzt,
                name = daten.Name!.Trim(),
                ansprechperson = Sauber(daten.Ansprechperson),
                email = Sauber(daten.Email),
                telefon = Sauber(daten.Telefon),
                notiz = Sauber(daten.Notiz),
            },
            tx.Sql);
        await SchreibeKommunenAsync(tx, id, Kommunen(daten.Kommunen));
        await SetzeStatusAsync(tx, id, von: null, start, jetzt, durch, grund);
        return id;
    }

    public static Task SchreibeKommunenAsync(ModuleTransaction tx, string id, IReadOnlyList<string> kommunen)
        => tx.Connection.ExecuteAsync("INSERT INTO traeger_kommunen (traeger_id, ags) VALUES (@id, @ags)", kommunen.Select(ags => new { id, ags }), tx.Sql);

    public static async Task SetzeStatusAsync(ModuleTransaction tx, string id, string? von, string nach, string jetzt, string durch, string? grund)
    {
        if (von is not null)
        {
            var geaendert = await tx.Connection.ExecuteAsync(
                "UPDATE traeger SET status = @nach, status_seit = @jetzt WHERE id = @id AND status = @von", new { id, von, nach, jetzt }, tx.Sql);
            if (geaendert != 1)
            {
                throw new DomainRuleException("Träger: Der Status wurde inzwischen geändert. Bitte die Seite neu laden.");
            }
        }

        await VermerkeAsync(tx, id, von, nach, jetzt, durch, grund);
    }

    /// <summary>An entry in the Träger's history without changing its status (or its "status since"), e.g. when an agreement ends.</summary>
    public static Task VermerkeAsync(ModuleTransaction tx, string id, string? von, string nach, string jetzt, string durch, string? grund)
        => tx.Connection.ExecuteAsync(
            "INSERT INTO traeger_status_verlauf (id, traeger_id, von, nach, am, durch, grund) VALUES (@vid, @id, @von, @nach, @jetzt, @durch, @grund)",
            new { vid = Guid.CreateVersion7().ToString(), id, von, nach, jetzt, durch, grund }, tx.Sql);
}
