using System.Xml.Linq;
using IntegrationsPlattform.Contracts.Kernel;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Nachweis;

/// <summary>
/// The public registration pages, the certificate check and the anonymous feedback form speak every public language of the deployment: each has a
/// resource file with every key of the German one, and the pages answer in the visitor's language (Farsi right to left).
/// </summary>
public sealed class NachweisSprachenTests : SchulungenFixture
{
    /// <summary>The module's public texts: the registration form and personal link, the certificate check and the feedback form.</summary>
    private static readonly string[] Texte = ["AnmeldungTexts", "NachweisTexts", "FeedbackTexts"];

    [Test]
    public void Every_public_language_has_every_key_of_the_public_pages_texts()
    {
        var sprachen = Host.Services.GetRequiredService<DeploymentInfo>().PublicLanguages.Select(l => l.Code).Where(c => c != "de").ToList();
        var ordner = Path.Combine(RepositoryPaths.Root(), "modules", "Schulungen", "IntegrationsPlattform.Modules.Schulungen", "Resources");
        var fehlend = new List<string>();
        foreach (var text in Texte)
        {
            var deutsch = Schluessel(Path.Combine(ordner, text + ".resx"));
            foreach (var sprache in sprachen)
            {
                var datei = Path.Combine(ordner, $"{text}.{sprache}.resx");
                var vorhanden = File.Exists(datei) ? Schluessel(datei) : [];
                fehlend.AddRange(deutsch.Except(vorhanden).Select(k => $"{text}.{sprache}: {k}"));
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(sprachen, Is.SupersetOf(new[] { "en", "ar", "tr", "uk", "ru", "fa" }));
            Assert.That(fehlend, Is.Empty);
        });
    }

    [Test]
    public async Task The_check_and_a_personal_link_answer_in_Farsi_right_to_left_and_in_Ukrainian()
    {
        var nachweis = await PageForms.TextAsync(Host.Anonymous(), "/schulungen/nachweis/ABCD-EFGH-JKMN-PQRS-TUVW?lang=fa");
        var link = await PageForms.TextAsync(Host.Anonymous(), "/schulungen/anmeldung/kein-gueltiger-link?lang=uk");

        Assert.Multiple(() =>
        {
            Assert.That(nachweis, Does.Contain("dir=\"rtl\""));
            Assert.That(nachweis, Does.Contain("گواهی‌ای با این کد وجود ندارد"));
            Assert.That(link, Does.Contain("Це посилання недійсне."));
        });
    }

    private static HashSet<string> Schluessel(string datei)
        => XDocument.Load(datei).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
}
