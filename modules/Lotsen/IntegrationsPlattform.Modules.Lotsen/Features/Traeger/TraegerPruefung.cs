using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Lotsen.Domain;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>Field checks shared by the Träger requests, with the same German words for API and forms.</summary>
internal static class TraegerPruefung
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
