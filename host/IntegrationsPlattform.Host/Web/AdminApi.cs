using IntegrationsPlattform.Contracts.Dsgvo;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Dsgvo;
using IntegrationsPlattform.Host.Jobs;
using IntegrationsPlattform.Host.Files;
using IntegrationsPlattform.Host.Messaging.Outbox;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.Security;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.Web;

internal sealed record ModuleInfo(string Id, string DisplayName, string State, string? Reason, string? Version, int SdkMajor, int SchemaVersion, long DatabaseBytes, long FileBytes, IReadOnlyList<string> Requires, IReadOnlyList<string> Uses, string? Folder);

internal sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Email, string? Password, IReadOnlyList<string>? Roles);

internal sealed record ResetPasswordRequest(string? Password);

internal sealed record UserRolesRequest(IReadOnlyList<string>? RoleIds);

internal sealed record CreateRoleRequest(string? Name, string? Description);

internal sealed record GrantRequest(string? Scope, IReadOnlyList<string>? Municipalities, IReadOnlyList<string>? Groups = null);

internal sealed record DataSubjectRequest(string? Name, string? Email);

internal sealed record EraseRequest(string? Name, string? Email, IReadOnlyList<EraseItem>? Records);

internal sealed record EraseItem(string Module, string RecordType, string RecordId);

// Named answer types (rather than anonymous ones) let the request delegates be generated at compile time.
internal sealed record PermissionInfo(string Source, string Key, string DisplayName, bool Scopable, ScopeGroupKind? Groups);

internal sealed record CreatedRole(string Id);

internal sealed record JobInfo(string Key, string DisplayName, string Source, double IntervalMinutes, JobRun? LastRun);

internal sealed record AuditPage(int Total, IReadOnlyList<AuditRecord> Rows);

/// <param name="Waiting">Messages not yet delivered in all outboxes, parked ones included.</param>
internal sealed record OutboxInfo(long Waiting, IReadOnlyList<ParkedMessage> Parked);

internal sealed record ErasureResult(int Erased);

internal sealed record BackupResult(string Folder);

/// <summary>The admin API under <c>/api/admin</c>: modules, users, roles, jobs, audit trail, DSGVO requests, backup.</summary>
internal static class AdminApi
{
    public static ModuleInfo Describe(InstalledModule module) => new(
        module.Id,
        module.DisplayName,
        module.State.ToString(),
        module.Reason,
        module.Manifest?.Version.ToString(),
        module.Manifest?.SdkMajor ?? 0,
        module.SchemaVersion,
        module.DatabasePath is { } path ? Sqlite.DatabaseBytes(path) : 0,
        module.FilesDirectory is { } files ? FileCatalog.Bytes(files) : 0,
        module.Manifest?.Requires ?? [],
        module.Manifest?.Uses ?? [],
        Path.GetFileName(module.Folder));

    public static ModuleInfo Describe(NotInstalledModule module)
        => new(module.Id, module.Id, module.State.ToString(), module.Reason, null, 0, 0, 0, 0, [], [], null);

