using System.Collections.Immutable;
using CsCheck;
using Staffing.Allocation;
using Staffing.Domain;
using Staffing.Io;
using static Staffing.Tests.Allocation.AllocationSupport;

namespace Staffing.Tests.Allocation;

/// <summary>Properties of both allocators on random scenarios small enough to solve in a blink.</summary>
public class OptimizerPropertyTests
{
    private static readonly Gen<Scenario> Scenarios =
        from n in Gen.Int[8, 60]
        from areas in Gen.Int[1, 3]
        from seed in Gen.Int[0, 1_000_000]
        from ratio in Gen.Int[3, 11]
        select ScenarioGenerator.Generate(new ScenarioGenerator.Options(n, Math.Min(areas, n), seed, ratio / 10.0));

    [Fact]
    public void EveryHardConstraintAndFairnessHoldForBoth() =>
        Scenarios.Sample(
            s =>
            {
                foreach (var solver in new[] { "cp-sat", "greedy" })
                {
                    var (problem, plan) = PlanOf(s, solver);
                    var violations = Verify(s, problem, plan);
                    Assert.True(violations.Count == 0, solver + ": " + string.Join("\n", violations));
                }
            },
            iter: 25,
            threads: 1
        );

    [Fact]
    public void CpSatIsAtLeastAsGoodAsGreedyOnTheLevels() =>
        Scenarios.Sample(
            s =>
            {
                var (problem, cp) = PlanOf(s, "cp-sat");
                var (_, greedy) = PlanOf(s, "greedy");
                Assert.Equal("OPTIMAL", cp.Status is "ENTITLEMENT" ? "OPTIMAL" : cp.Status);
                var a = cp.Levels.Select(l => l.Objective).ToArray();
                var b = greedy.Levels.Select(l => l.Objective).ToArray();
                Assert.True(Compare(a, b) >= 0, $"cp-sat {string.Join(",", a)} vs greedy {string.Join(",", b)}");
                // A plan of its own reports every level but the re-plans' stability.
                Assert.Equal(
                    a,
                    PlanScore.Score(
                        problem,
                        new Decisions(
                            cp.Lines.Where(l =>
                                    !l.Resource.IsItinerant() && l.Funding == Funding.Pool && l.Allocated > 0
                                )
                                .ToDictionary(l => (l.Code, l.Resource), l => l.Allocated)
                                .ToImmutableSortedDictionary(GreedyAllocator.KeyComparer),
                            [.. cp.Itinerants.Select(t => new ItinerantGroup(t.Area, t.Stage, t.Centres))]
                        )
                    )
                        .Where((_, i) => Levels.All[i].Name != Levels.Stability)
                );
            },
            iter: 25,
            threads: 1
        );

    [Fact]
    public void CoverageIsTheSumOfPoolOrEntitlementWhereNothingCouples() =>
        Scenarios.Sample(
            s =>
            {
                var (_, plan) = PlanOf(s);
                var area = s.Centres.ToDictionary(c => c.Code, c => c.Area);
                foreach (var row in s.Pool!.Where(p => p.Resource is Resource.PrimarySupport or Resource.CraItinerant))
                {
                    var lines = plan
                        .Lines.Where(l =>
                            l.Resource == row.Resource && l.Funding == Funding.Pool && area[l.Code] == row.Area
                        )
                        .ToList();
                    Assert.Equal(Math.Min(row.Amount, lines.Sum(l => l.Entitled)), lines.Sum(l => l.Allocated));
                }
            },
            iter: 20,
            threads: 1
        );

    [Fact]
    public void SameInputSamePlanWhateverTheRowOrder() =>
        Scenarios.Sample(
            s =>
            {
                var (_, a) = PlanOf(s);
                var shuffled = s with
                {
                    Centres = [.. s.Centres.OrderBy(c => c.Code.GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995)],
                    Pool = [.. s.Pool!.Reverse()],
                };
                var (_, b) = PlanOf(shuffled);
                Assert.Equal(a.Lines.Select(l => l.ToString()).ToArray(), b.Lines.Select(l => l.ToString()).ToArray());
                Assert.Equal(
                    a.Itinerants.Select(t => t.Id + string.Join(",", t.Centres)),
                    b.Itinerants.Select(t => t.Id + string.Join(",", t.Centres))
                );
                Assert.Equal(a.InputHash, b.InputHash);
            },
            iter: 10,
            threads: 1
        );
}
