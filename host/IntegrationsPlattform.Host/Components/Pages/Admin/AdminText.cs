using System.Globalization;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Security;
using IntegrationsPlattform.Host.Web;

namespace IntegrationsPlattform.Host.Components.Pages.Admin;

/// <summary>How the admin pages put stored values (times, enum names, scopes, intervals) into German words.</summary>
internal static class AdminText
{
    /// <summary>host.db keeps times as UTC ISO 8601 strings.</summary>
    public static string Local(string isoUtc, TimeZoneInfo zone)
        => PlatformLocalization.FormatLocal(DateTimeOffset.Parse(isoUtc, CultureInfo.InvariantCulture), zone);

    public static string Interval(TimeSpan interval) => interval switch
    {
        { TotalDays: >= 1 } when interval.TotalDays % 1 == 0 => Count((int)interval.TotalDays, "Tag", "Tage"),
        { TotalHours: >= 1 } when interval.TotalHours % 1 == 0 => Count((int)interval.TotalHours, "Stunde", "Stunden"),
        _ => Count((int)GermanFormat.Round((decimal)interval.TotalMinutes, 0), "Minute", "Minuten"),
    };

    /// <summary>The audit trail stores <see cref="AuditAction"/> names.</summary>
    public static string AuditActionText(string action) => Enum.TryParse<AuditAction>(action, out var parsed)
        ? parsed switch
        {
            AuditAction.View => "Ansicht",
            AuditAction.List => "Liste",
            AuditAction.Create => "Anlage",
            AuditAction.Change => "Änderung",
            AuditAction.Export => "Export",
            AuditAction.Erase => "Löschung",
            AuditAction.Refused => "Abgewiesen",
            _ => action,
        }
        : action;

    /// <summary>A grant's reach in words; <paramref name="groups"/> are the groups the permission can be granted for, to name the granted ones.</summary>
    public static string Scope(RoleGrant grant, DeploymentInfo deployment, IReadOnlyList<ScopeGroup> groups) => grant.Scope switch
    {
        ScopeKind.Municipalities => "bestimmte Kommunen: " + string.Join(", ", grant.Municipalities.Select(deployment.MunicipalityName)),
        ScopeKind.Groups => "bestimmte Gruppen: " + string.Join(", ", grant.Groups.Select(id => groups.FirstOrDefault(g => g.Id == id)?.Name ?? id)),
        ScopeKind.OwnRecords => "nur eigene Datensätze",
        _ => "alle",
    };

    /// <summary>A granted permission's name and where it comes from; a module that is not running leaves only the key.</summary>
    public static (string Name, string Source) Permission(PermissionCatalog catalog, string key)
        => catalog.All.FirstOrDefault(p => p.Permission.Key == key) is { Permission: not null } known
            ? (known.Permission.DisplayName, known.Source)
            : (key, "Modul nicht aktiv");

    public static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";
}
