using System.Globalization;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Begleitung;

/// <summary>
/// The checks of a hand-over to the Lotsen that this module makes before anything goes into its outbox: the Lotsen module
/// checks the request again when it arrives, and a request it refuses then would only wait parked in the outbox.
/// </summary>
internal static class UebergabePruefung
{
    /// <summary>The Lotsen topic of every hand-over from health prevention (a key of the Lotsen module's default topics).</summary>
    public const string LotsenThema = "gesundheit";

    /// <summary>Initials, not a name: the Lotsen module takes at most 50 characters for a pseudonym, a family's initials need far fewer.</summary>
    public const int InitialenMaxLaenge = 10;

    /// <summary>The longest wished period the Lotsen module accepts for a request.</summary>
    public const int MaxTageZeitraum = 92;

    /// <summary>The period Lotsen look for a day in when staff give only its start.</summary>
    public const int StandardTageZeitraum = 13;

    /// <summary>A day the validator has accepted (<c>yyyy-MM-dd</c>); null when none was given.</summary>
    public static DateOnly? Tag(string? text)
        => string.IsNullOrWhiteSpace(text) ? null : DateOnly.ParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static void SpracheUndKommune(List<FieldError> errors, string? sprache, string? kommuneAgs, DeploymentInfo deployment)
    {
        if (string.IsNullOrWhiteSpace(sprache))
        {
            errors.Add(new FieldError("sprache", "Bitte die Sprache der Familie wählen."));
        }
        else if (errors.LanguageCode("sprache", sprache) == "de")
        {
            errors.Add(new FieldError("sprache", "Begleitung durch Lotsen ist für Familien, die eine andere Sprache als Deutsch sprechen."));
        }

        errors.Municipality("kommuneAgs", kommuneAgs, deployment, required: true);
    }
}
