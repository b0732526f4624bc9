using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>P-SAI and S-SAI: pupils without Spanish are a referral, never staffed.</summary>
public class SaiTests
{
    [Fact]
    public void PupilsWithoutSpanishAreAReferralOnly()
    {
        var c = Ceip(100, 10) with { NoSpanish = 3 };
        Assert.Empty(Entitle(c).Lines);
        var t = Staffing.Rules.RuleBook.Trace(c, Defaults);
        Assert.True(t.Single(l => l.Rule == "P-SAI").Applied);
        Assert.False(t.Single(l => l.Rule == "S-SAI").Applied);
        Assert.True(Staffing.Rules.RuleBook.Trace(Ies(100, 10) with { NoSpanish = 1 }, Defaults).Single(l => l.Rule == "S-SAI").Applied);
    }
}
