using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Anbieter;

/// <summary>The checks of a provider's input, the same when it is created and when it is changed.</summary>
internal static class AnbieterPruefung
{
    public static IReadOnlyList<FieldError> Eingabe(AnbieterEingabe e, DeploymentInfo deployment)
    {
        var errors = new List<FieldError>();
        errors.RequiredText("name", e.Name, 200, "den Namen des Anbieters");
        errors.OptionalText("beschreibung", e.Beschreibung, 2000);
        errors.Email("email", e.Email);
        errors.Phone("telefon", e.Telefon);
        if (errors.OptionalText("website", e.Website, 500) is { } website
            && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add(new FieldError("website", "Bitte die Website als vollständige Adresse angeben, z. B. https://praxis-beispiel.de."));
        }

        errors.Municipality("kommuneAgs", e.KommuneAgs, deployment, required: false);
        return errors;
    }
}
