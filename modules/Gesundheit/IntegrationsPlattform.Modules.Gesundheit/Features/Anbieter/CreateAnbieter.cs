using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Anbieter;

/// <summary>A new provider organisation (a name unique in the Kreis); returns its id, which is also its scope group's id.</summary>
internal sealed record CreateAnbieter(AnbieterEingabe Eingabe) : ICommand<string>;

internal sealed class CreateAnbieterValidator : IValidator<CreateAnbieter>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(CreateAnbieter request, CancellationToken cancellationToken)
    {
        var e = request.Eingabe;
        var errors = new List<FieldError>();
        errors.RequiredText("name", e.Name, 200, "den Namen des Anbieters");
        errors.OptionalText("beschreibung", e.Beschreibung, 2000);
        errors.Email("email", e.Email);
        if (errors.OptionalText("website", e.Website, 500) is { } website
            && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add(new FieldError("website", "Bitte die Website als vollständige Adresse angeben, z. B. https://praxis-beispiel.de."));
        }

        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class CreateAnbieterHandler(IModuleDatabase<GesundheitModule> database, ILocalClock clock, IAuditTrail audit) : IRequestHandler<CreateAnbieter, string>
{
    public async Task<string> Handle(CreateAnbieter request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var e = request.Eingabe;
        var name = e.Name!.Trim();
        if (await tx.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM anbieter WHERE name = @name COLLATE NOCASE", new { name }, tx.Sql) > 0)
        {
            throw RequestValidationException.For("name", "Einen Anbieter mit diesem Namen gibt es schon.");
        }

        var id = Guid.CreateVersion7().ToString();
        await tx.Connection.ExecuteAsync(
            "INSERT INTO anbieter (id, name, beschreibung, email, website, angelegt_am) VALUES (@id, @name, @beschreibung, @email, @website, @jetzt)",
            new
            {
                id,
                name,
                beschreibung = Sauber(e.Beschreibung),
                email = Sauber(e.Email),
                website = Sauber(e.Website),
                jetzt = GermanFormat.StoredInstant(clock.UtcNow),
            },
            tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Anbieter", id), cancellationToken);
        return id;
    }

    private static string? Sauber(string? wert) => string.IsNullOrWhiteSpace(wert) ? null : wert.Trim();
}
