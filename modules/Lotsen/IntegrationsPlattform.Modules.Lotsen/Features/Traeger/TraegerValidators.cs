using System.Globalization;
using System.Net.Mail;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>Field checks shared by the Träger requests, with the same German words for API and forms.</summary>
internal static class Eingaben
{
    public static void Text(List<FieldError> errors, string feld, string? wert, int max, string bezeichnung, bool pflicht = false)
    {
        if (string.IsNullOrWhiteSpace(wert))
        {
            if (pflicht)
            {
                errors.Add(new FieldError(feld, $"Bitte {bezeichnung} angeben."));
            }
        }
        else if (wert.Trim().Length > max)
        {
            errors.Add(new FieldError(feld, $"Höchstens {max} Zeichen erlaubt ({wert.Trim().Length} eingegeben)."));
        }
    }

    /// <summary>A day as the API sends it (<c>yyyy-MM-dd</c>); null with an error when missing or malformed.</summary>
    public static DateOnly? Tag(List<FieldError> errors, string feld, string? wert, bool pflicht)
    {
        if (string.IsNullOrWhiteSpace(wert))
        {
            if (pflicht)
            {
                errors.Add(new FieldError(feld, "Bitte ein Datum angeben."));
            }

            return null;
        }

        if (DateOnly.TryParseExact(wert.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var tag))
        {
            return tag;
        }

        errors.Add(new FieldError(feld, "Bitte ein gültiges Datum angeben (JJJJ-MM-TT)."));
        return null;
    }

    public static void Kommunen(List<FieldError> errors, IReadOnlyList<string>? kommunen, DeploymentInfo deployment, bool pflicht)
    {
        var liste = kommunen ?? [];
        if (pflicht && liste.Count == 0)
        {
            errors.Add(new FieldError("kommunen", "Bitte mindestens eine Kommune wählen."));
            return;
        }

        var unbekannt = liste.Where(k => string.IsNullOrWhiteSpace(k) || deployment.FindMunicipality(k.Trim()) is null).ToList();
        if (unbekannt.Count > 0)
        {
            errors.Add(new FieldError("kommunen", $"Unbekannte Kommune (AGS): {string.Join(", ", unbekannt.Select(k => Kurz(k ?? "")))}. Bitte Kommunen des Kreises wählen."));
        }
    }

    public static string Kurz(string wert) => wert.Length > 20 ? wert[..20] + "…" : wert;

    public static async Task<IReadOnlyList<FieldError>> StammdatenAsync(ITraegerStammdaten eingabe, IMediator mediator, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        Text(errors, "name", eingabe.Name, TraegerRegeln.NameMax, "den Namen des Trägers", pflicht: true);
        Text(errors, "ansprechperson", eingabe.Ansprechperson, TraegerRegeln.AnsprechpersonMax, "");
        Text(errors, "telefon", eingabe.Telefon, TraegerRegeln.TelefonMax, "");
        Text(errors, "notiz", eingabe.Notiz, TraegerRegeln.NotizMax, "");
        if (!string.IsNullOrWhiteSpace(eingabe.Email))
        {
            var email = eingabe.Email.Trim();
            if (email.Length > TraegerRegeln.EmailMax || !MailAddress.TryCreate(email, out var adresse) || adresse.Address != email)
            {
                errors.Add(new FieldError("email", "Bitte eine gültige E-Mail-Adresse angeben (z. B. name@beispiel.de)."));
            }
        }

        if (!string.IsNullOrWhiteSpace(eingabe.Telefon) && eingabe.Telefon.Trim().Length <= TraegerRegeln.TelefonMax
            && eingabe.Telefon.Trim().Any(c => !char.IsDigit(c) && !" +-/()".Contains(c)))
        {
            errors.Add(new FieldError("telefon", "Die Telefonnummer darf nur Ziffern, Leerzeichen und + - / ( ) enthalten."));
        }

        Kommunen(errors, eingabe.Kommunen, await mediator.Send(new GetDeployment(), ct), pflicht: false);
        return errors;
    }

    public static async Task<IReadOnlyList<FieldError>> FilterAsync(string? status, string? kommune, string? suche, IMediator mediator, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!string.IsNullOrEmpty(status) && Lebenszyklen.Traeger.Finde(status) is null)
        {
            errors.Add(new FieldError("status", $"Unbekannter Status „{Kurz(status)}“."));
        }

        if (!string.IsNullOrEmpty(kommune) && (await mediator.Send(new GetDeployment(), ct)).FindMunicipality(kommune) is null)
        {
            errors.Add(new FieldError("kommune", $"Unbekannte Kommune (AGS) „{Kurz(kommune)}“."));
        }

        Text(errors, "suche", suche, 200, "");
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
            errors.Add(new FieldError("nach", $"Unbekannter Status „{Eingaben.Kurz(request.Nach)}“."));
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
        if (Eingaben.Tag(errors, "datum", request.Datum, pflicht: true) is { } datum && datum > clock.Today)
        {
            errors.Add(new FieldError("datum", "Ein Kontakt kann nicht in der Zukunft liegen."));
        }

        if (!Kontaktkanaele.Gibt(request.Kanal))
        {
            errors.Add(new FieldError("kanal", "Bitte den Weg des Kontakts wählen (Telefon, E-Mail, Treffen, Brief, Sonstiges)."));
        }

        Eingaben.Text(errors, "notiz", request.Notiz, TraegerRegeln.NotizMax, "eine Notiz zum Kontakt", pflicht: true);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ErfasseVereinbarungValidator(IMediator mediator, ILocalClock clock) : IValidator<ErfasseVereinbarung>
{
    public async Task<IReadOnlyList<FieldError>> ValidateAsync(ErfasseVereinbarung request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var beginn = Eingaben.Tag(errors, "beginn", request.Beginn, pflicht: true);
        var ende = Eingaben.Tag(errors, "ende", request.Ende, pflicht: false);
        if (beginn is { } b && TraegerRegeln.PruefeGeplantesEnde(b, ende, clock.Today) is { } fehler)
        {
            errors.Add(fehler);
        }

        Eingaben.Kommunen(errors, request.Kommunen, await mediator.Send(new GetDeployment(), cancellationToken), pflicht: true);
        Eingaben.Text(errors, "foerderung", request.Foerderung, TraegerRegeln.FoerderungMax, "");
        return errors;
    }
}

internal sealed class BeendeVereinbarungValidator : IValidator<BeendeVereinbarung>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(BeendeVereinbarung request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Eingaben.Tag(errors, "ende", request.Ende, pflicht: true);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}
