using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Anbieter;

/// <summary>What creating and changing a provider share: the unique name and the stored values of an input.</summary>
internal static class AnbieterSchreiben
{
    /// <summary>Refuses a name another provider (not <paramref name="id"/>) has already, compared without case.</summary>
    public static async Task NameFreiAsync(ModuleTransaction tx, AnbieterEingabe e, string id)
    {
        if (await tx.Connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM anbieter WHERE name = @name COLLATE NOCASE AND id <> @id", new { name = e.Name!.Trim(), id }, tx.Sql) > 0)
        {
            throw RequestValidationException.For("name", "Einen Anbieter mit diesem Namen gibt es schon.");
        }
    }

    public static object Werte(string id, AnbieterEingabe e, string? jetzt) => new
    {
        Id = id,
        Name = e.Name!.Trim(),
        Beschreibung = AngebotSchreiben.Sauber(e.Beschreibung),
        Email = AngebotSchreiben.Sauber(e.Email),
        Website = AngebotSchreiben.Sauber(e.Website),
        Telefon = AngebotSchreiben.Sauber(e.Telefon),
        KommuneAgs = AngebotSchreiben.Sauber(e.KommuneAgs),
        jetzt,
    };
}
