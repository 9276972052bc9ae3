using System.Text.RegularExpressions;
using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Host.Configuration;

/// <summary>The <c>Platform</c> configuration section, read and checked once at start-up.</summary>
internal sealed partial class PlatformOptions
{
    /// <summary>The languages the host's and the modules' public texts ship in.</summary>
    public const string DefaultPublicLanguages = "de,en,ar,tr,uk,ru,fa";

    public required string DataDirectory { get; init; }

    public required string PluginsDirectory { get; init; }

    public Uri? PublicBaseUrl { get; init; }

    public required DeploymentInfo Deployment { get; init; }

    public required bool SeedDemo { get; init; }

    public required bool IsProduction { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }

    public required SecurityOptions Security { get; init; }

    public required MailOptions Mail { get; init; }

    public required LegalTexts Legal { get; init; }

    public required OptInOptions OptIn { get; init; }

    public required AccountLinkOptions AccountLinks { get; init; }
    public required OutboxOptions Outbox { get; init; }

    /// <summary>The languages public pages offer, German first: a language switch links each of them.</summary>
    public required IReadOnlyList<Language> PublicLanguages { get; init; }

    /// <summary>Where the host's clock starts (tests and demonstrations on another day); null: the machine's clock.</summary>
    public DateTimeOffset? ClockStart { get; init; }

    public string? FirstAdminUserName { get; init; }

    public string? FirstAdminPassword { get; init; }

    public string HostDatabasePath => Path.Combine(DataDirectory, "host.db");

    public string ModuleDatabasePath(string moduleId) => Path.Combine(DataDirectory, "modules", moduleId + ".db");

    public string ModuleFilesDirectory(string moduleId) => Path.Combine(DataDirectory, "files", moduleId);

    public string KeysDirectory => Path.Combine(DataDirectory, "keys");

    public string BackupsDirectory => Path.Combine(DataDirectory, "backups");

    /// <summary>Reads and validates; throws <see cref="ConfigurationErrorException"/> naming the offending key.</summary>
    public static PlatformOptions Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Platform");
        var isProduction = environment.IsProduction();

