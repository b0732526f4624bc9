using Staffing.Rules;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>P-SAI (Octava b, 2nd paragraph): pupils without Spanish are a referral, never staffed.</summary>
public class PSaiTests
{
    [Fact]
    public void PupilsWithoutSpanishAreAReferralOnly()
    {
        var c = Ceip(100, 10) with { NoSpanish = 3 };
        Assert.Empty(Entitle(c).Lines);
        var (result, because) = Apply(new PSai(), c);
        Assert.Equal(1, result);
        Assert.Contains("3 pupils do not know Spanish", because);
    }

    [Fact]
    public void NoPupilsWithoutSpanishNoReferral() => Assert.Equal(0, Apply(new PSai(), Ceip(100, 10)).Result);

    [Fact]
    public void AnInstituteIsNotReferredByPSai() =>
        Assert.Equal("teaches no primary stage", Apply(new PSai(), Ies(100, 10) with { NoSpanish = 1 }).Because);
}
