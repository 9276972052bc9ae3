using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Lotsen.Domain;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>Field checks shared by the Träger requests, with the same German words for API and forms.</summary>
internal static class Eingaben
{
    public static IReadOnlyList<FieldError> Stammdaten(ITraegerStammdaten eingabe, DeploymentInfo deployment)
    {
        var errors = new List<FieldError>();
        errors.RequiredText("name", eingabe.Name, TraegerRegeln.NameMax, "den Namen des Trägers");
        errors.OptionalText("ansprechperson", eingabe.Ansprechperson, TraegerRegeln.AnsprechpersonMax);
        errors.Email("email", eingabe.Email);
        errors.Phone("telefon", eingabe.Telefon);
        errors.OptionalText("notiz", eingabe.Notiz, TraegerRegeln.NotizMax);
        errors.Municipalities("kommunen", eingabe.Kommunen, deployment, required: false);
        return errors;
    }

    public static IReadOnlyList<FieldError> Filter(string? status, string? kommune, string? suche, DeploymentInfo deployment)
    {
        var errors = new List<FieldError>();
        Lebenszyklen.Traeger.CheckStatus(errors, "status", status, required: false);

        errors.Municipality("kommune", kommune, deployment, required: false);
        errors.OptionalText("suche", suche, 200);
        return errors;
    }
}

internal sealed class LegeTraegerAnValidator(DeploymentInfo deployment) : IValidator<LegeTraegerAn>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(LegeTraegerAn request, CancellationToken cancellationToken) => Task.FromResult(Eingaben.Stammdaten(request, deployment));
}

internal sealed class AendereTraegerValidator(DeploymentInfo deployment) : IValidator<AendereTraeger>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(AendereTraeger request, CancellationToken cancellationToken) => Task.FromResult(Eingaben.Stammdaten(request, deployment));
}

internal sealed class ListeTraegerValidator(DeploymentInfo deployment) : IValidator<ListeTraeger>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ListeTraeger request, CancellationToken cancellationToken)
        => Task.FromResult(Eingaben.Filter(request.Status, request.Kommune, request.Suche, deployment));
}

internal sealed class ExportiereTraegerValidator(DeploymentInfo deployment) : IValidator<ExportiereTraeger>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ExportiereTraeger request, CancellationToken cancellationToken)
        => Task.FromResult(Eingaben.Filter(request.Status, request.Kommune, request.Suche, deployment));
}

internal sealed class WechsleTraegerStatusValidator : IValidator<WechsleTraegerStatus>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(WechsleTraegerStatus request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Lebenszyklen.Traeger.CheckChange(errors, "nach", request.Nach, "grund", request.Grund);
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

internal sealed class ErfasseVereinbarungValidator(DeploymentInfo deployment, ILocalClock clock) : IValidator<ErfasseVereinbarung>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ErfasseVereinbarung request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var beginn = errors.Day("beginn", request.Beginn, required: true);
        var ende = errors.Day("ende", request.Ende, required: false);
        if (beginn is { } b && TraegerRegeln.PruefeGeplantesEnde(b, ende, clock.Today) is { } fehler)
        {
            errors.Add(fehler);
        }

        errors.Municipalities("kommunen", request.Kommunen, deployment, required: true);
        errors.OptionalText("foerderung", request.Foerderung, TraegerRegeln.FoerderungMax);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
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
