using Staffing.Rules;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>Every trace line keeps the regulation's words and the project's reading apart (P-PRIORITY, P-PSYCHO, P-CONCERTADO).</summary>
public class TextAndReadingTests
{
    private static TraceLine Line(Staffing.Domain.Centre c, string rule, Staffing.Domain.Policy? p = null) =>
        RuleBook.Trace(c, p ?? Defaults).Single(t => t.Rule == rule);

    [Fact]
    public void EveryTraceLineCarriesTheRegulationsOwnWords()
    {
        foreach (var t in RuleBook.Trace(Ceip(100, 30, justified: true), Defaults))
        {
            Assert.Equal(RuleBook.Find(t.Rule)!.Text, t.Text);
            Assert.False(string.IsNullOrWhiteSpace(t.Reading.En()));
        }
    }

    [Fact]
    public void AConcertadoOutOfTheEoepIsAReadingNotTheText()
    {
        var t = Line(Ceip(100, 60).Concertado(), PPriority.Id);
        Assert.DoesNotContain("public centres", t.Because.En(), StringComparison.Ordinal);
        Assert.StartsWith("Reading chosen, not in the text", t.Reading.En(), StringComparison.Ordinal);
        Assert.DoesNotContain("público", t.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ThePriorityLineSaysItsStrictnessAndBaseAreReadings()
    {
        var t = Line(Ceip(100, 30), PPriority.Id);
        Assert.Contains("más de un 25 por 100", t.Text, StringComparison.Ordinal);
        Assert.Contains("priority_strict true", t.Reading.En(), StringComparison.Ordinal);
        Assert.Contains("priority_base primary", t.Reading.En(), StringComparison.Ordinal);
    }

    [Fact]
    public void ThePsychopedagogueDayTiersAreAnAssumptionNotTheRule()
    {
        var t = Line(Ceip(100, 60), PPsycho.Id);
        Assert.True(t.Applied);
        Assert.DoesNotContain("tiers", t.Because.En(), StringComparison.Ordinal);
        Assert.StartsWith("Assumption, not in the text", t.Reading.En(), StringComparison.Ordinal);
        Assert.Contains("psycho_day_tiers", t.Reading.En(), StringComparison.Ordinal);
        Assert.Contains("de uno a tres días semanales", t.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAgreementsReachIsAReadingAndNoExclusionCitesOctavaDOrNovenaD()
    {
        var c = Ceip(100, 60, justified: true).Concertado();
        var t = Line(c, PConcertado.Id);
        Assert.Contains("podrán contar en su concierto educativo", t.Text, StringComparison.Ordinal);
        Assert.StartsWith("Reading chosen, not in the text", t.Reading.En(), StringComparison.Ordinal);
        Assert.DoesNotContain("do not apply", t.Because.En(), StringComparison.Ordinal);
        foreach (var line in RuleBook.Trace(c, Defaults).Where(l => !l.Applied))
        {
            Assert.DoesNotContain("Octava d", line.Because.En(), StringComparison.Ordinal);
            Assert.DoesNotContain("Novena d", line.Because.En(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheTextReportShowsTheWordsAndTheReadingMarked()
    {
        var text = Staffing.Io.EntitlementWriter.Render(o =>
            Staffing.Io.EntitlementWriter.Text(o, Defaults, [Ceip(100, 60)], Staffing.Cli.Localization.Explain.Wording)
        );
        Assert.Contains(
            "text (Octava c.a): «Intervención directa de un psicopedagogo",
            text,
            StringComparison.Ordinal
        );
        Assert.Contains("reading (the project's, not the text): Assumption", text, StringComparison.Ordinal);
    }
}
