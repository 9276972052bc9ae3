using System.Linq.Expressions;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Contracts.Web.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// The SDK's form and list components as a module page renders them: what the API refuses stands in the form
/// (never an error page), each field names its hint and error for screen readers, and a list leaves out the
/// columns the viewer does not need.
/// </summary>
[TestFixture]
public sealed class FormComponentsTests
{
    [Test]
    public async Task A_refused_rule_and_a_record_that_is_gone_become_the_forms_refusal()
    {
        var form = new ServerForm(new Eingabe());
        var regel = await form.TryAsync(() => throw new DomainRuleException("Die Anfrage ist schon vermittelt."));
        var regelText = form.Refusal;
        var weg = await form.TryAsync(() => throw new RecordNotFoundException("Diese Anfrage gibt es nicht."));

        Assert.Multiple(() =>
        {
            Assert.That(regel, Is.False);
            Assert.That(regelText, Is.EqualTo("Die Anfrage ist schon vermittelt."));
            Assert.That(weg, Is.False);
            Assert.That(form.Refusal, Is.EqualTo("Diese Anfrage gibt es nicht."));
            Assert.That(form.NotFound, Is.True);
            Assert.That(form.Context.GetValidationMessages(), Is.Empty, "no field is to blame");
        });
    }

    [Test]
    public async Task A_write_outside_the_scope_and_a_rule_about_one_field_stand_at_that_field()
    {
        var eingabe = new Eingabe();
        var form = new ServerForm(eingabe);
        await form.TryAsync(() => throw new OutOfScopeException("kommune", "Außerhalb Ihres Bereichs: Erbach.", new AuditEntry(AuditAction.Refused, "Anfrage", "1", "")));
        var bereich = form.Context.GetValidationMessages(new FieldIdentifier(eingabe, nameof(Eingabe.Kommune))).ToList();
        await form.TryAsync(() => throw new DomainRuleException("Dieser Wechsel ist nicht möglich."), refusalField: "status");

        Assert.Multiple(() =>
        {
            Assert.That(bereich, Is.EqualTo(new[] { "Außerhalb Ihres Bereichs: Erbach." }));
            Assert.That(form.Context.GetValidationMessages(new FieldIdentifier(eingabe, nameof(Eingabe.Status))), Is.EqualTo(new[] { "Dieser Wechsel ist nicht möglich." }));
            Assert.That(form.Refusal, Is.Null);
            Assert.That(form.Context.GetValidationMessages(new FieldIdentifier(eingabe, nameof(Eingabe.Kommune))), Is.Empty, "the earlier message is gone");
        });
    }

    [Test]
    public async Task A_field_names_its_hint_and_only_while_there_is_one_its_error()
    {
        var eingabe = new Eingabe();
        var form = new ServerForm(eingabe);
        var ohneFehler = await RenderFieldAsync(form, () => eingabe.Kommune);
        await form.TryAsync(() => throw RequestValidationException.For("kommune", "Bitte eine Kommune wählen."));
        var mitFehler = await RenderFieldAsync(form, () => eingabe.Kommune);

        Assert.Multiple(() =>
        {
            Assert.That(ohneFehler, Does.Contain("<label for=\"kommune\">Kommune</label>"));
            Assert.That(ohneFehler, Does.Contain("<span class=\"hint\" id=\"kommune-hinweis\">AGS oder Name</span>"));
            Assert.That(ohneFehler, Does.Contain("aria-describedby=\"kommune-hinweis\"").And.Not.Contain("aria-invalid"));
            Assert.That(mitFehler, Does.Contain("aria-describedby=\"kommune-hinweis kommune-fehler\"").And.Contain("aria-invalid=\"true\""));
            Assert.That(mitFehler, Does.Contain("<div class=\"validation-message\" id=\"kommune-fehler\">Bitte eine Kommune wählen.</div>"));
        });
    }

