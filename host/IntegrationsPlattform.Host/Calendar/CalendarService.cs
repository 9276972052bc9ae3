using IntegrationsPlattform.Contracts.Calendar;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.Security;

namespace IntegrationsPlattform.Host.Calendar;

/// <summary>Whose calendar is asked for: the public, or a user with her grants (signed in, or through her feed's secret).</summary>
internal sealed record CalendarViewer(string? UserName, Func<string, PermissionScope?> ScopeOf)
{
    public static CalendarViewer Public { get; } = new(null, _ => null);

    public static CalendarViewer Of(ICurrentUser user) => new(user.UserName, user.ScopeOf);

    public static CalendarViewer Of(UserGrants grants) => new(grants.UserName, grants.Permissions.GetValueOrDefault);

    public bool Sees(CalendarVisibility visibility) => visibility.VisibleTo(visibility.IsPublic ? null : ScopeOf(visibility.Permission!), UserName);
}

/// <summary>
/// Which modules and categories a calendar shows (query keys <c>modul</c> and <c>kategorie</c>, each repeatable); empty: all.
/// Module ids and category keys compare without case.
/// </summary>
internal sealed record CalendarFilter(IReadOnlySet<string> Modules, IReadOnlySet<string> Categories)
{
    public static CalendarFilter All { get; } = new(new HashSet<string>(), new HashSet<string>());

    public static CalendarFilter From(IEnumerable<string?> modules, IEnumerable<string?> categories)
        => new(Set(modules), Set(categories));

    public bool Shows(string moduleId, CalendarCategory category)
        => (Modules.Count == 0 || Modules.Contains(moduleId)) && (Categories.Count == 0 || Categories.Contains(category.Key));

    private static HashSet<string> Set(IEnumerable<string?> values)
        => values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
}

/// <summary>An entry with the module that offers it.</summary>
internal sealed record ShownEntry(string ModuleId, string ModuleName, CalendarEntry Entry);

/// <summary>
/// Collects the calendar entries of every running module (<see cref="ICalendarProvider"/>) and keeps those the viewer may
/// see, decided per entry with the SDK's scope check. A module whose provider fails is left out (and logged), the others
/// still show.
/// </summary>
internal sealed class CalendarService(IEnumerable<ICalendarProvider> providers, ModuleRegistry registry, ILocalClock clock, ILogger<CalendarService> logger)
{
    /// <summary>How far the feeds reach: calendar apps keep what they once received, so the past matters little.</summary>
    public static readonly (int MonthsBack, int MonthsAhead) FeedReach = (3, 12);

    public CalendarWindow FeedWindow()
    {
        var today = clock.Today;
        return new CalendarWindow(today.AddMonths(-FeedReach.MonthsBack), today.AddMonths(FeedReach.MonthsAhead));
    }

    public async Task<IReadOnlyList<ShownEntry>> EntriesAsync(CalendarWindow window, CalendarViewer viewer, CalendarFilter filter, CancellationToken cancellationToken)
    {
        var shown = new List<ShownEntry>();
        foreach (var provider in providers)
        {
            var module = registry.OfAssembly(provider.GetType().Assembly);
            var moduleId = module?.Id ?? "Plattform";
            if (filter.Modules.Count > 0 && !filter.Modules.Contains(moduleId))
            {
                continue;
            }

            IReadOnlyList<CalendarEntry> entries;
            try
            {
                entries = await provider.GetEntriesAsync(window, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Kalendereinträge von {Module} konnten nicht gelesen werden", moduleId);
                continue;
            }

            shown.AddRange(entries
                .Where(e => e.Time.Touches(window.From, window.To, clock.Zone) && filter.Shows(moduleId, e.Category) && viewer.Sees(e.Visibility))
                .Select(e => new ShownEntry(moduleId, module?.DisplayName ?? "Plattform", e)));
        }

        return shown.OrderBy(e => SortKey(e.Entry.Time)).ThenBy(e => e.Entry.Title, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>All-day entries first on their day, then by start.</summary>
    private DateTimeOffset SortKey(CalendarTime time)
        => time.FirstDay is { } day ? clock.ToUtc(day, TimeOnly.MinValue).AddTicks(-1) : time.Start;
}
