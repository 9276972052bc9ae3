using IntegrationsPlattform.Contracts.Messaging;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Materialausgaben;

/// <summary>The period filter the hand-outs' list and figures share: two optional days, the end not before the start.</summary>
internal static class AusgabenZeitraum
{
    public static void Pruefen(ICollection<FieldError> errors, string? von, string? bis)
        => errors.DayRange("bis", errors.Day("von", von, required: false), errors.Day("bis", bis, required: false));
}
