using System.Globalization;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Cli;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Security;
using IntegrationsPlattform.Host.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Primitives;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Host.Tests;

[TestFixture]
public sealed class PermissionScopeTests
{
    private static PermissionScope Municipalities(params string[] ags) => new(ScopeKind.Municipalities, ags.ToHashSet());

    private static readonly PermissionScope Own = new(ScopeKind.OwnRecords, new HashSet<string>());

    [Test]
    public void TwoMunicipalityGrantsUnite()
        => Assert.That(PermissionCache.Widest(Municipalities("06437006"), Municipalities("06437011")).MunicipalityAgs, Is.EquivalentTo(new[] { "06437006", "06437011" }));

    [Test]
    public void AnUnrestrictedGrantWins()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PermissionCache.Widest(PermissionScope.All, Municipalities("06437006")).Kind, Is.EqualTo(ScopeKind.All));
            Assert.That(PermissionCache.Widest(Own, PermissionScope.All).Kind, Is.EqualTo(ScopeKind.All));
        });
    }

    [Test]
    public void AMunicipalityGrantIsWiderThanOwnRecords()
        => Assert.That(PermissionCache.Widest(Own, Municipalities("06437001")).Kind, Is.EqualTo(ScopeKind.Municipalities));

    [Test]
    public void MunicipalitiesAndGroupsOfTwoRolesAreBothKept()
    {
        var groups = new PermissionScope(ScopeKind.Groups, new HashSet<string>()) { GroupIds = new HashSet<string> { "beirat-erbach" } };
        var widest = PermissionCache.Widest(groups, Municipalities("06437006"));
        Assert.Multiple(() =>
        {
            Assert.That(widest.MunicipalityAgs, Is.EquivalentTo(new[] { "06437006" }));
            Assert.That(widest.GroupIds, Is.EquivalentTo(new[] { "beirat-erbach" }));
            Assert.That(PermissionCache.Widest(Own, groups), Is.SameAs(groups), "a group grant is wider than own records");
        });
    }
}

[TestFixture]
public sealed class RecordScopeTests
{
    private const string Erbach = "06437006";
    private const string Michelstadt = "06437011";

    private static RecordScope Grant(ScopeKind? kind, string? ownerKey = "lotse-1")
        => RecordScope.Of("test.recht", kind is { } k ? new PermissionScope(k, new HashSet<string> { Erbach }) : null, ownerKey);

    [TestCase(ScopeKind.All, Michelstadt, null, true)]
    [TestCase(ScopeKind.Municipalities, Erbach, null, true)]
    [TestCase(ScopeKind.Municipalities, Michelstadt, null, false)]
    [TestCase(ScopeKind.Municipalities, Michelstadt, "lotse-1", false, TestName = "a municipality grant has no own records")]
    [TestCase(ScopeKind.OwnRecords, Erbach, null, false)]
    [TestCase(ScopeKind.OwnRecords, Michelstadt, "LOTSE-1", true, TestName = "own records whatever the municipality, owner key without case")]
    [TestCase(null, Erbach, "lotse-1", false, TestName = "without the permission nothing")]
    public void ReadAndWriteOfARecordInOneMunicipality(ScopeKind? kind, string ags, string? owner, bool allowed)
    {
        var scope = Grant(kind);
        Assert.Multiple(() =>
        {
            Assert.That(scope.CanRead([ags], owner), Is.EqualTo(allowed));
            Assert.That(scope.WriteRefusal([ags], owner) is null, Is.EqualTo(allowed));
        });
    }

    [Test]
    public void ARecordInSeveralMunicipalitiesIsSeenWithOneAndWrittenOnlyWithAll()
    {
        var scope = Grant(ScopeKind.Municipalities);
        Assert.Multiple(() =>
        {
            Assert.That(scope.CanRead([Erbach, Michelstadt], null), Is.True);
            Assert.That(scope.WriteRefusal([Erbach, Michelstadt], null), Does.StartWith("Außerhalb Ihres Bereichs"));
            Assert.That(scope.WriteRefusal([Erbach], null), Is.Null);
            Assert.That(scope.WriteRefusal([], null), Is.Not.Null, "a record in no municipality is written only with a grant for all");
        });
    }

