using IntegrationsPlattform.Contracts.Dsgvo;
using IntegrationsPlattform.Host.Dsgvo;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>A data-subject request for the one record the host holds under an address (the address in capitals, as people type it): found, exported, erased.</summary>
internal static class HostDataSubjectRequest
{
    public static async Task<(FoundRecord Found, ModuleExport Export, int Erased)> FindExportAndEraseAsync(PlatformHost host, string email)
    {
        using var scope = host.Services.CreateScope();
        var requests = scope.ServiceProvider.GetRequiredService<DataSubjectService>();
        var query = new DataSubjectQuery(null, email.ToUpperInvariant());
        var found = (await requests.FindAsync(query, CancellationToken.None)).Single();
        var export = (await requests.ExportAsync(query, CancellationToken.None)).Single();
        var erased = await requests.EraseAsync([(found.Module, found.Record.RecordType, found.Record.RecordId)], query, CancellationToken.None);
        return (found, export, erased);
    }
}
