using Dapper;
using IntegrationsPlattform.Contracts.Messaging;

namespace IntegrationsPlattform.Contracts.Security;

/// <summary>
/// The platform's one scope check: which records of a module the current user may read and write under one
/// permission. A record lies in one or more municipalities (AGS) and may belong to someone: its owner key links
/// it to a platform account — the user name itself, or what the module derives from it (a Lotse's assignments
/// carry the id of the Lotse whose account it is).
/// <list type="bullet">
/// <item>All: every record.</item>
/// <item>Municipalities: a read sees a record in any granted municipality; a write needs every municipality the
/// record lies in, before and after the write, to be granted.</item>
/// <item>Own records: the records whose owner key is the user's.</item>
/// <item>Groups: a record may belong to groups the module declares (<see cref="ScopeGroupKind"/>, e.g. a council), checked
/// like its municipalities: a read sees a record of any granted group, a write needs every group the record belongs to,
/// before and after the write. A user holding both municipalities and groups may act where either reaches.</item>
/// </list>
/// A record the user may not read does not exist for them (<see cref="RecordNotFoundException"/>, 404), also for
/// a change. A write that would leave a record outside the scope is refused with <see cref="OutOfScopeException"/>
/// (403); the host rolls the command back and then records the refusal in the audit trail. Commands that another
/// module sends over a contract are checked by the receiving module's own rules, not with a user's scope.
/// </summary>
public sealed class RecordScope
{
    private const string OutsideMunicipalities = "Außerhalb Ihres Bereichs: Sie dürfen nur Datensätze anlegen und ändern, die ganz in Ihren Kommunen liegen.";
    private const string OutsideGroups = "Außerhalb Ihres Bereichs: Sie dürfen nur Datensätze Ihrer Gruppen anlegen und ändern.";
    private const string NotOwn = "Außerhalb Ihres Bereichs: Sie dürfen nur Ihre eigenen Datensätze ändern.";
    private const string WithoutPermission = "Dafür fehlt Ihnen die Berechtigung.";

    private readonly string _permission;
    private readonly PermissionScope? _grant;
    private readonly string? _ownerKey;

    private RecordScope(string permission, PermissionScope? grant, string? ownerKey)
    {
        _permission = permission;
        _grant = grant;
        _ownerKey = ownerKey;
    }

    /// <summary>
    /// The scope of a grant (null: the permission is not held). <paramref name="ownerKey"/> identifies the user's
    /// own records; it only counts for an own-records grant.
    /// </summary>
    public static RecordScope Of(string permission, PermissionScope? grant, string? ownerKey)
        => new(permission, grant, grant?.Kind == ScopeKind.OwnRecords ? ownerKey : null);

    /// <summary>The user's scope under <paramref name="permission"/>, for records whose owner key is the user name.</summary>
    public static RecordScope Of(ICurrentUser user, string permission) => Of(permission, user.ScopeOf(permission), user.UserName);

    /// <summary>
    /// The user's scope under <paramref name="permission"/>, for records whose owner key the module derives from the
    /// user name (<paramref name="ownerKeyOf"/>, asked only for an own-records grant; null when the user owns nothing).
    /// </summary>
    public static async Task<RecordScope> OfAsync(ICurrentUser user, string permission, Func<string, Task<string?>> ownerKeyOf)
    {
        var grant = user.ScopeOf(permission);
        var ownerKey = grant?.Kind == ScopeKind.OwnRecords && user.UserName is { } name ? await ownerKeyOf(name) : null;
        return Of(permission, grant, ownerKey);
    }

    /// <summary>The read check: may the user see a record in these municipalities and groups with this owner key?</summary>
    public bool CanRead(IEnumerable<string> municipalities, string? owner, IEnumerable<string>? groups = null) => _grant?.Kind switch
    {
        ScopeKind.All => true,
        ScopeKind.Municipalities or ScopeKind.Groups => municipalities.Any(_grant.MunicipalityAgs.Contains) || (groups ?? []).Any(_grant.GroupIds.Contains),
        ScopeKind.OwnRecords => IsOwn(owner),
        _ => false,
    };