    [Test]
    public void TheWriteCheckRefusesWithTheFieldAndAnAuditEntryNamingWhatLiesOutside()
    {
        var refused = Assert.Throws<OutOfScopeException>(() => Grant(ScopeKind.Municipalities).EnsureWritable([Erbach, Michelstadt], null, "Anfrage", "a-1", "kommuneAgs"))!;
        Assert.Multiple(() =>
        {
            Assert.That(refused.Field, Is.EqualTo("kommuneAgs"));
            Assert.That(refused.Message, Does.Contain("ganz in Ihren Kommunen"));
            Assert.That(refused.Refusal, Is.EqualTo(new AuditEntry(AuditAction.Refused, "Anfrage", "a-1", $"test.recht: Kommunen außerhalb des Bereichs {Michelstadt}")));
        });
    }

    [TestCase(ScopeKind.All, "1 = 1")]
    [TestCase(ScopeKind.Municipalities, "a.kommune_ags IN @scopeMunicipalities")]
    [TestCase(ScopeKind.OwnRecords, "a.lotse_id = @scopeOwner")]
    [TestCase(null, "1 = 0")]
    public void ListsFilterInSql(ScopeKind? kind, string condition)
        => Assert.That(Grant(kind).SqlCondition(ags => $"a.kommune_ags IN {ags}", "a.lotse_id", new Dapper.DynamicParameters()), Is.EqualTo(condition));

    [Test]
    public void AGroupGrantReachesTheRecordsOfItsGroupsWhereverTheyLie()
    {
        var scope = RecordScope.Of("test.recht", new PermissionScope(ScopeKind.Groups, new HashSet<string>()) { GroupIds = new HashSet<string> { "beirat-erbach" } }, null);
        var refused = Assert.Throws<OutOfScopeException>(() => scope.EnsureWritable([Erbach], null, "Sitzung", null, "beirat", ["beirat-erbach", "beirat-michelstadt"]))!;
        Assert.Multiple(() =>
        {
            Assert.That(scope.CanRead([Michelstadt], null, ["beirat-erbach"]), Is.True);
            Assert.That(scope.CanRead([Erbach], null, ["beirat-michelstadt"]), Is.False, "the municipality of a record does not count for a group grant");
            Assert.That(scope.CanRead([Erbach], null), Is.False, "a record of no group");
            Assert.That(scope.WriteRefusal([Michelstadt], null, ["beirat-erbach"]), Is.Null);
            Assert.That(scope.WriteRefusal([Erbach], null, []), Does.Contain("Ihrer Gruppen"));
            Assert.That(refused.Refusal.Details, Is.EqualTo("test.recht: Gruppen außerhalb des Bereichs beirat-michelstadt"), "moving into another group is refused");
            Assert.That(scope.SqlCondition(ags => $"kommune_ags IN {ags}", null, new Dapper.DynamicParameters(), "beirat_id"), Is.EqualTo("beirat_id IN @scopeGroups"));
            Assert.That(scope.SqlCondition(ags => $"kommune_ags IN {ags}", null, new Dapper.DynamicParameters()), Is.EqualTo("1 = 0"), "records without groups are none of hers");
        });
    }

