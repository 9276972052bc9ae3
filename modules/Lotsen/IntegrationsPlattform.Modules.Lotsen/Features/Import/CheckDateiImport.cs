using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Import;

/// <summary>Reads and checks a file without writing anything. File-level problems (empty, binary, wrong columns, too large) are a 400.</summary>
internal sealed record CheckDateiImport(ImportArt Art, byte[] Datei) : IQuery<CsvImportPreview>;

internal sealed class CheckDateiImportHandler(IModuleDatabase<LotsenModule> database, ImportPruefung pruefung, ICurrentUser user) : IRequestHandler<CheckDateiImport, CsvImportPreview>
{
    public async Task<CsvImportPreview> Handle(CheckDateiImport request, CancellationToken cancellationToken)
    {
        user.PruefeBerechtigung(request.Art);
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await pruefung.PruefeAsync(request.Art, request.Datei, connection, null, cancellationToken)).Vorschau;
    }
}