    /// <summary>
    /// Why the user may not write a record that lies in <paramref name="municipalities"/> and belongs to
    /// <paramref name="groups"/> (for a change: where it lies now and where it will lie) with this owner key, in German;
    /// null when the write is allowed. A record in no municipality lies in none of the user's either, one of no group
    /// belongs to none of hers.
    /// </summary>
    public string? WriteRefusal(IReadOnlyCollection<string> municipalities, string? owner, IReadOnlyCollection<string>? groups = null) => _grant?.Kind switch
    {
        ScopeKind.All => null,
        ScopeKind.Municipalities or ScopeKind.Groups => InGrantedAreas(municipalities, groups ?? []) ? null : _grant.Kind == ScopeKind.Groups ? OutsideGroups : OutsideMunicipalities,
        ScopeKind.OwnRecords => IsOwn(owner) ? null : NotOwn,
        _ => WithoutPermission,
    };

    /// <summary>
    /// The write check: refuses with <see cref="OutOfScopeException"/> (403, in forms at <paramref name="field"/>) a
    /// write the user may not make, see <see cref="WriteRefusal"/>. <paramref name="recordType"/> and
    /// <paramref name="recordId"/> (null for a new record) name the record in the audit entry of the refusal.
    /// </summary>
    public void EnsureWritable(IReadOnlyCollection<string> municipalities, string? owner, string recordType, string? recordId, string field, IReadOnlyCollection<string>? groups = null)
    {
        if (WriteRefusal(municipalities, owner, groups) is not { } reason)
        {
            return;
        }

        var details = _grant?.Kind switch
        {
            ScopeKind.Groups => $"{_permission}: Gruppen außerhalb des Bereichs {string.Join(", ", (groups ?? []).Where(g => !_grant.GroupIds.Contains(g)).Distinct())}",
            ScopeKind.Municipalities when municipalities.Count == 0 => $"{_permission}: Datensatz ohne Kommune",
            ScopeKind.Municipalities => $"{_permission}: Kommunen außerhalb des Bereichs {string.Join(", ", municipalities.Where(a => !_grant.MunicipalityAgs.Contains(a)).Distinct())}",
            ScopeKind.OwnRecords => $"{_permission}: kein eigener Datensatz",
            _ => $"{_permission}: ohne diese Berechtigung",
        };
        throw new OutOfScopeException(field, reason, new AuditEntry(AuditAction.Refused, recordType, recordId, details));
    }

    /// <summary>
    /// The read check in SQL, for lists and searches, so that paging counts only the rows the user may see. Adds its
    /// parameters to <paramref name="parameters"/>. <paramref name="municipalityIn"/> turns the name of the parameter
    /// that holds the granted municipalities into a condition that the record lies in one of them
    /// (<c>ags =&gt; $"a.kommune_ags IN {ags}"</c>); <paramref name="ownerColumn"/> holds the owner key (null when
    /// the records have none, so that an own-records grant sees nothing); <paramref name="groupColumn"/> holds the id
    /// of the group a record belongs to (null when the records belong to none, so that a group grant sees nothing).
    /// </summary>
    public string SqlCondition(Func<string, string> municipalityIn, string? ownerColumn, DynamicParameters parameters, string? groupColumn = null)
    {
        switch (_grant?.Kind)
        {
            case ScopeKind.All:
                return "1 = 1";
            case ScopeKind.Municipalities or ScopeKind.Groups:
                var conditions = new List<string>();
                if (_grant.MunicipalityAgs.Count > 0)
                {
                    parameters.Add("scopeMunicipalities", _grant.MunicipalityAgs.ToArray());
                    conditions.Add(municipalityIn("@scopeMunicipalities"));
                }

                if (_grant.GroupIds.Count > 0 && groupColumn is not null)
                {
                    parameters.Add("scopeGroups", _grant.GroupIds.ToArray());
                    conditions.Add($"{groupColumn} IN @scopeGroups");
                }

                return conditions.Count switch
                {
                    0 => "1 = 0",
                    1 => conditions[0],
                    _ => $"({string.Join(" OR ", conditions)})",
                };
            case ScopeKind.OwnRecords when ownerColumn is not null && _ownerKey is not null:
                parameters.Add("scopeOwner", _ownerKey);
                return $"{ownerColumn} = @scopeOwner";
            default:
                return "1 = 0";
        }
    }

    private bool InGrantedAreas(IReadOnlyCollection<string> municipalities, IReadOnlyCollection<string> groups)
        => (municipalities.Count > 0 && municipalities.All(_grant!.MunicipalityAgs.Contains))
            || (groups.Count > 0 && groups.All(_grant!.GroupIds.Contains));

    private bool IsOwn(string? owner) => owner is not null && _ownerKey is not null && string.Equals(owner, _ownerKey, StringComparison.OrdinalIgnoreCase);
}