    [Test]
    public async Task A_list_leaves_out_a_column_the_viewer_does_not_need_and_labels_each_cell()
    {
        var columns = new List<DataColumn<string>>
        {
            new("Termin", termin => b => b.AddContent(0, termin)),
            new("Lotse", _ => b => b.AddContent(0, "Samira Haddad"), Shown: false),
            new("Status", _ => b => b.AddContent(0, "geplant")),
        };
        var html = await RenderAsync<DataList<string>>(new Dictionary<string, object?>
        {
            [nameof(DataList<string>.Caption)] = "Meine Einsätze",
            [nameof(DataList<string>.Rows)] = new[] { "01.12.2026, 15:00 Uhr" },
            [nameof(DataList<string>.Columns)] = columns,
        });

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("Lotse").And.Not.Contain("Samira Haddad"));
            Assert.That(html, Does.Contain("<th scope=\"row\" role=\"rowheader\" data-label=\"Termin\">01.12.2026, 15:00 Uhr</th>"));
            Assert.That(html, Does.Contain("<td role=\"cell\" data-label=\"Status\">geplant</td>"));
            Assert.That(html, Does.Contain("class=\"data stacked\""));
        });
    }

    [Test]
    public async Task A_page_loading_a_record_that_is_gone_gets_null_and_every_other_refusal_still_throws()
    {
        var gefunden = await ServerForm.FindAsync(() => Task.FromResult("Anfrage A. K."));
        var weg = await ServerForm.FindAsync<string>(() => throw new RecordNotFoundException("Anfrage nicht gefunden."));

        Assert.Multiple(() =>
        {
            Assert.That(gefunden, Is.EqualTo("Anfrage A. K."));
            Assert.That(weg, Is.Null);
            Assert.ThrowsAsync<DomainRuleException>(() => ServerForm.FindAsync<string>(() => throw new DomainRuleException("Regel")));
        });
    }

    [Test]
    public async Task A_field_of_an_indexed_row_posts_under_the_name_the_page_gives_it()
    {
        var zeile = new Eingabe { Status = "ar" };
        var html = await RenderInFormAsync(new ServerForm(new Eingabe()), b =>
        {
            b.OpenComponent<SelectField>(0);
            b.AddAttribute(1, nameof(SelectField.Id), "sprache-1");
            b.AddAttribute(2, nameof(SelectField.Label), "Sprache 2");
            b.AddAttribute(3, nameof(SelectField.Value), zeile.Status);
            b.AddAttribute(4, nameof(SelectField.ValueExpression), (Expression<Func<string?>>)(() => zeile.Status));
            b.AddAttribute(5, nameof(SelectField.Options), new[] { ("ar", "Arabisch"), ("fa", "Persisch") });
            b.AddAttribute(6, "name", "Input.Sprachen[1].Code");
            b.CloseComponent();
        });

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("name=\"Input.Sprachen[1].Code\"").And.Not.Contain("name=\"zeile.Status\""));
            Assert.That(html, Does.Contain("<label for=\"sprache-1\">Sprache 2</label>"));
        });
    }

    [Test]
    public async Task A_single_checkbox_and_a_radio_group_show_their_state_and_tie_the_error_to_the_input()
    {
        var eingabe = new Eingabe { Status = "ausgefallen", Nachbereitung = true };
        var form = new ServerForm(eingabe);
        await form.TryAsync(() => throw RequestValidationException.For("status", "Bitte angeben, ob der Einsatz stattgefunden hat."));
        var html = await RenderInFormAsync(form, b =>
        {
            b.OpenComponent<CheckboxField>(0);
            b.AddAttribute(1, nameof(CheckboxField.Id), "nachbereitung");
            b.AddAttribute(2, nameof(CheckboxField.Label), "Nachbereitung nötig");
            b.AddAttribute(3, nameof(CheckboxField.Value), eingabe.Nachbereitung);
            b.AddAttribute(4, nameof(CheckboxField.ValueExpression), (Expression<Func<bool>>)(() => eingabe.Nachbereitung));
            b.CloseComponent();
            b.OpenComponent<RadioGroup>(5);
            b.AddAttribute(6, nameof(RadioGroup.Legend), "Hat der Einsatz stattgefunden?");
            b.AddAttribute(7, nameof(RadioGroup.Name), "Input.Status");
            b.AddAttribute(8, nameof(RadioGroup.IdPrefix), "status");
            b.AddAttribute(9, nameof(RadioGroup.Options), new[] { ("durchgefuehrt", "ja"), ("ausgefallen", "nein") });
            b.AddAttribute(10, nameof(RadioGroup.Value), eingabe.Status);
            b.AddAttribute(11, nameof(RadioGroup.For), (Expression<Func<string?>>)(() => eingabe.Status));
            b.CloseComponent();
        });

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Match("<input[^>]*type=\"checkbox\"[^>]*id=\"nachbereitung\"[^>]*checked|<input[^>]*id=\"nachbereitung\"[^>]*checked"));
            Assert.That(html, Does.Contain("<label for=\"nachbereitung\">Nachbereitung nötig</label>"));
            Assert.That(html, Does.Contain("<input type=\"radio\" id=\"status-ausgefallen\" name=\"Input.Status\" value=\"ausgefallen\" checked"));
            Assert.That(html, Does.Contain("<input type=\"radio\" id=\"status-durchgefuehrt\" name=\"Input.Status\" value=\"durchgefuehrt\" aria-invalid=\"true\""));
            Assert.That(html, Does.Contain("<fieldset class=\"field checkbox-group\" aria-describedby=\"status-fehler\">"));
            Assert.That(html, Does.Contain("id=\"status-fehler\">Bitte angeben, ob der Einsatz stattgefunden hat.</div>"));
        });
    }

    [Test]
    public async Task Filter_inputs_post_under_their_query_key_and_show_the_current_filter()
    {
        var monat = await RenderAsync<FilterInput>(new Dictionary<string, object?>
        {
            [nameof(FilterInput.Id)] = "filter-monat",
            [nameof(FilterInput.Label)] = "Monat",
            [nameof(FilterInput.Name)] = "monat",
            [nameof(FilterInput.Type)] = "month",
            [nameof(FilterInput.Hint)] = "z. B. 2026-12",
            [nameof(FilterInput.Value)] = "2026-12",
        });
        var jahr = await RenderAsync<FilterSelect>(new Dictionary<string, object?>
        {
            [nameof(FilterSelect.Id)] = "jahr",
            [nameof(FilterSelect.Label)] = "Jahr",
            [nameof(FilterSelect.Name)] = "jahr",
            [nameof(FilterSelect.Value)] = "2026",
            [nameof(FilterSelect.Options)] = new[] { ("2026", "2026"), ("2025", "2025") },
        });

        Assert.Multiple(() =>
        {
            Assert.That(monat, Does.Contain("<input id=\"filter-monat\" name=\"monat\" type=\"month\" value=\"2026-12\" aria-describedby=\"filter-monat-hinweis\" />"));
            Assert.That(monat, Does.Contain("<span class=\"hint\" id=\"filter-monat-hinweis\">z. B. 2026-12</span>"));
            Assert.That(jahr, Does.Not.Contain("<option value=\"\">"), "a year must be chosen: no empty option");
            Assert.That(jahr, Does.Contain("<option value=\"2026\" selected>2026</option>"));
        });
    }

    private static Task<string> RenderInFormAsync(ServerForm form, RenderFragment content)
        => RenderAsync<CascadingValue<EditContext>>(new Dictionary<string, object?>
        {
            ["Value"] = form.Context,
            ["ChildContent"] = content,
        });

    private static Task<string> RenderFieldAsync(ServerForm form, Expression<Func<string?>> feld)
        => RenderAsync<CascadingValue<EditContext>>(new Dictionary<string, object?>
        {
            ["Value"] = form.Context,
            ["ChildContent"] = (RenderFragment)(b =>
            {
                b.OpenComponent<TextField>(0);
                b.AddAttribute(1, nameof(TextField.Id), "kommune");
                b.AddAttribute(2, nameof(TextField.Label), "Kommune");
                b.AddAttribute(3, nameof(TextField.Hint), "AGS oder Name");
                b.AddAttribute(4, nameof(TextField.ValueExpression), feld);
                b.CloseComponent();
            }),
        });

    private static async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            System.Net.WebUtility.HtmlDecode((await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString()));
    }

    private sealed class Eingabe
    {
        public string? Kommune { get; set; }

        public string? Status { get; set; }

        public bool Nachbereitung { get; set; }
    }
}