    public static void MapAdminApi(this WebApplication app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Verwaltung");

        admin.MapGet("/modules", (ModuleRegistry registry) => registry.All.Select(Describe).Concat(registry.NotInstalled.Select(Describe)).ToList())
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Alle gefundenen Module mit Zustand, und die konfigurierten, aber nicht installierten");

        admin.MapGet("/permissions", (PermissionCatalog catalog) => catalog.All.Select(p => new PermissionInfo(p.Source, p.Permission.Key, p.Permission.DisplayName, p.Permission.Scopable, p.Permission.Groups)))
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Alle vergebbaren Berechtigungen");

        admin.MapGet("/permissions/{permission}/groups", (string permission, ScopeGroupCatalog groups, CancellationToken ct) => groups.OfPermissionAsync(permission, ct))
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Die Gruppen, für die sich eine Berechtigung erteilen lässt");

        admin.MapGet("/users", (AccountStore accounts, CancellationToken ct) => accounts.ListAsync(ct))
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Benutzer");

        admin.MapPost("/users", async (CreateUserRequest request, AccountStore accounts, CancellationToken ct) =>
            {
                var id = await accounts.CreateAsync(request.UserName ?? "", request.DisplayName ?? "", request.Email, request.Password ?? "", isDemo: false, request.Roles ?? [], ct);
                return Results.Created($"/api/admin/users/{id}", await accounts.FindAsync(id, ct));
            })
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Benutzer anlegen").ProducesValidationProblem();

        admin.MapPost("/users/{id:guid}/deactivate", async (Guid id, AccountStore accounts, ICurrentUser user, CancellationToken ct) =>
            {
                await SetActiveAsync(accounts, user, id, false, ct);
                return Results.NoContent();
            })
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Benutzer deaktivieren (beendet Sitzungen und Tokens)");

        admin.MapPost("/users/{id:guid}/activate", async (Guid id, AccountStore accounts, ICurrentUser user, CancellationToken ct) =>
            {
                await SetActiveAsync(accounts, user, id, true, ct);
                return Results.NoContent();
            })
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Benutzer wieder aktivieren");

        admin.MapPost("/users/{id:guid}/reset-password", async (Guid id, ResetPasswordRequest request, AccountStore accounts, CancellationToken ct) =>
            {
                await accounts.ResetPasswordAsync(id.ToString(), request.Password ?? "", ct);
                return Results.NoContent();
            })
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Passwort neu setzen und Sperre aufheben");

        admin.MapPut("/users/{id:guid}/roles", async (Guid id, UserRolesRequest request, RoleStore roles, CancellationToken ct) =>
            {
                await roles.SetUserRolesAsync(id.ToString(), request.RoleIds ?? [], ct);
                return Results.NoContent();
            })
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Rollen eines Benutzers setzen");

        admin.MapGet("/roles", (RoleStore roles, CancellationToken ct) => roles.ListAsync(ct))
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Rollen mit Berechtigungen");

        admin.MapPost("/roles", async (CreateRoleRequest request, RoleStore roles, CancellationToken ct) =>
            {
                var id = await CreateRoleAsync(roles, request, ct);
                return Results.Created($"/api/admin/roles/{id}", new CreatedRole(id));
            })
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Rolle anlegen").ProducesValidationProblem();

        admin.MapPut("/roles/{id:guid}/permissions/{permission}", async (Guid id, string permission, GrantRequest request, RoleStore roles, PlatformOptions options, ScopeGroupCatalog groups, CancellationToken ct) =>
            {
                await GrantAsync(roles, options, groups, id, permission, request, ct);
                return Results.NoContent();
            })
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Berechtigung einer Rolle erteilen (mit Reichweite)");

        admin.MapDelete("/roles/{id:guid}/permissions/{permission}", async (Guid id, string permission, RoleStore roles, CancellationToken ct) =>
            {
                await roles.RevokeAsync(id.ToString(), permission, ct);
                return Results.NoContent();
            })
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Berechtigung entziehen");

        admin.MapGet("/jobs", async (JobScheduler scheduler, CancellationToken ct) =>
            {
                var last = await scheduler.LastRunsAsync(ct);
                return scheduler.Jobs.Select(j => new JobInfo(j.Key, j.DisplayName, j.Source, j.Interval.TotalMinutes, last.GetValueOrDefault(j.Key)));
            })
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Geplante Aufträge mit letztem Lauf");

        admin.MapPost("/jobs/{key}/run", async (string key, JobScheduler scheduler, CancellationToken ct) =>
            {
                var job = scheduler.Jobs.FirstOrDefault(j => j.Key == key) ?? throw new RecordNotFoundException($"Einen Auftrag '{key}' gibt es nicht.");
                return Results.Ok(await scheduler.RunAsync(job, ct));
            })
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Auftrag sofort ausführen");

        admin.MapGet("/messages", async (OutboxDispatcher outbox, ParkedMessages parked, CancellationToken ct) => new OutboxInfo(await outbox.WaitingAsync(ct), await parked.ListAsync(ct)))
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Nachrichten zwischen Modulen: wie viele warten, und die zurückgestellten mit ihrem Fehler");

        admin.MapPost("/messages/{id}/retry", (string id, ParkedMessages parked, CancellationToken ct) => parked.RetryAsync(id, ct))
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Zurückgestellte Nachricht erneut zustellen (protokolliert)");

        admin.MapDelete("/messages/{id}", async (string id, ParkedMessages parked, CancellationToken ct) =>
            {
                await parked.DropAsync(id, ct);
                return Results.NoContent();
            })
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Zurückgestellte Nachricht verwerfen (protokolliert)");

        admin.MapGet("/audit", async (string? q, int? page, AuditTrail audit, CancellationToken ct) =>
            {
                var (rows, total) = await audit.SearchAsync(q, Math.Max(page ?? 1, 1), 50, ct);
                return new AuditPage(total, rows);
            })
            .RequirePermission(PermissionCatalog.PlatformAudit).WithSummary("Protokoll der Zugriffe auf personenbezogene Daten");

        admin.MapPost("/dsgvo/search", (DataSubjectRequest request, DataSubjectService service, CancellationToken ct)
                => service.FindAsync(ToQuery(request.Name, request.Email), ct))
            .RequirePermission(PermissionCatalog.PlatformDataSubjects).WithSummary("Person in allen Modulen suchen").ProducesValidationProblem();

        admin.MapPost("/dsgvo/export", (DataSubjectRequest request, DataSubjectService service, CancellationToken ct)
                => service.ExportAsync(ToQuery(request.Name, request.Email), ct))
            .RequirePermission(PermissionCatalog.PlatformDataSubjects).WithSummary("Auskunft: alle Daten der Person (Art. 15 DSGVO)");

        admin.MapPost("/dsgvo/erase", async (EraseRequest request, DataSubjectService service, CancellationToken ct)
                => new ErasureResult(await EraseAsync(service, request, ct)))
            .RequirePermission(PermissionCatalog.PlatformDataSubjects).WithSummary("Löschung (Art. 17 DSGVO) der bestätigten Datensätze");

        admin.MapPost("/backup", (PlatformOptions options, ModuleRegistry registry, TimeProvider time)
                => Results.Ok(new BackupResult(DatabaseBackup.BackupAll(options, registry, time))))
            .RequirePermission(PermissionCatalog.PlatformAdmin).WithSummary("Konsistente Sicherung aller Datenbanken");
    }

