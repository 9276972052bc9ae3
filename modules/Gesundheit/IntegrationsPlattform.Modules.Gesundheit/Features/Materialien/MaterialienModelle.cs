using IntegrationsPlattform.Contracts.Files;
using IntegrationsPlattform.Modules.Gesundheit.Features.Verzeichnis;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Materialien;

/// <summary>What staff or a provider say about a material file: its language (ISO 639) and the title the download shows.</summary>
internal sealed record MaterialEingabe(string? Sprache, string? Titel);

/// <summary>A material of an offer's working version; <see cref="Veroeffentlicht"/> says whether the public sees it already.</summary>
internal sealed record MaterialZeile(string Id, string Titel, string Sprache, string DateiId, bool Veroeffentlicht, string AngelegtAm);

/// <summary>
/// The translated materials of an offer (a flyer in Arabic): one declared use of the SDK's file service — PDF, PNG or
/// JPEG, recognised by content, at most 10 MB — kept under the offer as owner, as the public download reads them.
/// </summary>
internal static class AngebotMaterialien
{
    public static FileUse Material { get; } = new("material", 10 * 1024 * 1024, [FileKind.Pdf, FileKind.Png, FileKind.Jpeg]);

    public static FileOwner Von(string angebotId) => new(GetVerzeichnisMaterialHandler.Angebot, angebotId.ToLowerInvariant());
}
