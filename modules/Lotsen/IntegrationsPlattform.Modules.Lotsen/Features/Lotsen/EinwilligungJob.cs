using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Jobs;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

/// <summary>
/// Daily: every Lotse with an e-mail address whose consent expires within the reminder window (or has
/// expired) and who was not reminded since the consent was recorded gets one e-mail asking to renew it; the mail goes
/// through Lotsen's outbox with the mark (<see cref="RecordEinwilligungErinnerung"/>), so the mail server's refusal delays it, never loses it.
/// </summary>
internal sealed class EinwilligungJob(IModuleDatabase<LotsenModule> database, IMediator mediator, LotsenSettings settings, ILocalClock clock)
    : IScheduledJob
{
    public const string Key = "einwilligung";

    public async Task<string> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var heute = DateOnly.FromDateTime(clock.ToLocal(now).DateTime);
        var grenze = GermanFormat.StoredDay(Einwilligung.ErinnerungsGrenze(heute, settings.EinwilligungErinnerungTage));
        List<(string Id, string Vorname, string Nachname, string Email, string Bis)> faellig;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            faellig = (await connection.QueryAsync<(string, string, string, string, string)>(
                """
                SELECT id, vorname, nachname, email, einwilligung_bis FROM lotsen
                WHERE email IS NOT NULL AND erinnerung_am IS NULL AND status <> 'ausgeschieden' AND einwilligung_bis <= @grenze
                ORDER BY einwilligung_bis, id
                """, new { grenze })).ToList();
        }

        var am = GermanFormat.StoredInstant(now);
        var versandt = 0;
        foreach (var lotse in faellig)
        {
            var bis = GermanFormat.ParseStoredDay(lotse.Bis);
            var text = $"""
                Guten Tag {lotse.Vorname} {lotse.Nachname},

                Sie sind als Integrationslotsin oder Integrationslotse bei uns eingetragen. Ihre Einwilligung, dass wir Ihre Daten dafür speichern, {(bis < heute ? "ist am" : "läuft am")} {GermanFormat.Day(bis)} {(bis < heute ? "abgelaufen" : "ab")}.

                Wenn Sie weiter als Lotse tätig sein möchten, erneuern Sie Ihre Einwilligung bitte bei Ihrer Ansprechperson (aktuelle Fassung {settings.EinwilligungVersion}). Ohne erneuerte Einwilligung werden Ihre Daten gelöscht.

                Vielen Dank für Ihr Engagement!
                """;
            var mail = new OutgoingMail(lotse.Email, "Bitte erneuern Sie Ihre Einwilligung als Integrationslotse", text);
            if (await mediator.Send(new RecordEinwilligungErinnerung(lotse.Id, am, mail), cancellationToken))
            {
                versandt++;
            }
        }

        return versandt == 1 ? "1 Erinnerung versandt" : $"{versandt} Erinnerungen versandt";
    }
}
