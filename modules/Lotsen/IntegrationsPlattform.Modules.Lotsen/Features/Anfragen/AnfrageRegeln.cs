using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Lotsen.Domain;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;

/// <summary>The rules of a new request, shared by staff entry and the contract other modules use.</summary>
internal static class AnfrageRegeln
{
    public const int MaxTageZeitraum = 92;

    public static List<FieldError> Pruefe(AnfrageEingabe e, DeploymentInfo deployment, LotsenSettings settings, bool vonModul)
    {
        var fehler = new List<FieldError>();
        fehler.RequiredText("kennung", e.Kennung, 50, "ein Kürzel oder Pseudonym (keinen vollen Namen)");
        fehler.OptionalText("kontakt", e.Kontakt, 200);
        fehler.OptionalText("ziel", e.Ziel, 200);
        fehler.OptionalText("notiz", e.Notiz, 2000);

        var sprachen = (e.Sprachen ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(Languages.Normalize).ToList();
        if (sprachen.Count == 0)
        {
            fehler.Add(new FieldError("sprachen", "Bitte mindestens eine Sprache angeben."));
        }
        else
        {
            sprachen.ForEach(code => fehler.LanguageCode("sprachen", code));
        }

        if (string.IsNullOrWhiteSpace(e.Thema) || !settings.Themen.ContainsKey(e.Thema))
        {
            fehler.Add(new FieldError("thema", "Bitte ein Thema wählen."));
        }

        fehler.Municipality("kommuneAgs", e.KommuneAgs, deployment, required: true);
        fehler.Required("datumVon", e.DatumVon, "den Beginn des Zeitraums");
        fehler.DayRange("datumBis", e.DatumVon, e.DatumBis, MaxTageZeitraum);
        fehler.TimeRange("uhrzeitBis", fehler.TimeOfDay("uhrzeitVon", e.UhrzeitVon, required: false), fehler.TimeOfDay("uhrzeitBis", e.UhrzeitBis, required: false));

        if (!vonModul && !Vermittler.IstWaehlbar(e.VermitteltDurch))
        {
            fehler.Add(new FieldError("vermitteltDurch", "Bitte angeben, wer die Anfrage vermittelt hat."));
        }

        return fehler;
    }
}
