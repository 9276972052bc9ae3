using System.Globalization;
using Dapper;
using IntegrationsPlattform.Contracts.Jobs;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.OptIn;

/// <summary>
/// Deletes what public forms left behind: entries nobody confirmed within <c>Platform:OptIn:DeleteUnconfirmedAfterHours</c>
/// (their e-mail address and payload go with them), and after the same time the markers of confirmed links, which
/// only served to refuse a second use.
/// </summary>
internal sealed class OptInCleanupJob(HostDatabase database, PlatformOptions options) : IScheduledJob
{
    public const string Key = "platform.optin";

    public async Task<string> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = now.AddHours(-options.OptIn.DeleteUnconfirmedAfterHours).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        var (unconfirmed, confirmed) = await database.WriteAsync(async (c, t) => (
            await c.ExecuteAsync("DELETE FROM opt_in WHERE confirmed_at IS NULL AND created_at < @before", new { before }, t),
            await c.ExecuteAsync("DELETE FROM opt_in WHERE confirmed_at IS NOT NULL AND created_at < @before", new { before }, t)), cancellationToken);
        return $"{unconfirmed} unbestätigte Einträge öffentlicher Formulare gelöscht, {confirmed} verbrauchte Links vergessen.";
    }
}