        var dataDirectory = section["DataDirectory"];
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            throw new ConfigurationErrorException("Platform:DataDirectory", "Bitte ein Datenverzeichnis angeben.");
        }

        var pluginsDirectory = section["PluginsDirectory"];
        pluginsDirectory = string.IsNullOrWhiteSpace(pluginsDirectory)
            ? Path.Combine(AppContext.BaseDirectory, "plugins")
            : Path.GetFullPath(pluginsDirectory, environment.ContentRootPath);

        Uri? publicBaseUrl = null;
        if (!string.IsNullOrWhiteSpace(section["PublicBaseUrl"]))
        {
            if (!Uri.TryCreate(section["PublicBaseUrl"], UriKind.Absolute, out publicBaseUrl) || publicBaseUrl.Scheme is not ("http" or "https"))
            {
                throw new ConfigurationErrorException("Platform:PublicBaseUrl", "Muss eine absolute http(s)-Adresse sein, z. B. https://integration.odenwaldkreis.de/.");
            }
        }
        else if (isProduction)
        {
            throw new ConfigurationErrorException("Platform:PublicBaseUrl", "In Produktion ist die öffentliche Adresse Pflicht (für Links in E-Mails und QR-Codes).");
        }

        var seedDemo = ParseBool(section, "Demo:Seed", false);
        if (seedDemo && isProduction)
        {
            throw new ConfigurationErrorException("Platform:Demo:Seed", "Demodaten (mit bekannten Passwörtern) sind in Produktion nicht erlaubt.");
        }

        DateTimeOffset? clockStart = null;
        if (!string.IsNullOrWhiteSpace(section["Clock:Start"]))
        {
            if (isProduction)
            {
                throw new ConfigurationErrorException("Platform:Clock:Start", "In Produktion läuft die Plattform auf der Uhr des Servers; eine verstellte Uhr ist nur für Tests und Vorführungen.");
            }

            if (!DateTimeOffset.TryParse(section["Clock:Start"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var start))
            {
                throw new ConfigurationErrorException("Platform:Clock:Start", $"'{section["Clock:Start"]}' ist kein Zeitpunkt (ISO 8601, z. B. 2027-03-28T01:30:00+01:00).");
            }

            clockStart = start;
        }

        var timeZoneId = section["TimeZone"] ?? "Europe/Berlin";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var timeZone))
        {
            throw new ConfigurationErrorException("Platform:TimeZone", $"Unbekannte Zeitzone '{timeZoneId}'.");
        }

        var firstAdminPassword = section["FirstAdmin:Password"];
        var publicLanguages = LoadPublicLanguages(section["PublicLanguages"]);
        if (firstAdminPassword is not null && IsInJsonFile(configuration, "Platform:FirstAdmin:Password"))
        {
            throw new ConfigurationErrorException("Platform:FirstAdmin:Password", "Das Passwort darf nicht in appsettings*.json stehen; bitte per Umgebungsvariable Platform__FirstAdmin__Password oder mit 'users add-admin' setzen.");
        }

        foreach (var module in configuration.GetSection("Modules").GetChildren())
        {
            if (module["Enabled"] is { } enabled && !bool.TryParse(enabled, out _))
            {
                throw new ConfigurationErrorException($"Modules:{module.Key}:Enabled", $"Erlaubt sind true oder false, nicht \"{enabled}\".");
            }
        }

        return new PlatformOptions
        {
            DataDirectory = Path.GetFullPath(dataDirectory, environment.ContentRootPath),
            PluginsDirectory = pluginsDirectory,
            PublicBaseUrl = publicBaseUrl,
            Deployment = LoadDeployment(section.GetSection("Deployment")) with { TimeZone = timeZone, PublicLanguages = publicLanguages },
            SeedDemo = seedDemo,
            IsProduction = isProduction,
            TimeZone = timeZone,
            Security = SecurityOptions.Load(section.GetSection("Security")),
            Mail = MailOptions.Load(section.GetSection("Mail"), isProduction),
            Legal = LegalTexts.Load(section.GetSection("Legal")),
            OptIn = OptInOptions.Load(section.GetSection("OptIn")),
            AccountLinks = AccountLinkOptions.Load(section.GetSection("Accounts")),
            Outbox = OutboxOptions.Load(section.GetSection("Outbox"), isProduction),
            PublicLanguages = publicLanguages,
            ClockStart = clockStart,
            FirstAdminUserName = section["FirstAdmin:UserName"],
            FirstAdminPassword = firstAdminPassword,
        };
    }

    /// <summary>
    /// The codes of <c>Platform:PublicLanguages</c> (comma-separated), each a known language; German is always
    /// offered, since every public text falls back to it.
    /// </summary>
    private static List<Language> LoadPublicLanguages(string? raw)
    {
        var codes = (string.IsNullOrWhiteSpace(raw) ? DefaultPublicLanguages : raw).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var languages = new List<Language> { Languages.German };
        foreach (var code in codes)
        {
            var language = Languages.Find(code)
                ?? throw new ConfigurationErrorException("Platform:PublicLanguages", $"'{code}' ist kein bekannter Sprachcode (ISO 639, z. B. de,en,ar,tr,uk,ru,fa).");
            if (!languages.Contains(language))
            {
                languages.Add(language);
            }
        }

        return languages;
    }

    private static DeploymentInfo LoadDeployment(IConfigurationSection section)
    {
        var kreisName = section["KreisName"];
        if (string.IsNullOrWhiteSpace(kreisName))
        {
            throw new ConfigurationErrorException("Platform:Deployment:KreisName", "Bitte den Namen des Kreises angeben.");
        }

        var kreisAgs = section["KreisAgs"] ?? "";
        if (!KreisAgsPattern().IsMatch(kreisAgs))
        {
            throw new ConfigurationErrorException("Platform:Deployment:KreisAgs", $"'{kreisAgs}' ist kein Kreisschlüssel (5 Ziffern, z. B. 06437).");
        }

        var municipalities = new List<Municipality>();
        foreach (var entry in section.GetSection("Municipalities").GetChildren())
        {
            if (!MunicipalityAgsPattern().IsMatch(entry.Key) || !entry.Key.StartsWith(kreisAgs, StringComparison.Ordinal))
            {
                throw new ConfigurationErrorException($"Platform:Deployment:Municipalities:{entry.Key}", $"'{entry.Key}' ist kein Gemeindeschlüssel dieses Kreises (8 Ziffern, beginnend mit {kreisAgs}).");
            }

            if (string.IsNullOrWhiteSpace(entry.Value))
            {
                throw new ConfigurationErrorException($"Platform:Deployment:Municipalities:{entry.Key}", "Der Name der Kommune fehlt.");
            }

            municipalities.Add(new Municipality(entry.Key, entry.Value));
        }

        if (municipalities.Count == 0)
        {
            throw new ConfigurationErrorException("Platform:Deployment:Municipalities", "Mindestens eine Kommune (AGS → Name) ist nötig.");
        }

        return new DeploymentInfo(kreisName, kreisAgs, section["Seat"] ?? "", municipalities.OrderBy(m => m.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), false)).ToList());
    }

    internal static bool ParseBool(IConfigurationSection section, string key, bool fallback)
    {
        var raw = section[key];
        if (raw is null)
        {
            return fallback;
        }

        return bool.TryParse(raw, out var value) ? value : throw new ConfigurationErrorException($"{section.Path}:{key}", $"'{raw}' ist kein Wahrheitswert (true/false).");
    }

    internal static int ParseInt(IConfigurationSection section, string key, int fallback, int min, int max)
    {
        var raw = section[key];
        if (raw is null)
        {
            return fallback;
        }

        return int.TryParse(raw, out var value) && value >= min && value <= max
            ? value
            : throw new ConfigurationErrorException($"{section.Path}:{key}", $"'{raw}' ist keine Zahl zwischen {min} und {max}.");
    }

    private static bool IsInJsonFile(IConfiguration configuration, string key)
        => configuration is IConfigurationRoot root
           && root.Providers.OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider>().Any(p => p.TryGet(key, out _));

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex KreisAgsPattern();

    [GeneratedRegex(@"^\d{8}$")]
    private static partial Regex MunicipalityAgsPattern();
}