    [Test]
    public void MunicipalitiesAndGroupsTogetherFilterWithEither()
    {
        var scope = RecordScope.Of("test.recht", new PermissionScope(ScopeKind.Municipalities, new HashSet<string> { Erbach }) { GroupIds = new HashSet<string> { "beirat-michelstadt" } }, null);
        Assert.Multiple(() =>
        {
            Assert.That(scope.SqlCondition(ags => $"kommune_ags IN {ags}", null, new Dapper.DynamicParameters(), "beirat_id"), Is.EqualTo("(kommune_ags IN @scopeMunicipalities OR beirat_id IN @scopeGroups)"));
            Assert.That(scope.WriteRefusal([Michelstadt], null, ["beirat-michelstadt"]), Is.Null);
            Assert.That(scope.WriteRefusal([Erbach], null, ["beirat-erbach"]), Is.Null);
            Assert.That(scope.WriteRefusal([Michelstadt], null, ["beirat-erbach"]), Is.Not.Null);
        });
    }

    [Test]
    public void OwnRecordsOfAUserWhoOwnsNothingOrOfRecordsWithoutOwnerAreNone()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Grant(ScopeKind.OwnRecords, ownerKey: null).SqlCondition(ags => $"a.kommune_ags IN {ags}", "a.lotse_id", new Dapper.DynamicParameters()), Is.EqualTo("1 = 0"));
            Assert.That(Grant(ScopeKind.OwnRecords).SqlCondition(ags => $"kommune_ags IN {ags}", null, new Dapper.DynamicParameters()), Is.EqualTo("1 = 0"));
        });
    }
}

