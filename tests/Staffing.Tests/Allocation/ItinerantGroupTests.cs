using Staffing.Domain;
using static Staffing.Tests.Allocation.AllocationSupport;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Allocation;

/// <summary>P-ITINERANT / S-ITINERANT groups: every justified centre served unless the pool is short.</summary>
public class ItinerantGroupTests
{
    private static readonly string[] Solvers = ["cp-sat", "greedy"];

    private static string[] Groups(Plan plan) => [.. plan.Itinerants.Select(t => string.Join(" ", t.Centres))];

    [Fact]
    public void AnOddCentreJoinsTheGroupItCostsLeastToJoin()
    {
        var a = Ceip(200, 10, justified: true, code: "A");
        var b = Ceip(200, 12, justified: true, code: "B");
        var c = Ceip(200, 8, justified: true, code: "C") with { Locality = "Far" };
        var d = Ceip(200, 9, justified: true, code: "D") with { Locality = "Far" };
        var e = Ceip(200, 7, justified: true, code: "E") with { Locality = "Far" };
        foreach (var solver in Solvers)
        {
            var (problem, plan) = PlanOf(Scenario([a, b, c, d, e]), solver);
            Assert.Equal(["A B", "C D E"], Groups(plan));
            Assert.All(plan.Itinerants, t => Assert.Equal(5, t.Days.Sum()));
            Assert.All(plan.Itinerants, t => Assert.Equal(0, t.FreeDays));
            Assert.All(plan.Lines, l => Assert.Equal(0, l.Shortfall));
            Assert.Empty(Verify(problem.Scenario, problem, plan));
        }
    }

    [Fact]
    public void ACentreAloneInItsAreaAndStageHasATeacherOfItsOwnForItsShareDays()
    {
        foreach (var solver in Solvers)
        {
            var (problem, plan) = PlanOf(Scenario([Ceip(200, 10, justified: true, code: "A")]), solver);
            var t = Assert.Single(plan.Itinerants);
            Assert.Equal(["A"], t.Centres.ToArray());
            Assert.Equal([3], t.Days.ToArray()); // ceil(5 / itinerant_share 2)
            Assert.Equal(2, t.FreeDays);
            Assert.Equal(1, plan.Line("A", Resource.PrimaryItinerant).Allocated);
            Assert.Empty(Verify(problem.Scenario, problem, plan));
        }
    }

    [Fact]
    public void WithGroupMaxEqualToTheShareTheOddCentreHasATeacherOfItsOwn()
    {
        var policy = With("""{"itinerant_group_max": 2}""");
        var centres = new[] { 10, 12, 8 }.Select((comp, i) => Ceip(200, comp, justified: true, code: $"C{i + 1}"));
        foreach (var solver in Solvers)
        {
            var (problem, plan) = PlanOf(Scenario(centres, policy: policy), solver);
            Assert.Equal(["C1 C2", "C3"], Groups(plan));
            Assert.Equal(2, plan.Itinerants[1].FreeDays);
            Assert.Empty(Verify(problem.Scenario, problem, plan));
        }
    }

    [Fact]
    public void OnlyThePoolLeavesAnEligibleCentreUnserved()
    {
        var centres = Enumerable.Range(1, 6).Select(i => Ceip(200, 10 + i, justified: true, code: $"C{i}")).ToList();
        foreach (var solver in Solvers)
        {
            var (problem, plan) = PlanOf(Scenario(centres, [new PoolRow("A", Resource.PrimaryItinerant, 2)]), solver);
            // Two teachers serve five: two pairs and the odd centre; the one with fewest pupils waits.
            Assert.Equal(2, plan.Itinerants.Length);
            Assert.Equal(5, plan.Itinerants.Sum(t => t.Centres.Length));
            var left = Assert.Single(plan.Lines, l => l.Shortfall > 0);
            Assert.Equal("C1", left.Code);
            Assert.StartsWith("pool short: A primary_itinerant: 2 itinerant teachers", left.Reason.En());
            Assert.Empty(Verify(problem.Scenario, problem, plan));
        }
    }

    [Theory]
    [InlineData(1, "at least itinerant_share")]
    [InlineData(6, "at most 5")]
    public void AGroupMaxOutsideShareToFiveIsAPolicyError(int max, string expected)
    {
        var errors = new InputErrors();
        PolicyLoader.Override(Defaults, $$"""{"itinerant_group_max": {{max}}}""", "policy.json", errors);
        Assert.Contains(
            errors.Messages,
            m =>
                m.Contains("itinerant_group_max", StringComparison.Ordinal)
                && m.Contains(expected, StringComparison.Ordinal)
        );
    }

    [Fact]
    public void TheGreedyAndTheOptimizerServeTheSameCentres()
    {
        var rng = new Random(7);
        for (var round = 0; round < 20; round++)
        {
            var centres = Enumerable
                .Range(1, rng.Next(1, 9))
                .Select(i =>
                    Ceip(200, rng.Next(1, 24), justified: true, code: $"C{i}") with
                    {
                        Area = rng.Next(2) == 0 ? "North" : "South",
                    }
                )
                .ToList();
            var pool = new[] { "North", "South" }.Select(a => new PoolRow(
                a,
                Resource.PrimaryItinerant,
                rng.Next(0, 3)
            ));
            var s = Scenario(centres, [.. pool]);
            var (_, cp) = PlanOf(s);
            var (_, greedy) = PlanOf(s, "greedy");
            string Served(Plan p) =>
                string.Join(" ", p.Lines.Where(l => l.Allocated > 0).Select(l => l.Code).Order(StringComparer.Ordinal));
            Assert.Equal(Served(greedy), Served(cp));
        }
    }

    [Fact]
    public void OnMadridWithUnlimitedPoolsEveryEligibleCentreHasItsShare()
    {
        var s = Staffing.Io.ScenarioReader.Read(Path.Combine(RepoRoot, "scenarios", "madrid")) with { Pool = null };
        var (problem, plan) = PlanOf(s);
        var shares = plan.Lines.Where(l => l.Resource.IsItinerant()).ToList();
        Assert.NotEmpty(shares);
        Assert.All(shares, l => Assert.Equal(1, l.Allocated));
        Assert.Empty(Verify(s, problem, plan));
    }
}
