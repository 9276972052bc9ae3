using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>Field checks shared by the Träger requests, with the same German words for API and forms.</summary>
internal static class Eingaben
{
    public static async Task<IReadOnlyList<FieldError>> StammdatenAsync(ITraegerStammdaten eingabe, IMediator mediator, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        errors.RequiredText("name", eingabe.Name, TraegerRegeln.NameMax, "den Namen des Trägers");
        errors.OptionalText("ansprechperson", eingabe.Ansprechperson, TraegerRegeln.AnsprechpersonMax);
        errors.Email("email", eingabe.Email);
        errors.Phone("telefon", eingabe.Telefon);
        errors.OptionalText("notiz", eingabe.Notiz, TraegerRegeln.NotizMax);
        errors.Municipalities("kommunen", eingabe.Kommunen, await mediator.Send(new GetDeployment(), ct), required: false);
        return errors;
    }

    public static async Task<IReadOnlyList<FieldError>> FilterAsync(string? status, string? kommune, string? suche, IMediator mediator, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!string.IsNullOrEmpty(status) && Lebenszyklen.Traeger.Finde(status) is null)
        {
            errors.Add(new FieldError("status", $"Unbekannter Status „{FieldRules.Echo(status)}“."));
        }

        errors.Municipality("kommune", kommune, await mediator.Send(new GetDeployment(), ct), required: false);
        errors.OptionalText("suche", suche, 200);
        return errors;
    }
}

internal sealed class LegeTraegerAnValidator(IMediator mediator) : IValidator<LegeTraegerAn>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(LegeTraegerAn request, CancellationToken cancellationToken) => Eingaben.StammdatenAsync(request, mediator, cancellationToken);
}

internal sealed class AendereTraegerValidator(IMediator mediator) : IValidator<AendereTraeger>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(AendereTraeger request, CancellationToken cancellationToken) => Eingaben.StammdatenAsync(request, mediator, cancellationToken);
}

internal sealed class ListeTraegerValidator(IMediator mediator) : IValidator<ListeTraeger>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ListeTraeger request, CancellationToken cancellationToken)
        => Eingaben.FilterAsync(request.Status, request.Kommune, request.Suche, mediator, cancellationToken);
}

internal sealed class ExportiereTraegerValidator(IMediator mediator) : IValidator<ExportiereTraeger>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ExportiereTraeger request, CancellationToken cancellationToken)
        => Eingaben.FilterAsync(request.Status, request.Kommune, request.Suche, mediator, cancellationToken);
}

internal sealed class WechsleTraegerStatusValidator : IValidator<WechsleTraegerStatus>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(WechsleTraegerStatus request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Nach))
        {
            errors.Add(new FieldError("nach", "Bitte den neuen Status wählen."));
        }
        else if (Lebenszyklen.Traeger.Finde(request.Nach) is null)
        {
            errors.Add(new FieldError("nach", $"Unbekannter Status „{FieldRules.Echo(request.Nach)}“."));
        }
        else if (TraegerRegeln.PruefeGrund(request.Nach, request.Grund) is { } fehler)
        {
            errors.Add(fehler);
        }

        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ErfasseKontaktValidator(ILocalClock clock) : IValidator<ErfasseKontakt>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ErfasseKontakt request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        errors.NotInFuture("datum", errors.Day("datum", request.Datum, required: true), clock.Today, "Ein Kontakt");

        if (!Kontaktkanaele.Gibt(request.Kanal))
        {
            errors.Add(new FieldError("kanal", "Bitte den Weg des Kontakts wählen (Telefon, E-Mail, Treffen, Brief, Sonstiges)."));
        }

        errors.RequiredText("notiz", request.Notiz, TraegerRegeln.NotizMax, "eine Notiz zum Kontakt");
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ErfasseVereinbarungValidator(IMediator mediator, ILocalClock clock) : IValidator<ErfasseVereinbarung>
{
    public async Task<IReadOnlyList<FieldError>> ValidateAsync(ErfasseVereinbarung request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var beginn = errors.Day("beginn", request.Beginn, required: true);
        var ende = errors.Day("ende", request.Ende, required: false);
        if (beginn is { } b && TraegerRegeln.PruefeGeplantesEnde(b, ende, clock.Today) is { } fehler)
        {
            errors.Add(fehler);
        }

        errors.Municipalities("kommunen", request.Kommunen, await mediator.Send(new GetDeployment(), cancellationToken), required: true);
        errors.OptionalText("foerderung", request.Foerderung, TraegerRegeln.FoerderungMax);
        return errors;
    }
}

internal sealed class BeendeVereinbarungValidator : IValidator<BeendeVereinbarung>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(BeendeVereinbarung request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        errors.Day("ende", request.Ende, required: true);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}