internal sealed record SecurityOptions(int SessionTimeoutMinutes, int TokenLifetimeMinutes, int LockoutAttempts, int LockoutMinutes, int TokenRequestsPerMinute)
{
    public static SecurityOptions Load(IConfigurationSection section) => new(
        PlatformOptions.ParseInt(section, "SessionTimeoutMinutes", 30, 5, 720),
        PlatformOptions.ParseInt(section, "TokenLifetimeMinutes", 60, 5, 1440),
        PlatformOptions.ParseInt(section, "LockoutAttempts", 5, 3, 20),
        PlatformOptions.ParseInt(section, "LockoutMinutes", 15, 1, 1440),
        PlatformOptions.ParseInt(section, "TokenRequestsPerMinute", 20, 1, 10000));
}

/// <summary>Double opt-in of public forms: how long a link is valid, when unconfirmed entries go, how often one may ask.</summary>
internal sealed record OptInOptions(int LinkLifetimeHours, int DeleteUnconfirmedAfterHours, int PerAddressPerHour, int PerClientPerHour)
{
    public static OptInOptions Load(IConfigurationSection section)
    {
        var lifetime = PlatformOptions.ParseInt(section, "LinkLifetimeHours", 24, 1, 168);
        var options = new OptInOptions(
            lifetime,
            PlatformOptions.ParseInt(section, "DeleteUnconfirmedAfterHours", 48, 1, 720),
            PlatformOptions.ParseInt(section, "PerAddressPerHour", 3, 1, 100),
            PlatformOptions.ParseInt(section, "PerClientPerHour", 20, 1, 10000));
        return options.DeleteUnconfirmedAfterHours < lifetime
            ? throw new ConfigurationErrorException("Platform:OptIn:DeleteUnconfirmedAfterHours", $"Unbestätigte Einträge dürfen nicht vor dem Ablauf ihres Links ({lifetime} Stunden) gelöscht werden.")
            : options;
    }
}