[TestFixture]
public sealed class KernelTests
{
    [TestCase("2026-11-25", "2026-11-01", "2026-11-30", "2026-11")]
    [TestCase("2028-02-10", "2028-02-01", "2028-02-29", "2028-02")]
    [TestCase("2026-12-31", "2026-12-01", "2026-12-31", "2026-12")]
    public void MonthPeriod(string day, string from, string to, string label)
    {
        var period = IndicatorPeriod.MonthOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Multiple(() =>
        {
            Assert.That(period.From, Is.EqualTo(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(period.To, Is.EqualTo(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(period.Label, Is.EqualTo(label));
            Assert.That(IndicatorPeriod.FromLabel(label), Is.EqualTo(period));
        });
    }

    [TestCase(1.25, 1.3)]
    [TestCase(2.75, 2.8)]
    [TestCase(1.24, 1.2)]
    [TestCase(-1.25, -1.3)]
    public void FiguresAreRoundedCommercially(decimal value, decimal rounded)
        => Assert.That(GermanFormat.Round(value), Is.EqualTo(rounded));

    [TestCase(75, 1.3)]
    [TestCase(165, 2.8)]
    [TestCase(90, 1.5)]
    public void MinutesBecomeHoursWithOneDecimal(long minutes, decimal hours)
        => Assert.That(GermanFormat.Hours(minutes), Is.EqualTo(hours));

    [TestCase("2026-07-01T10:00:00Z", "01.07.2026, 12:00 Uhr", TestName = "summer time is UTC+2")]
    [TestCase("2026-11-25T10:00:00Z", "25.11.2026, 11:00 Uhr", TestName = "winter time is UTC+1")]
    [TestCase("2026-03-29T00:30:00Z", "29.03.2026, 01:30 Uhr", TestName = "before the spring change")]
    [TestCase("2026-03-29T01:30:00Z", "29.03.2026, 03:30 Uhr", TestName = "after the spring change")]
    public void TimesAreShownInGermanFormatInBerlinTime(string utc, string expected)
        => Assert.That(PlatformLocalization.FormatLocal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")), Is.EqualTo(expected));

    [Test]
    public void DeploymentFindsMunicipalitiesByAgs()
    {
        var deployment = new DeploymentInfo("Odenwaldkreis", "06437", "Erbach", [new Municipality("06437006", "Erbach")]);
        Assert.Multiple(() =>
        {
            Assert.That(deployment.FindMunicipality("06437006")?.Name, Is.EqualTo("Erbach"));
            Assert.That(deployment.FindMunicipality("06437099"), Is.Null);
        });
    }
}

[TestFixture]
public sealed class CliParsingTests
{
    [Test]
    public void VerbWordsAreSeparatedFromHostArguments()
    {
        var (command, hostArgs) = CliCommand.Parse(["users", "add-admin", "kreisadmin", "--Platform:DataDirectory=/srv/ip", "--urls", "http://127.0.0.1:5000"]);
        Assert.Multiple(() =>
        {
            Assert.That(command?.Verb, Is.EqualTo("users"));
            Assert.That(command?.Arguments, Is.EqualTo(new[] { "add-admin", "kreisadmin" }));
            Assert.That(hostArgs, Is.EqualTo(new[] { "--Platform:DataDirectory=/srv/ip", "--urls", "http://127.0.0.1:5000" }));
        });
    }

    [Test]
    public void WithoutAVerbEverythingGoesToTheHost()
    {
        var (command, hostArgs) = CliCommand.Parse(["--urls", "http://127.0.0.1:5000"]);
        Assert.Multiple(() =>
        {
            Assert.That(command, Is.Null);
            Assert.That(hostArgs, Has.Length.EqualTo(2));
        });
    }
}

[TestFixture]
public sealed class ConfigurationTests
{
    internal sealed class TestEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Test";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    internal static Dictionary<string, string?> Valid() => new()
    {
        ["Platform:DataDirectory"] = "data",
        ["Platform:Deployment:KreisName"] = "Odenwaldkreis",
        ["Platform:Deployment:KreisAgs"] = "06437",
        ["Platform:Deployment:Municipalities:06437006"] = "Erbach",
        ["Platform:Mail:Mode"] = "Pickup",
        ["Platform:Mail:From"] = "kreis@demo.invalid",
        ["Platform:Legal:Impressum"] = "I",
        ["Platform:Legal:Datenschutz"] = "D",
        ["Platform:Legal:Barrierefreiheit"] = "B",
        ["Platform:Legal:FeedbackContact"] = "f@demo.invalid",
    };

    [Test]
    public void AValidConfigurationLoads()
    {
        var options = PlatformOptions.Load(new ConfigurationBuilder().AddInMemoryCollection(Valid()).Build(), new TestEnvironment("Demo"));
        Assert.Multiple(() =>
        {
            Assert.That(options.Deployment.Municipalities.Single().Name, Is.EqualTo("Erbach"));
            Assert.That(options.Security.LockoutAttempts, Is.EqualTo(5));
            Assert.That(options.TimeZone.Id, Is.EqualTo("Europe/Berlin"));
            Assert.That(options.PublicLanguages.Select(l => l.Code), Is.EqualTo(new[] { "de", "en", "ar", "tr", "uk", "ru", "fa" }));
        });
    }

    [Test]
    public void ADeploymentChoosesItsPublicLanguagesAndGermanIsAlwaysOffered()
    {
        var settings = Valid();
        settings["Platform:PublicLanguages"] = " ps, EN ,ps";
        var options = PlatformOptions.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new TestEnvironment("Demo"));
        Assert.Multiple(() =>
        {
            Assert.That(options.PublicLanguages.Select(l => (l.Code, l.RightToLeft)), Is.EqualTo(new[] { ("de", false), ("ps", true), ("en", false) }));
            Assert.That(options.Deployment.PublicLanguages, Is.EqualTo(options.PublicLanguages), "modules see the same languages through DeploymentInfo");
        });
    }

    [TestCase("ar", true)]
    [TestCase("fa", true)]
    [TestCase("prs", true)]
    [TestCase("ps", true)]
    [TestCase("ur", true)]
    [TestCase("ckb", true)]
    [TestCase("he", true)]
    [TestCase("tr", false)]
    [TestCase("uk", false)]
    [TestCase("kmr", false)]
    public void EveryLanguageKnowsItsWritingDirection(string code, bool rightToLeft)
        => Assert.That(Languages.Find(code)!.Direction, Is.EqualTo(rightToLeft ? "rtl" : "ltr"));

    [Test]
    public void TheLanguageOfACultureIsFoundByItsCodeOrItsLanguage()
        => Assert.Multiple(() =>
        {
            Assert.That(Languages.Of(CultureInfo.GetCultureInfo("ar-SY")).GermanName, Is.EqualTo("Arabisch"));
            Assert.That(Languages.Of(CultureInfo.GetCultureInfo("fa")).Direction, Is.EqualTo("rtl"));
            Assert.That(Languages.Of(CultureInfo.GetCultureInfo("en-US")).OwnName, Is.EqualTo("English"));
            Assert.That(Languages.Of(CultureInfo.InvariantCulture), Is.EqualTo(Languages.German));
            Assert.That(Languages.Find(" AR "), Is.EqualTo(Languages.Find("ar")));
            Assert.That(Languages.Find("xx"), Is.Null);
        });

    [TestCase("Platform:Deployment:KreisName", "")]
    [TestCase("Platform:Legal:Impressum", null)]
    [TestCase("Platform:Mail:From", "keine-adresse")]
    [TestCase("Platform:TimeZone", "Mond/Basis")]
    [TestCase("Platform:Security:LockoutAttempts", "1")]
    [TestCase("Platform:PublicLanguages", "de,en,klingonisch")]
    [TestCase("Modules:Lotsen:Enabled", "1")]
    [TestCase("Modules:Lotsen:Enabled", "ja")]
    public void AnInvalidValueIsReportedWithItsKey(string key, string? value)
    {
        var settings = Valid();
        settings[key] = value;
        var error = Assert.Throws<ConfigurationErrorException>(() => PlatformOptions.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new TestEnvironment("Demo")));
        Assert.That(error!.Key, Is.EqualTo(key));
    }

    [Test]
    public void TheFirstAdminPasswordIsRefusedInAJsonFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ip-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "Platform": { "FirstAdmin": { "UserName": "kreisadmin", "Password": "steht-in-der-datei" } } }""");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(Valid()).AddJsonFile(file).Build();
            var error = Assert.Throws<ConfigurationErrorException>(() => PlatformOptions.Load(configuration, new TestEnvironment("Demo")));
            Assert.That(error!.Key, Is.EqualTo("Platform:FirstAdmin:Password"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

[TestFixture]
public sealed class EndpointTableTests
{
    /// <summary>An endpoint source that counts how often its endpoints are built and can signal a change.</summary>
    private sealed class CountingSource : EndpointDataSource, IDisposable
    {
        private CancellationTokenSource _change = new();

        public int Builds { get; private set; }

        public override IReadOnlyList<Endpoint> Endpoints
        {
            get
            {
                Builds++;
                return [new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, $"Stand {Builds}")];
            }
        }

        public override IChangeToken GetChangeToken() => new CancellationChangeToken(_change.Token);

        public void Change()
        {
            var previous = _change;
            _change = new CancellationTokenSource();
            previous.Cancel();
            previous.Dispose();
        }

        public void Dispose() => _change.Dispose();
    }

    [Test]
    public void RoutingAndApiDescriptionShareOneBuiltTable()
    {
        using var inner = new CountingSource();
        var source = new BuiltOnceEndpointDataSource(inner);

        var forRouting = source.Endpoints;
        var forApiDescription = source.Endpoints;

        Assert.Multiple(() =>
        {
            Assert.That(inner.Builds, Is.EqualTo(1));
            Assert.That(forApiDescription, Is.SameAs(forRouting));
        });
    }

    [Test]
    public void AChangedSourceIsBuiltAgain()
    {
        using var inner = new CountingSource();
        var source = new BuiltOnceEndpointDataSource(inner);
        _ = source.Endpoints;

        inner.Change();

        Assert.Multiple(() =>
        {
            Assert.That(source.Endpoints.Single().DisplayName, Is.EqualTo("Stand 2"));
            Assert.That(inner.Builds, Is.EqualTo(2));
        });
    }
}
