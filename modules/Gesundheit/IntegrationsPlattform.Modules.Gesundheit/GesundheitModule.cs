using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Modules;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Gesundheit.Features.Abdeckung;
using IntegrationsPlattform.Modules.Gesundheit.Features.Anbieter;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using IntegrationsPlattform.Modules.Gesundheit.Features.Barrieren;
using IntegrationsPlattform.Modules.Gesundheit.Features.Begleitung;
using IntegrationsPlattform.Modules.Gesundheit.Features.Demo;
using IntegrationsPlattform.Modules.Gesundheit.Features.Hsds;
using IntegrationsPlattform.Modules.Gesundheit.Features.Import;
using IntegrationsPlattform.Modules.Gesundheit.Features.Kampagnen;
using IntegrationsPlattform.Modules.Gesundheit.Features.Materialausgaben;
using IntegrationsPlattform.Modules.Gesundheit.Features.Materialien;
using IntegrationsPlattform.Modules.Gesundheit.Features.Uebersetzungen;
using IntegrationsPlattform.Modules.Gesundheit.Features.Verzeichnis;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Modules.Gesundheit;

/// <summary>
/// Health prevention offers for children in migrant families: the directory of offers with their providers, places
/// and translations, the barriers and measures against them, outreach, and hand-overs to the Lotsen.
/// </summary>
public sealed class GesundheitModule : PlatformModule
{
    /// <summary>The module's id: its configuration key and plugin folder, and how it names itself to other modules.</summary>
    public const string ModulId = "Gesundheit";

    /// <summary>
    /// Create and edit offers, their places and texts. Staff hold it for all offers; a provider organisation's
    /// accounts hold it for their provider (a scope group), so they see and change only their own offers.
    /// </summary>
    public const string Angebote = "gesundheit.angebote";

    /// <summary>Review offers and changes to published ones: publish, approve, send back, archive.</summary>
    public const string Pruefen = "gesundheit.pruefen";

    /// <summary>Everything beyond single offers: providers, barriers and measures, outreach, hand-overs to the Lotsen, exports.</summary>
    public const string Verwalten = "gesundheit.verwalten";

    /// <summary>People of a provider organisation, invited to maintain its offers.</summary>
    public static readonly InvitableRole AnbieterRolle = new("gesundheit.anbieter", "Anbieter von Gesundheitsangeboten", [Angebote])
    {
        Groups = AnbieterGruppen.Art,
        ManagedBy = Angebote,
    };

    public override ModuleManifest Manifest { get; } = new()
    {
        Id = ModulId,
        DisplayName = "Gesundheitsprävention",
        Version = new Version(1, 0, 0),
        SdkMajor = PlatformSdk.Major,
        Description = "Präventionsangebote für Kinder in Familien mit Migrationsgeschichte: Angebote, Übersetzungen, Barrieren und Maßnahmen, Öffentlichkeitsarbeit.",
        Uses = ["Lotsen"],
    };

    public override IReadOnlyList<PermissionDefinition> Permissions =>
    [
        new(Angebote, "Gesundheit: Angebote anlegen und bearbeiten", Scopable: true) { Groups = AnbieterGruppen.Art },
        new(Pruefen, "Gesundheit: Angebote prüfen und veröffentlichen"),
        new(Verwalten, "Gesundheit: Anbieter, Barrieren, Öffentlichkeitsarbeit und Exporte verwalten"),
    ];

    public override IReadOnlyList<InvitableRole> InvitableRoles => [AnbieterRolle];

    public override IReadOnlyList<NavigationEntry> Navigation =>
    [
        new("Gesundheitsprävention", "/gesundheit", Angebote, Order: 40),
    ];

    /// <summary>A provider's account (the Kinderarztpraxis of the demo data) that maintains only its own offers (README).</summary>
    public override IReadOnlyList<DemoAccount> DemoAccounts => DemoKonten.Alle;

    public override void MapApi(ModuleApiBuilder api)
    {
        AnbieterEndpoints.Map(api.Group);
        AngeboteEndpoints.Map(api.Group);
        HsdsEndpoints.Map(api.Group);
        ImportEndpoints.Map(api.Group);
        BarrierenEndpoints.Map(api.Group);
        AbdeckungEndpoints.Map(api.Group);
        UebersetzungenEndpoints.Map(api.Group);
        BegleitungEndpoints.Map(api.Group);
        KampagnenEndpoints.Map(api.Group);
        MaterialausgabenEndpoints.Map(api.Group);
        MaterialienEndpoints.Map(api.Group);
    }

    public override void MapPageEndpoints(ModulePageEndpointBuilder pages)
    {
        AngeboteEndpoints.MapDownloads(pages.Group);
        ImportEndpoints.MapDownloads(pages.Group);
        AbdeckungEndpoints.MapDownloads(pages.Group);
        VerzeichnisEndpoints.MapDownloads(pages.Group);
        MaterialausgabenEndpoints.MapDownloads(pages.Group);
        MaterialienEndpoints.MapDownloads(pages.Group);
    }

    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        base.ConfigureServices(services, context);
        services.AddSingleton(GesundheitSettings.From(context.Settings));
        services.AddScoped<HsdsLeser>();
        services.AddTransient<ImportPruefung>();
        services.AddSingleton<CsvImportUploads<ImportArt>>();
    }
}
