namespace IntegrationsPlattform.Modules.Gesundheit.Features.Import;

/// <summary>What an uploaded file holds, for the SDK's <c>CsvImportUploads</c>: this module imports offer lists only.</summary>
internal enum ImportArt
{
    Angebote,
}
