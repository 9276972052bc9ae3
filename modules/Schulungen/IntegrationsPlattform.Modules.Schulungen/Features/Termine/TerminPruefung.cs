using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Termine;

/// <summary>An appointment after its checks: local start and end as stored.</summary>
internal sealed record GepruefteZeit(string Beginn, string Ende, string? Ort, string? OnlineLink);

/// <summary>Field checks shared by the session requests, with the same German words for API and forms.</summary>
internal static class TerminPruefung
{
    public static void Stammdaten(List<FieldError> errors, ITerminDaten eingabe, DeploymentInfo deployment)
    {
        errors.Municipality("kommune", eingabe.Kommune, deployment, required: false);
        if (errors.Required("kapazitaet", eingabe.Kapazitaet, "die Zahl der Plätze") is { } plaetze && plaetze is < 1 or > TerminRegeln.KapazitaetMax)
        {
            errors.Add(new FieldError("kapazitaet", $"Bitte zwischen 1 und {TerminRegeln.KapazitaetMax} Plätze angeben."));
        }

        if (eingabe.MaxWarteliste is < 0 or > TerminRegeln.WartelisteMax)
        {
            errors.Add(new FieldError("maxWarteliste", $"Die Warteliste fasst 0 bis {TerminRegeln.WartelisteMax} Personen."));
        }

        errors.Day("anmeldeschluss", eingabe.Anmeldeschluss, required: true);
        errors.OptionalText("notiz", eingabe.Notiz, TerminRegeln.NotizMax);
        if ((eingabe.Trainer ?? []).Any(t => !Guid.TryParse(t, out _)))
        {
            errors.Add(new FieldError("trainer", "Bitte nur Trainerinnen und Trainer aus der Liste wählen."));
        }
    }

    /// <summary>
    /// One appointment, its messages at <paramref name="prefix"/> (<c>""</c> for a single one, <c>"zeiten[1]."</c> in a
    /// list): a day, from and to on that day with „bis“ after „von“, and a place or an online link.
    /// </summary>
    public static GepruefteZeit? Zeit(List<FieldError> errors, ZeitEingabe? zeit, string prefix)
    {
        var vorher = errors.Count;
        var tag = errors.Day(prefix + "tag", zeit?.Tag, required: true);
        var beginn = errors.TimeOfDay(prefix + "beginn", zeit?.Beginn, required: true);
        var ende = errors.TimeOfDay(prefix + "ende", zeit?.Ende, required: true);
        errors.TimeRange(prefix + "ende", beginn, ende);
        var ort = errors.OptionalText(prefix + "ort", zeit?.Ort, TerminRegeln.OrtMax);
        var link = errors.OptionalText(prefix + "onlineLink", zeit?.OnlineLink, TerminRegeln.LinkMax);
        if (link is not null && !TerminRegeln.IstLink(link))
        {
            errors.Add(new FieldError(prefix + "onlineLink", "Bitte den Link als vollständige Webadresse angeben, z. B. https://…"));
        }

        if (string.IsNullOrWhiteSpace(zeit?.Ort) && string.IsNullOrWhiteSpace(zeit?.OnlineLink))
        {
            errors.Add(new FieldError(prefix + "ort", "Bitte einen Ort oder einen Online-Link angeben."));
        }

        return errors.Count > vorher ? null : new GepruefteZeit(TerminRegeln.Ortszeit(tag!.Value, beginn!.Value), TerminRegeln.Ortszeit(tag.Value, ende!.Value), ort, link);
    }

    /// <summary>The registration deadline may not lie after the day of the first appointment.</summary>
    public static void Anmeldeschluss(List<FieldError> errors, string? anmeldeschluss, string? ersterBeginn)
    {
        if (ersterBeginn is not null && DateOnly.TryParseExact(anmeldeschluss, "yyyy-MM-dd", out var schluss)
            && schluss > TerminRegeln.LeseOrtszeit(ersterBeginn).Tag)
        {
            errors.Add(new FieldError("anmeldeschluss", "Der Anmeldeschluss darf nicht nach dem ersten Termintag liegen."));
        }
    }

    public static IReadOnlyList<FieldError> Filter(string? kurs, string? kommune, string? status, int? schuljahr, DeploymentInfo deployment)
    {
        var errors = new List<FieldError>();
        if (!string.IsNullOrEmpty(kurs) && !Guid.TryParse(kurs, out _))
        {
            errors.Add(new FieldError("kurs", "Unbekannter Kurs."));
        }

        errors.Municipality("kommune", kommune, deployment, required: false);
        Lebenszyklen.Termin.CheckStatus(errors, "status", status, required: false);
        if (schuljahr is < 2000 or > 2100)
        {
            errors.Add(new FieldError("schuljahr", "Bitte das Schuljahr mit seinem ersten Jahr angeben, z. B. 2026 für 2026/27."));
        }

        return errors;
    }
}
