using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace IntegrationsPlattform.Testing;

/// <summary>
/// The accessibility check of every browser test (WCAG 2.1 AA as axe-core checks it), for the host's and any module's
/// pages: call it on each page a test opens, in each state that matters (a form with its inline messages).
/// </summary>
public static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>axe-core on the page: serious and critical findings fail the test with the rule ids and the elements; minor and moderate ones go to the test output.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        await AssertAriaReferencesResolveAsync(page);
        var result = await page.RunAxe();
        Assert.That(result.Passes, Is.Not.Empty, "axe hat nichts geprüft – lief es auf der richtigen Seite?");

        foreach (var minor in result.Violations.Where(v => !Blocking.Contains(v.Impact)))
        {
            TestContext.Out.WriteLine($"axe ({minor.Impact}) auf {page.Url}: {Describe(minor)}");
        }

        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.That(blocking, Is.Empty, () => $"axe findet auf {page.Url} {blocking.Count} schwere Verstöße:\n" + string.Join("\n", blocking.Select(Describe)));
    }

    /// <summary>
    /// Every id named by an ARIA reference exists. axe leaves a missing one "incomplete", since a script
    /// might add the element later; these pages are rendered on the server without scripts, so it is broken.
    /// </summary>
    public static async Task AssertAriaReferencesResolveAsync(IPage page)
    {
        var broken = await page.EvaluateAsync<string[]>("""
            () => {
              const attributes = ['aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-errormessage', 'aria-owns'];
              return [...document.querySelectorAll(attributes.map(a => `[${a}]`).join(','))].flatMap(element =>
                attributes.flatMap(a => (element.getAttribute(a) || '').split(/\s+/)
                  .filter(id => id && !document.getElementById(id))
                  .map(id => `<${element.localName} id="${element.id}"> ${a}="${id}"`)));
            }
            """);
        Assert.That(broken, Is.Empty, $"ARIA-Verweise auf fehlende ids auf {page.Url}");
    }

    private static string Describe(AxeResultItem violation)
        => $"- {violation.Id} ({violation.Impact}): {violation.Help}\n    " + string.Join("\n    ", violation.Nodes.Select(Describe));

    private static string Describe(AxeResultNode node)
    {
        var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Where(m => !string.IsNullOrEmpty(m));
        return $"{node.Target}  {node.Html}  → {string.Join(" / ", checks)}";
    }
}
