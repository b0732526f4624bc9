using Staffing.Domain;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>P-PRIORITY (Octava c): a public centre with more than 25% compensatory primary pupils.</summary>
public class PPriorityTests
{
    [Fact]
    public void Exactly25PercentIsNotPriority()
    {
        var e = Entitle(Ceip(100, 25));
        Assert.False(e.Facts.Priority);
        Assert.Equal(0, e.Amount(Resource.PsychopedagogueDays));
        var t = Staffing.Rules.RuleBook.Trace(Ceip(100, 25), Defaults).Single(l => l.Rule == "P-PRIORITY");
        Assert.Equal("25 of 100 primary pupils = 25.0%, not more than 25.0%: not a preferred-action centre", t.Because.En());
    }

    [Fact]
    public void JustOver25PercentIsPriority()
    {
        Assert.True(Entitle(Ceip(100, 26)).Facts.Priority);
        Assert.True(Entitle(Ceip(10000, 2501)).Facts.Priority);
        Assert.False(Entitle(Ceip(10000, 2500)).Facts.Priority);
    }

    [Fact]
    public void ComparisonIsExactDecimal()
    {
        // 1/3 > 0.333 but binary floating point would be indifferent to such closeness at scale.
        Assert.True(Entitle(Ceip(3, 1), With("{\"priority_threshold\": 0.333}")).Facts.Priority);
        Assert.False(
            Entitle(Ceip(3, 1), With("{\"priority_threshold\": 0.3333333333333333333333333334}")).Facts.Priority
        );
    }

    [Fact]
    public void NonStrictIncludesTheThreshold() =>
        Assert.True(Entitle(Ceip(100, 25), With("{\"priority_strict\": false}")).Facts.Priority);

    [Fact]
    public void ZeroPupilsIsNeverPriority() =>
        Assert.False(Entitle(Ceip(0, 0), With("{\"priority_threshold\": 0}")).Facts.Priority);

    [Fact]
    public void ConcertadoIsNeverPriority() => Assert.False(Entitle(Ceip(100, 60).Concertado()).Facts.Priority);

    [Fact]
    public void CeipsoCountsOnlyThePrimaryStage()
    {
        var c = Centre.Create("X", CentreKind.CEIPSO, 100, 20, 100, 90);
        Assert.False(Entitle(c).Facts.Priority);
    }

    [Fact]
    public void TheBaseIsThePrimaryStageByDefault()
    {
        var c = Ceip(100, 26) with { InfantPupils = 100, InfantComp = 0 };
        Assert.Equal(1, Apply(new Staffing.Rules.PPriority(), c).Result);
    }

    [Fact]
    public void WithTheCentreBaseInfantPupilsCount()
    {
        var centre = With("{\"priority_base\": \"centre\"}");
        var c = Ceip(100, 26) with { InfantPupils = 100, InfantComp = 0 };
        var (result, because) = Apply(new Staffing.Rules.PPriority(), c, centre);
        Assert.Equal(0, result);
        Assert.StartsWith("26 of 200 pupils of the centre (infant, primary) = 13.0%", because);
        Assert.Equal(1, Apply(new Staffing.Rules.PPriority(), c with { InfantComp = 25 }, centre).Result);
    }

    [Fact]
    public void WithTheCentreBaseExactlyAQuarterIsNotPriority()
    {
        var centre = With("{\"priority_base\": \"centre\"}");
        var c = Centre.Create("X", CentreKind.CEIPSO, 100, 25, 100, 25);
        Assert.Equal(0, Apply(new Staffing.Rules.PPriority(), c, centre).Result);
        Assert.Equal(1, Apply(new Staffing.Rules.PPriority(), c with { EsoComp = 26 }, centre).Result);
    }
}
