using CsCheck;
using Staffing.Domain;
using Staffing.Rules;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Rules;

/// <summary>Properties of the whole rule book on random valid centres.</summary>
public class EntitlementPropertyTests
{
    private static readonly Gen<Centre> Centres =
        from kind in Gen.Enum<CentreKind>()
        from pp in Gen.Int[0, 600]
        from pcShare in Gen.Int[0, 100]
        from ep in Gen.Int[0, 600]
        from ecShare in Gen.Int[0, 100]
        from cycles in Gen.Int[1, 3]
        from justified in Gen.Bool
        from need in Gen.Int[1, 3]
        from concertado in Gen.Int[0, 4]
        select new Centre(
            "C",
            "C",
            "A",
            "L",
            kind,
            concertado == 0 && kind != CentreKind.CRA ? Ownership.Concertado : Ownership.Public,
            kind.TeachesPrimary() ? pp : 0,
            kind.TeachesPrimary() ? pp * pcShare / 100 : 0,
            cycles,
            kind.TeachesEso() ? ep : 0,
            kind.TeachesEso() ? ep * ecShare / 100 : 0,
            justified,
            need,
            0,
            true,
            null,
            null,
            null,
            0,
            0
        );

    [Fact]
    public void SupportPostsAreMonotoneInCompensatoryPupils() =>
        Centres.Sample(
            c =>
            {
                var more = c with
                {
                    PrimaryComp = Math.Min(c.PrimaryPupils, c.PrimaryComp + 1),
                    EsoComp = Math.Min(c.EsoPupils, c.EsoComp + 1),
                };
                var (a, b) = (Entitle(c), Entitle(more));
                return b.Amount(Resource.PrimarySupport) >= a.Amount(Resource.PrimarySupport)
                    && b.Amount(Resource.SecondarySupport) >= a.Amount(Resource.SecondarySupport)
                    && b.Amount(Resource.CraItinerant) >= a.Amount(Resource.CraItinerant);
            },
            iter: 5000
        );

    [Fact]
    public void NeverAboveTheCaps() =>
        Centres.Sample(
            c =>
            {
                var e = Entitle(c);
                return e.Amount(Resource.PrimarySupport) <= c.Cycles
                    && e.Amount(Resource.SecondarySupport) <= 4
                    && e.Amount(Resource.PsychopedagogueDays) <= 3
                    && e.Amount(Resource.PtscDays) <= 3
                    && e.Amount(Resource.SecondaryPtsc) <= 1;
            },
            iter: 5000
        );

    [Fact]
    public void TraceNamesEveryRuleBehindANumberAsApplied() =>
        Centres.Sample(
            c =>
            {
                var trace = RuleBook.Trace(c, Defaults);
                return Entitle(c).Lines.All(l => l.Rules.Split(';').All(id => trace.Single(t => t.Rule == id).Applied));
            },
            iter: 3000
        );

    [Fact]
    public void ATraceLineForEveryRuleInRulesMdOrder() =>
        Assert.Equal(
            [
                "P-SUPPORT",
                "P-ITINERANT",
                "P-SAI",
                "P-PRIORITY",
                "P-PSYCHO",
                "P-PTSC",
                "P-CRA",
                "P-CONCERTADO",
                "S-SUPPORT",
                "S-PTSC",
                "S-ITINERANT",
                "S-SAI",
                "S-CONCERTADO",
                "G-PRIMARY-GROUP",
                "G-ESO-GROUP",
                "G-ESO-SPECIFIC",
                "G-ACE",
            ],
            RuleBook.Trace(Ceip(100, 30), Defaults).Select(t => t.Rule)
        );

    [Fact]
    public void ItinerantAndOwnPostsNeverTogetherInAStage() =>
        Centres.Sample(
            c =>
            {
                var e = Entitle(c);
                return !(
                        e.Amount(Resource.PrimaryItinerant) == 1
                        && e.Amount(Resource.PrimarySupport) + e.Amount(Resource.CraItinerant) > 0
                    ) && !(e.Amount(Resource.SecondaryItinerant) == 1 && e.Amount(Resource.SecondarySupport) > 0);
            },
            iter: 5000
        );
}