/// <summary>Invitations and password resets by e-mail link: how long a link is valid, how many mails an address gets per hour.</summary>
internal sealed record AccountLinkOptions(int InvitationLifetimeHours, int ResetLifetimeMinutes, int MailsPerAddressPerHour)
{
    public static AccountLinkOptions Load(IConfigurationSection section) => new(
        PlatformOptions.ParseInt(section, "InvitationLifetimeHours", 72, 1, 720),
        PlatformOptions.ParseInt(section, "ResetLifetimeMinutes", 60, 10, 1440),
        PlatformOptions.ParseInt(section, "MailsPerAddressPerHour", 3, 1, 100));
}

/// <summary>
/// Delivery of the outboxes: tries before a message is parked for an admin, and <c>Paused</c>, which keeps the
/// host from delivering on its own — for tests and demonstrations of what survives a crash between commit and
/// delivery; refused in Production.
/// </summary>
internal sealed record OutboxOptions(int MaxAttempts, bool Paused)
{
    public static OutboxOptions Load(IConfigurationSection section, bool isProduction)
    {
        var paused = PlatformOptions.ParseBool(section, "Paused", false);
        return paused && isProduction
            ? throw new ConfigurationErrorException("Platform:Outbox:Paused", "In Produktion stellt die Plattform Nachrichten immer zu; das Anhalten ist nur für Tests und Vorführungen.")
            : new OutboxOptions(PlatformOptions.ParseInt(section, "MaxAttempts", 8, 1, 50), paused);
    }
}

internal enum MailMode
{
    Pickup,
    Smtp,
}

internal sealed record MailOptions(MailMode Mode, string From, string? PickupDirectory, string? SmtpHost, int SmtpPort, string? SmtpUserName, string? SmtpPassword, bool SmtpStartTls)
{
    public static MailOptions Load(IConfigurationSection section, bool isProduction)
    {
        var modeRaw = section["Mode"] ?? "Pickup";
        if (!Enum.TryParse<MailMode>(modeRaw, ignoreCase: true, out var mode))
        {
            throw new ConfigurationErrorException("Platform:Mail:Mode", $"'{modeRaw}' ist keine Versandart (Pickup oder Smtp).");
        }

        if (isProduction && mode != MailMode.Smtp)
        {
            throw new ConfigurationErrorException("Platform:Mail:Mode", "In Produktion muss E-Mail per SMTP versandt werden (Platform:Mail:Mode = Smtp, Platform:Mail:Smtp:Host …).");
        }

        var from = section["From"];
        if (string.IsNullOrWhiteSpace(from) || !System.Net.Mail.MailAddress.TryCreate(from, out _))
        {
            throw new ConfigurationErrorException("Platform:Mail:From", "Bitte eine gültige Absenderadresse angeben.");
        }

        var host = section["Smtp:Host"];
        if (mode == MailMode.Smtp && string.IsNullOrWhiteSpace(host))
        {
            throw new ConfigurationErrorException("Platform:Mail:Smtp:Host", "Für den SMTP-Versand ist ein Server nötig.");
        }

        return new MailOptions(
            mode,
            from,
            section["PickupDirectory"],
            host,
            PlatformOptions.ParseInt(section, "Smtp:Port", 587, 1, 65535),
            section["Smtp:UserName"],
            section["Smtp:Password"],
            PlatformOptions.ParseBool(section, "Smtp:StartTls", true));
    }
}

internal sealed record LegalTexts(string Impressum, string Datenschutz, string Barrierefreiheit, string FeedbackContact)
{
    public static LegalTexts Load(IConfigurationSection section)
    {
        string Required(string key) => string.IsNullOrWhiteSpace(section[key])
            ? throw new ConfigurationErrorException($"Platform:Legal:{key}", "Dieser Pflichttext für öffentliche Stellen fehlt.")
            : section[key]!;

        return new LegalTexts(Required("Impressum"), Required("Datenschutz"), Required("Barrierefreiheit"), Required("FeedbackContact"));
    }
}

/// <summary>A configuration value is missing or wrong; the message names the key.</summary>
internal sealed class ConfigurationErrorException(string key, string problem)
    : Exception($"Konfigurationsfehler in '{key}': {problem}")
{
    public string Key { get; } = key;
}
