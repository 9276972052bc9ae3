using System.Text.Json;
using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using MediatR;

namespace IntegrationsPlattform.TestPlugins.Beispiel;

/// <summary>Texts of the public registration page in Resources/AnmeldungTexts*.resx (German, English, Arabic).</summary>
internal sealed class AnmeldungTexts;

/// <summary>What the public registration form stores once its sender confirms it: an entry with the person.</summary>
internal sealed record Anmeldung(string Name, string Email, string KommuneAgs)
{
    /// <summary>The double opt-in kind of the form (<c>&lt;ModuleId&gt;.&lt;name&gt;</c>).</summary>
    public const string OptInKind = "Beispiel.anmeldung";

    public const string Titel = "Anmeldung";
}

internal sealed record AnmeldungSpeichern(Anmeldung Anmeldung) : ICommand<Guid>;

/// <summary>The module's part of the double opt-in: a confirmed registration becomes an entry, and only then counts.</summary>
internal sealed class AnmeldungBestaetigt(IMediator mediator) : IOptInHandler
{
    public string Kind => Anmeldung.OptInKind;

    public async Task ConfirmAsync(string payload, CancellationToken cancellationToken)
        => await mediator.Send(new AnmeldungSpeichern(JsonSerializer.Deserialize<Anmeldung>(payload)!), cancellationToken);
}

internal sealed class AnmeldungSpeichernHandler(IModuleDatabase<BeispielModule> database, IAuditTrail audit, TimeProvider time) : IRequestHandler<AnmeldungSpeichern, Guid>
{
    public async Task<Guid> Handle(AnmeldungSpeichern request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var tx = database.Transaction;
        var a = request.Anmeldung;
        // The example of a module's rule refusing a confirmed entry: the confirmation page shows the reason, nothing is stored.
        if (await tx.Connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM eintraege WHERE titel = @titel AND person_email = @email", new { titel = Anmeldung.Titel, email = a.Email }, tx.Sql) > 0)
        {
            throw new DomainRuleException("Diese E-Mail-Adresse ist schon angemeldet.");
        }

        await tx.Connection.ExecuteAsync(
            "INSERT INTO eintraege (id, titel, kommune_ags, person_name, person_email, created_at) VALUES (@id, @titel, @ags, @name, @email, @now)",
            new { id = id.ToString(), titel = Anmeldung.Titel, ags = a.KommuneAgs, name = a.Name, email = a.Email, now = time.GetUtcNow().ToString("O") },
            tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Eintrag", id.ToString(), "bestätigte Anmeldung über das öffentliche Formular"), cancellationToken);
        return id;
    }
}
