using Staffing.Domain;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>P-SUPPORT (Octava a): one post per full 25 compensatory primary pupils, at most one per cycle.</summary>
public class PSupportTests
{
    [Theory]
    [InlineData(24, 0)]
    [InlineData(25, 1)]
    [InlineData(26, 1)]
    [InlineData(49, 1)]
    [InlineData(50, 2)]
    [InlineData(74, 2)]
    [InlineData(75, 3)]
    public void OnePostPerFull25Pupils(int comp, int posts) =>
        Assert.Equal(posts, Entitle(Ceip(400, comp)).Amount(Resource.PrimarySupport));

    [Fact]
    public void CappedAtOnePerCycle()
    {
        Assert.Equal(3, Entitle(Ceip(400, 200)).Amount(Resource.PrimarySupport));
        Assert.Equal(2, Entitle(Ceip(400, 200, cycles: 2)).Amount(Resource.PrimarySupport));
        Assert.Equal(1, Entitle(Ceip(400, 50, cycles: 1)).Amount(Resource.PrimarySupport));
    }

    [Fact]
    public void CycleCapIsAParameter() =>
        Assert.Equal(6, Entitle(Ceip(400, 200), With("{\"cycle_cap\": 2}")).Amount(Resource.PrimarySupport));

    [Theory]
    [InlineData("ceil", 1, 1)]
    [InlineData("ceil", 26, 2)]
    [InlineData("nearest", 12, 0)]
    [InlineData("nearest", 13, 1)]
    [InlineData("nearest", 37, 1)]
    [InlineData("nearest", 38, 2)]
    [InlineData("floor", 49, 1)]
    public void RoundingAlternatives(string rounding, int comp, int posts) =>
        Assert.Equal(
            posts,
            Entitle(Ceip(400, comp), With($"{{\"rounding\": \"{rounding}\"}}")).Amount(Resource.PrimarySupport)
        );

    [Fact]
    public void RatioIsAParameter() =>
        Assert.Equal(2, Entitle(Ceip(400, 40), With("{\"primary_ratio\": 20}")).Amount(Resource.PrimarySupport));

    [Fact]
    public void NoProgrammeNoPosts() =>
        Assert.Equal(0, Entitle(Ceip(400, 60) with { Programme = false }).Amount(Resource.PrimarySupport));

    [Fact]
    public void CeipsoPrimaryStageCountsOnItsOwn()
    {
        var c = Centre.Create("X", CentreKind.CEIPSO, 200, 50, 200, 10);
        Assert.Equal(2, Entitle(c).Amount(Resource.PrimarySupport));
        Assert.Equal(0, Entitle(c).Amount(Resource.SecondarySupport));
    }

    [Fact]
    public void TraceShowsTheFiguresAndTheInstruction()
    {
        var t = Staffing.Rules.RuleBook.Trace(Ceip(400, 110, cycles: 2), Defaults).Single(l => l.Rule == "P-SUPPORT");
        Assert.True(t.Applied);
        Assert.Equal("Octava a", t.Instruction.En());
        Assert.Contains("110 / 25 rounded floor = 4", t.Because.En());
        Assert.Contains("capped at 1 per cycle × 2 cycles = 2", t.Because.En());
    }
}
