using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Host.Modules;
using MediatR;

namespace IntegrationsPlattform.Host.Linking;

/// <summary>
/// The search across the running modules' linkable records (<see cref="SearchLinkableRecords"/>). Each module answers
/// for its own records and the user's scope in them; one that fails is left out and logged, so that one module cannot
/// take the search of all the others down.
/// </summary>
internal sealed class SearchLinkableRecordsHandler(IEnumerable<ILinkableRecordProvider> providers, ModuleRegistry registry, ILogger<SearchLinkableRecordsHandler> logger)
    : IRequestHandler<SearchLinkableRecords, IReadOnlyList<LinkableRecord>>
{
    public async Task<IReadOnlyList<LinkableRecord>> Handle(SearchLinkableRecords request, CancellationToken cancellationToken)
    {
        var text = request.Text?.Trim() ?? "";
        if (text.Length is < 2 or > 200)
        {
            throw RequestValidationException.For("q", "Bitte 2 bis 200 Zeichen als Suchtext angeben.");
        }

        var limit = Paging.PageSize(request.Limit);
        var found = new List<LinkableRecord>();
        foreach (var provider in providers)
        {
            if (registry.OfAssembly(provider.GetType().Assembly) is not { IsRunning: true } module)
            {
                continue;
            }

            try
            {
                var hits = await provider.SearchAsync(text, limit, cancellationToken);
                found.AddRange(hits.Take(limit).Select(h => new LinkableRecord(module.Id, module.DisplayName, h.Kind, h.Key, h.Title, h.Date, h.MunicipalityAgs, h.Status, h.Link)));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Verknüpfbare Datensätze: Modul {ModuleId} konnte nicht suchen", module.Id);
            }
        }

        return found.OrderByDescending(r => r.Date ?? DateOnly.MinValue).ThenBy(r => r.Title, StringComparer.CurrentCulture).Take(limit).ToList();
    }
}
