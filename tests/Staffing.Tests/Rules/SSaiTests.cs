using Staffing.Domain;
using Staffing.Rules;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>S-SAI (Novena c, 2nd paragraph): as P-SAI, for centres teaching ESO.</summary>
public class SSaiTests
{
    [Fact]
    public void AnInstituteWithPupilsWithoutSpanishIsReferred()
    {
        var (result, because) = Apply(new SSai(), Ies(100, 10) with { NoSpanish = 1 });
        Assert.Equal(1, result);
        Assert.StartsWith("1 pupil does not know Spanish", because);
    }

    [Fact]
    public void APrimarySchoolIsNotReferredForEso() =>
        Assert.Equal(0, Apply(new SSai(), Ceip(100, 10) with { NoSpanish = 3 }).Result);

    [Fact]
    public void ACeipsoIsReferredInBothStages()
    {
        var c = Centre.Create("X", CentreKind.CEIPSO, 100, 10, 100, 10) with { NoSpanish = 2 };
        Assert.Equal(1, Apply(new PSai(), c).Result);
        Assert.Equal(1, Apply(new SSai(), c).Result);
    }
}
