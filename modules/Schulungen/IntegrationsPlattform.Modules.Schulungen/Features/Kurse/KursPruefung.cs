using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Kurse;

/// <summary>The one validator of creating and changing a course: both take the same fields.</summary>
internal sealed class KursValidator : IValidator<CreateKurs>, IValidator<UpdateKurs>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(CreateKurs request, CancellationToken cancellationToken) => Task.FromResult(KursPruefung.Stammdaten(request));

    public Task<IReadOnlyList<FieldError>> ValidateAsync(UpdateKurs request, CancellationToken cancellationToken) => Task.FromResult(KursPruefung.Stammdaten(request));
}

/// <summary>Field checks shared by the course requests, with the same German words for API and forms.</summary>
internal static class KursPruefung
{
    public static IReadOnlyList<FieldError> Stammdaten(IKursDaten eingabe)
    {
        var errors = new List<FieldError>();
        errors.RequiredText("titel", eingabe.Titel, KursRegeln.TitelMax, "den Titel des Kurses");
        errors.RequiredText("beschreibung", eingabe.Beschreibung, KursRegeln.BeschreibungMax, "eine Beschreibung");
        errors.RequiredText("lernziele", eingabe.Lernziele, KursRegeln.LernzieleMax, "die Lernziele");
        errors.RequiredText("zielgruppe", eingabe.Zielgruppe, KursRegeln.ZielgruppeMax, "die Zielgruppe");
        if (string.IsNullOrWhiteSpace(eingabe.Format))
        {
            errors.Add(new FieldError("format", "Bitte das Format wählen (Präsenz, online oder hybrid)."));
        }
        else if (!KursRegeln.IstFormat(eingabe.Format))
        {
            errors.Add(new FieldError("format", $"Unbekanntes Format „{FieldRules.Echo(eingabe.Format)}“; möglich sind Präsenz, online und hybrid."));
        }

        if (errors.Required("unterrichtseinheiten", eingabe.Unterrichtseinheiten, "die Zahl der Unterrichtseinheiten") is { } einheiten
            && einheiten is < 1 or > KursRegeln.EinheitenMax)
        {
            errors.Add(new FieldError("unterrichtseinheiten", $"Bitte zwischen 1 und {KursRegeln.EinheitenMax} Unterrichtseinheiten angeben."));
        }

        if (errors.Required("stunden", eingabe.Stunden, "die Dauer in Zeitstunden") is { } stunden && !KursRegeln.IstStundenwert(stunden))
        {
            errors.Add(new FieldError("stunden", $"Bitte die Dauer in Zeitstunden angeben: mehr als 0 und höchstens {KursRegeln.StundenMax}, in Viertelstunden (z. B. 6 oder 7,5)."));
        }

        errors.OptionalText("voraussetzungen", eingabe.Voraussetzungen, KursRegeln.VoraussetzungenMax);
        return errors;
    }

    public static IReadOnlyList<FieldError> Filter(string? status, string? suche)
    {
        var errors = new List<FieldError>();
        Lebenszyklen.Kurs.CheckStatus(errors, "status", status, required: false);
        errors.OptionalText("suche", suche, KursRegeln.TitelMax);
        return errors;
    }
}
