using Staffing.Domain;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>P-CONCERTADO (Octava d): support posts only, funded by the agreement.</summary>
public class PConcertadoTests
{
    [Fact]
    public void ConcertadoGetsSupportPostsThroughItsAgreement()
    {
        var l = Entitle(Ceip(100, 60).Concertado()).Line(Resource.PrimarySupport)!;
        Assert.Equal(2, l.Entitled);
        Assert.Equal("P-SUPPORT;P-CONCERTADO", l.Rules);
        Assert.Equal(Funding.Agreement, l.Funding);
    }

    [Fact]
    public void ConcertadoGetsNoEoepDaysNoPtscNoItinerant()
    {
        var e = Entitle(Ceip(100, 60, justified: true).Concertado());
        Assert.Single(e.Lines);
    }

    [Fact]
    public void ThePublicCentreIsNotConcertado() =>
        Assert.Equal("a public centre", Apply(new Staffing.Rules.PConcertado(), Ceip(100, 60)).Because);

    [Fact]
    public void InPoolMovesTheFundingToThePool() =>
        Assert.Equal(
            Funding.Pool,
            Entitle(Ceip(100, 60).Concertado(), With("{\"concertado_in_pool\": true}"))
                .Line(Resource.PrimarySupport)!
                .Funding
        );
}

/// <summary>
/// Octava d and Novena d read three ways (concertado_support) and the public services given or not
/// (concertado_public_services), each a parameter; a concertado CRA is an input error.
/// </summary>
public class ConcertadoReadingsTests
{
    [Theory]
    [InlineData("ratio", 100, 60, 2)]
    [InlineData("one", 100, 60, 1)]
    [InlineData("one", 100, 20, 0)]
    [InlineData("none", 100, 60, 0)]
    public void ConcertadoSupportDecidesThePrimaryPosts(string reading, int pupils, int comp, int posts)
    {
        var p = With($"{{\"concertado_support\": \"{reading}\"}}");
        Assert.Equal(posts, Entitle(Ceip(pupils, comp).Concertado(), p).Amount(Resource.PrimarySupport));
        // A public centre is never touched by the concertado readings.
        Assert.Equal(2, Entitle(Ceip(100, 60), p).Amount(Resource.PrimarySupport));
    }

    [Theory]
    [InlineData("ratio", 3)]
    [InlineData("one", 1)]
    [InlineData("none", 0)]
    public void ConcertadoSupportDecidesTheEsoPosts(string reading, int posts) =>
        Assert.Equal(
            posts,
            Entitle(Ies(400, 80).Concertado(), With($"{{\"concertado_support\": \"{reading}\"}}"))
                .Amount(Resource.SecondarySupport)
        );

    [Fact]
    public void TheTraceSaysWhichReadingApplied()
    {
        var p = With("{\"concertado_support\": \"one\"}");
        var trace = Staffing.Rules.RuleBook.Trace(Ceip(100, 60).Concertado(), p);
        var support = trace.Single(t => t.Rule == "P-SUPPORT");
        Assert.Contains("concertado_support one", support.Because.En());
        var concertado = trace.Single(t => t.Rule == "P-CONCERTADO");
        Assert.Contains("concertado_support one", concertado.Reading.En());
        Assert.Contains("concertado_public_services false", concertado.Reading.En());
        Assert.StartsWith("Reading chosen, not in the text", concertado.Reading.En());
    }

    [Fact]
    public void WithoutPublicServicesAConcertadoCentreHasNoEoepPtscOrShare()
    {
        var e = Entitle(Ceip(100, 40, justified: true).Concertado());
        Assert.Equal(0, e.Amount(Resource.PsychopedagogueDays));
        Assert.Equal(0, e.Amount(Resource.PtscDays));
        Assert.Equal(0, Entitle(Ceip(100, 10, justified: true).Concertado()).Amount(Resource.PrimaryItinerant));
        Assert.Equal(0, Entitle(Ies(400, 60).Concertado()).Amount(Resource.SecondaryPtsc));
    }

    [Fact]
    public void WithPublicServicesAConcertadoCentreIsServedAsAPublicOne()
    {
        var p = With("{\"concertado_public_services\": true}");
        var e = Entitle(Ceip(100, 40, justified: true).Concertado(), p);
        Assert.Equal(1, e.Amount(Resource.PsychopedagogueDays));
        Assert.Equal(1, e.Amount(Resource.PtscDays));
        Assert.Equal(1, Entitle(Ceip(100, 10, justified: true).Concertado(), p).Amount(Resource.PrimaryItinerant));
        Assert.Equal(1, Entitle(Ies(400, 10, justified: true).Concertado(), p).Amount(Resource.SecondaryItinerant));
        Assert.Equal(1, Entitle(Ies(400, 60).Concertado(), p).Amount(Resource.SecondaryPtsc));
        var priority = Staffing.Rules.RuleBook.Trace(Ceip(100, 40).Concertado(), p).Single(t => t.Rule == "P-PRIORITY");
        Assert.True(priority.Applied);
        Assert.Contains("concertado_public_services true", priority.Reading.En());
    }

    [Fact]
    public void AConcertadoCraIsAnInputErrorAtItsLineAndColumn()
    {
        var dir = Scenario(
            (
                "centres.csv",
                "code,name,area,locality,kind,ownership,primary_pupils,primary_comp\n"
                    + "1,A,Sur,Town,CEIP,public,100,10\n"
                    + "2,B,Sur,Town,CRA,concertado,60,20\n"
            )
        );
        var (exit, _, err) = Run("entitlement", dir);
        Assert.Equal(2, exit);
        Assert.Contains("centres.csv:3:6: found \"concertado\", expected public for a CRA", err);
    }

    [Fact]
    public void TheNewParametersAtTheirDefaultsLeaveTheInputHash()
    {
        var s = Staffing.Io.ScenarioReader.Read(Sample);
        var set = s with { Policy = With("{\"concertado_support\": \"ratio\", \"concertado_public_services\": false}") };
        Assert.Equal(ScenarioHash.Of(s), ScenarioHash.Of(set));
        var changed = s with { Policy = With("{\"concertado_support\": \"one\"}") };
        Assert.NotEqual(ScenarioHash.Of(s), ScenarioHash.Of(changed));
    }
}
