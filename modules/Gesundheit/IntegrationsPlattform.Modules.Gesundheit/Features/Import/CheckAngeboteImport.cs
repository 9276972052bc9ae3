using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Import;

/// <summary>The dry run: reads and checks an offer list without writing anything. A file that cannot be read as a whole is a 400 on <c>datei</c>.</summary>
internal sealed record CheckAngeboteImport(byte[] Datei) : IQuery<CsvImportPreview>;

internal sealed class CheckAngeboteImportHandler(IModuleDatabase<GesundheitModule> database, ImportPruefung pruefung) : IRequestHandler<CheckAngeboteImport, CsvImportPreview>
{
    public async Task<CsvImportPreview> Handle(CheckAngeboteImport request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await pruefung.PruefeAsync(request.Datei, connection, null, cancellationToken)).Vorschau;
    }
}
