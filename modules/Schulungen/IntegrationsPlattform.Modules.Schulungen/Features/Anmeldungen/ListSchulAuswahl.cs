using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

/// <summary>The Kreis' schools to choose from when registering, „Name (Kommune)“, by municipality and name.</summary>
internal sealed record ListSchulAuswahl : IQuery<IReadOnlyList<(string Value, string Text)>>;

internal sealed class ListSchulAuswahlHandler(IModuleDatabase<SchulungenModule> database, DeploymentInfo deployment)
    : IRequestHandler<ListSchulAuswahl, IReadOnlyList<(string Value, string Text)>>
{
    public async Task<IReadOnlyList<(string Value, string Text)>> Handle(ListSchulAuswahl request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var schulen = await connection.QueryAsync<(string Id, string Name, string Ags)>("SELECT id, name, kommune_ags FROM schulen");
        return schulen
            .Select(s => (s.Id, Text: $"{s.Name} ({deployment.MunicipalityName(s.Ags)})", Kommune: deployment.MunicipalityName(s.Ags)))
            .OrderBy(s => s.Kommune, StringComparer.Create(GermanFormat.Culture, ignoreCase: true))
            .ThenBy(s => s.Text, StringComparer.Create(GermanFormat.Culture, ignoreCase: true))
            .Select(s => (s.Id, s.Text))
            .ToList();
    }
}
