using static IntegrationsPlattform.Modules.Gesundheit.Tests.Oeffentlichkeitsarbeit.Kampagnendaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Oeffentlichkeitsarbeit;

/// <summary>The outreach demo data fills every outreach page: campaigns in each status that takes hand-outs and one planned, hand-outs in every municipality, none dated ahead of the host's today, a campaign's only in its municipalities.</summary>
public sealed class OeffentlichkeitsarbeitDemoTests : GesundheitFixture
{
    [Test]
    public void The_demo_campaigns_and_hand_outs_cover_the_Kreis_and_keep_the_rules_the_commands_keep()
    {
        var heute = new { heute = Tag(Clock.Today) };
        Assert.Multiple(() =>
        {
            Assert.That(Count("kampagnen", "angelegt_von = 'Demo'"), Is.EqualTo(3));
            Assert.That(Count("kampagnen", "angelegt_von = 'Demo' AND status IN ('geplant', 'laufend', 'abgeschlossen')"), Is.EqualTo(3));
            Assert.That(Count("(SELECT DISTINCT kommune_ags FROM materialausgaben WHERE erfasst_von = 'Demo')"), Is.EqualTo(12));
            Assert.That(Count("materialausgaben", "erfasst_von = 'Demo' AND datum > @heute", heute), Is.Zero);
            Assert.That(Count("materialausgaben m", "m.kampagne_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM kampagne_kommunen k WHERE k.kampagne_id = m.kampagne_id AND k.kommune_ags = m.kommune_ags)"), Is.Zero);
            Assert.That(Count("materialausgaben m JOIN kampagnen k ON k.id = m.kampagne_id", "k.status = 'geplant'"), Is.Zero, "a planned campaign has handed nothing out yet");
        });
    }
}