    // The checks below are shared by the JSON API and the admin pages, so that both refuse the same input with the same words.

    /// <summary>Activates or deactivates an account; nobody can lock themselves out by deactivating their own.</summary>
    internal static Task SetActiveAsync(AccountStore accounts, ICurrentUser user, Guid id, bool active, CancellationToken cancellationToken = default)
        => !active && user.UserId == id
            ? throw new DomainRuleException("Das eigene Konto kann nicht deaktiviert werden.")
            : accounts.SetActiveAsync(id.ToString(), active, cancellationToken);

    internal static Task<string> CreateRoleAsync(RoleStore roles, CreateRoleRequest request, CancellationToken cancellationToken = default)
        => string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length is < 2 or > 80
            ? throw RequestValidationException.For("name", "Bitte einen Rollennamen mit 2 bis 80 Zeichen angeben.")
            : roles.EnsureRoleAsync(request.Name.Trim(), request.Description?.Trim() ?? "", cancellationToken);

    internal static async Task GrantAsync(RoleStore roles, PlatformOptions options, ScopeGroupCatalog groupCatalog, Guid roleId, string permission, GrantRequest request, CancellationToken cancellationToken = default)
    {
        if (!Enum.TryParse<ScopeKind>(request.Scope ?? nameof(ScopeKind.All), ignoreCase: true, out var scope) || !Enum.IsDefined(scope))
        {
            throw RequestValidationException.For("scope", "Reichweite: All, Municipalities, OwnRecords oder Groups.");
        }

        var municipalities = request.Municipalities ?? [];
        var unknown = municipalities.FirstOrDefault(a => options.Deployment.FindMunicipality(a) is null);
        if (unknown is not null)
        {
            throw RequestValidationException.For("municipalities", $"'{unknown}' ist keine Kommune dieses Kreises.");
        }

        var groups = request.Groups ?? [];
        await groupCatalog.EnsureKnownAsync(permission, groups, cancellationToken);
        await roles.GrantAsync(roleId.ToString(), permission, scope, municipalities, groups, cancellationToken);
    }

    /// <summary>Erases exactly the records named in the request; an empty list is refused rather than read as "all".</summary>
    internal static Task<int> EraseAsync(DataSubjectService service, EraseRequest request, CancellationToken cancellationToken = default)
    {
        var records = request.Records ?? [];
        if (records.Count == 0)
        {
            throw RequestValidationException.For("records", "Bitte die zu löschenden Datensätze ausdrücklich angeben.");
        }

        return service.EraseAsync(records.Select(r => (r.Module, r.RecordType, r.RecordId)).ToList(), ToQuery(request.Name, request.Email), cancellationToken);
    }

    internal static DataSubjectQuery ToQuery(string? name, string? email)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(name) && string.IsNullOrWhiteSpace(email))
        {
            errors.Add(new FieldError("name", "Bitte einen Namen oder eine E-Mail-Adresse angeben."));
        }

        errors.OptionalText("name", name, 200);
        errors.Email("email", email);

        return errors.Count > 0 ? throw new RequestValidationException(errors) : new DataSubjectQuery(name?.Trim(), email?.Trim());
    }
}
