using System.Collections.Immutable;
using Staffing.Allocation;
using Staffing.Domain;
using static Staffing.Tests.Allocation.AllocationSupport;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Allocation;

/// <summary>Each level of <see cref="Levels.All"/> scoring hand-made decisions: the better plan scores better.</summary>
public class LevelTests
{
    private static long Level(string name, AllocationProblem problem, Decisions d) =>
        PlanScore.Score(problem, d)[Levels.All.Select(l => l.Name).ToList().IndexOf(name)];

    private static Decisions Units(params (string Code, Resource Resource, int Amount)[] units) =>
        new(
            units.ToImmutableSortedDictionary(u => (u.Code, u.Resource), u => u.Amount, GreedyAllocator.KeyComparer),
            []
        );

    private static Decisions Pairs(params (string A, string B)[] pairs) =>
        new(
            ImmutableSortedDictionary.Create<(string, Resource), int>(GreedyAllocator.KeyComparer),
            [.. pairs.Select(p => new ItinerantGroup("A", Stage.Primary, [p.A, p.B]))]
        );

    [Fact]
    public void TheLevelsAreInTheirOrder() =>
        Assert.Equal(
            ["coverage", "fairness", "secondary_ptsc", "continuity", "stability", "itinerant_ties", "pairs", "tie_break"],
            Levels.All.Select(l => l.Name)
        );

    [Fact]
    public void CoverageCountsPoolUnits()
    {
        var p = new AllocationProblem(Scenario([Ceip(300, 75, code: "A"), Ceip(300, 75, code: "B")]));
        Assert.Equal(
            3,
            Level("coverage", p, Units(("A", Resource.PrimarySupport, 2), ("B", Resource.PrimarySupport, 1)))
        );
    }

    [Fact]
    public void FairnessPrefersTheUnitThatRaisesTheLowerRatio()
    {
        var p = new AllocationProblem(Scenario([Ceip(300, 75, code: "A"), Ceip(300, 75, code: "B")]));
        var even = Level("fairness", p, Units(("A", Resource.PrimarySupport, 2), ("B", Resource.PrimarySupport, 2)));
        var uneven = Level("fairness", p, Units(("A", Resource.PrimarySupport, 3), ("B", Resource.PrimarySupport, 1)));
        Assert.True(even > uneven);
    }

    [Fact]
    public void SecondaryPtscCountsInstitutesReachingTwoPostsFirst()
    {
        var p = new AllocationProblem(Scenario([Ies(500, 100, code: "A"), Ies(500, 52, code: "B")]));
        var both = Level(
            "secondary_ptsc",
            p,
            Units(("A", Resource.SecondarySupport, 2), ("B", Resource.SecondarySupport, 2))
        );
        var one = Level(
            "secondary_ptsc",
            p,
            Units(("A", Resource.SecondarySupport, 4), ("B", Resource.SecondarySupport, 0))
        );
        Assert.Equal(2 * PlanScore.UnitScale, both);
        Assert.Equal(PlanScore.UnitScale, one);
    }

    [Fact]
    public void ContinuityCountsPostsHeldAndLost()
    {
        var p = new AllocationProblem(
            Scenario([Ceip(300, 75, code: "A")], current: [new Holding("A", Resource.PrimarySupport, 3, null)])
        );
        Assert.Equal(2, Level("continuity", p, Units(("A", Resource.PrimarySupport, 1))));
        Assert.Equal(0, Level("continuity", p, Units(("A", Resource.PrimarySupport, 3))));
    }

    [Fact]
    public void ItinerantTiesWeighTheMoreCompensatoryCentres()
    {
        var p = new AllocationProblem(
            Scenario([
                Ceip(200, 20, justified: true, code: "A"),
                Ceip(200, 10, justified: true, code: "B"),
                Ceip(200, 5, justified: true, code: "C"),
                Ceip(200, 3, justified: true, code: "D"),
            ])
        );
        Assert.True(Level("itinerant_ties", p, Pairs(("A", "B"))) > Level("itinerant_ties", p, Pairs(("C", "D"))));
    }

    [Fact]
    public void PairsCostLessInOneLocality()
    {
        var p = new AllocationProblem(
            Scenario([
                Ceip(200, 20, justified: true, code: "A"),
                Ceip(200, 10, justified: true, code: "B"),
                Ceip(200, 20, justified: true, code: "C") with
                {
                    Locality = "Other",
                },
                Ceip(200, 10, justified: true, code: "D") with
                {
                    Locality = "Other",
                },
            ])
        );
        Assert.True(
            Level("pairs", p, Pairs(("A", "B"), ("C", "D"))) < Level("pairs", p, Pairs(("A", "C"), ("B", "D")))
        );
    }

    [Fact]
    public void TieBreakPrefersTheCentreWithMoreCompensatoryPupils()
    {
        var p = new AllocationProblem(Scenario([Ceip(300, 50, code: "A"), Ceip(300, 60, code: "B")]));
        Assert.True(
            Level("tie_break", p, Units(("B", Resource.PrimarySupport, 1)))
                > Level("tie_break", p, Units(("A", Resource.PrimarySupport, 1)))
        );
    }
}
