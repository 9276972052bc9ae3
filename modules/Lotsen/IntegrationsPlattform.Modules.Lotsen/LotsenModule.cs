using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Jobs;
using IntegrationsPlattform.Contracts.Modules;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;
using IntegrationsPlattform.Modules.Lotsen.Features.Aufbewahrung;
using IntegrationsPlattform.Modules.Lotsen.Features.Berichte;
using IntegrationsPlattform.Modules.Lotsen.Features.Demo;
using IntegrationsPlattform.Modules.Lotsen.Features.Einsaetze;
using IntegrationsPlattform.Modules.Lotsen.Features.Import;
using IntegrationsPlattform.Modules.Lotsen.Features.Traeger;
using IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;
using IntegrationsPlattform.Modules.Lotsen.Features.Vermittlung;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Modules.Lotsen;

/// <summary>
/// Volunteer Integrationslotsen: from the search for a Träger to the yearly report for the Land.
/// </summary>
public sealed class LotsenModule : PlatformModule
{
    /// <summary>See Lotsen, requests and assignments (scopable to municipalities, or to one's own assignments).</summary>
    public const string Lesen = "lotsen.lesen";

    /// <summary>Register and change Lotsen and requests, match and assign (scopable to municipalities).</summary>
    public const string Bearbeiten = "lotsen.bearbeiten";

    /// <summary>Record the outcome of assignments; a Lotse holds it for their own records only.</summary>
    public const string EinsaetzeErfassen = "lotsen.einsaetze";

    /// <summary>The search for a Träger and its agreements.</summary>
    public const string Traeger = "lotsen.traeger";

    /// <summary>Reports and CSV exports (figures only).</summary>
    public const string Berichte = "lotsen.berichte";

    /// <summary>CSV import of Lotsen and Träger candidates.</summary>
    public const string Import = "lotsen.import";

    public override ModuleManifest Manifest { get; } = new()
    {
        Id = "Lotsen",
        DisplayName = "Integrationslotsen",
        Version = new Version(1, 0, 0),
        SdkMajor = PlatformSdk.Major,
        Description = "Ehrenamtliche Integrationslotsen: Trägersuche, Lotsen, Anfragen, Vermittlung, Einsätze und Berichte.",
    };

    public override IReadOnlyList<PermissionDefinition> Permissions =>
    [
        new(Lesen, "Lotsen: Lotsen, Anfragen und Einsätze einsehen", Scopable: true),
        new(Bearbeiten, "Lotsen: Lotsen und Anfragen bearbeiten, vermitteln", Scopable: true),
        new(EinsaetzeErfassen, "Lotsen: Einsätze erfassen", Scopable: true),
        new(Traeger, "Lotsen: Trägersuche und Vereinbarungen"),
        new(Berichte, "Lotsen: Berichte und Exporte"),
        new(Import, "Lotsen: CSV-Import"),
    ];

    public override IReadOnlyList<NavigationEntry> Navigation =>
    [
        new("Integrationslotsen", "/lotsen", Lesen, Order: 10),
        new("Einsätze", "/lotsen/einsaetze", EinsaetzeErfassen, Order: 11),
    ];

    /// <summary>A Lotsin with her own assignments only, and a coordinator of the demo Träger (README).</summary>
    public override IReadOnlyList<DemoAccount> DemoAccounts => DemoKonten.Alle;

    public override IReadOnlyList<ScheduledJobDefinition> Jobs =>
    [
        new("aufbewahrung", "Lotsen: Daten Ratsuchender nach Ablauf der Aufbewahrungsfrist anonymisieren", TimeSpan.FromDays(1), typeof(AufbewahrungJob)),
        new(EinwilligungJob.Key, "Lotsen: an die Erneuerung der Einwilligung erinnern", TimeSpan.FromDays(1), typeof(EinwilligungJob)),
        new(VereinbarungenJob.Key, "Lotsen: Träger-Vereinbarungen nach ihrem geplanten Ende beenden und die Kommunen freigeben", TimeSpan.FromDays(1), typeof(VereinbarungenJob)),
    ];

    public override void MapApi(ModuleApiBuilder api)
    {
        TraegerEndpoints.Map(api.Group);
        LotsenEndpoints.Map(api.Group);
        AnfragenEndpoints.Map(api.Group);
        EinsaetzeEndpoints.Map(api.Group);
        BerichteEndpoints.MapApi(api.Group);
        ImportEndpoints.Map(api.Group);
    }

    public override void MapPageEndpoints(ModulePageEndpointBuilder pages)
    {
        TraegerEndpoints.MapDownloads(pages.Group);
        LotsenEndpoints.MapDownloads(pages.Group);
        BerichteEndpoints.MapDownloads(pages.Group);
        ImportEndpoints.MapDownloads(pages.Group);
    }

    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        base.ConfigureServices(services, context);
        services.AddSingleton(LotsenSettings.From(context.Settings));
        services.AddScoped<AnfrageAnlage>();
        services.AddScoped<EinsatzPlanung>();
        services.AddSingleton<EinsatzMail>();
        services.AddTransient<LotseDatenPruefung>();
        services.AddTransient<ImportPruefung>();
        services.AddSingleton<CsvImportUploads<ImportArt>>();
        services.AddSingleton<Matchingprofile>();
    }
}
