using Staffing.Allocation;
using Staffing.Domain;
using static Staffing.Tests.Allocation.AllocationSupport;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Allocation;

/// <summary>--time-limit bounds the command's wall clock: time spent before the search counts, and no search starts late.</summary>
public class TimeLimitTests
{
    private static Scenario Short() =>
        Scenario(
            [.. Enumerable.Range(1, 6).Select(i => Ceip(100, 25 + 10 * i, code: $"C{i}"))],
            [new PoolRow("A", Resource.PrimarySupport, 5)]
        );

    [Fact]
    public void WithTheClockSpentTheGreedyPlanStandsUnprovenWithoutABound()
    {
        var s = Short();
        var result = new CpSatAllocator().Allocate(
            new AllocationProblem(s),
            new SolveSettings(TimeLimitSeconds: 10, SpentSeconds: 10)
        );
        var greedy = new GreedyAllocator().Allocate(new AllocationProblem(s), new SolveSettings());
        Assert.False(result.Proven);
        Assert.All(result.Levels, l => Assert.Null(l.Bound));
        Assert.Equal(greedy.Decisions.Allocated, result.Decisions.Allocated);
    }

    [Fact]
    public void WithTimeLeftTheSameProblemIsProven()
    {
        var result = new CpSatAllocator().Allocate(
            new AllocationProblem(Short()),
            new SolveSettings(TimeLimitSeconds: 30)
        );
        Assert.True(result.Proven);
        Assert.All(result.Levels, l => Assert.NotNull(l.Bound));
    }

    [Fact]
    public void AnEndlessLimitIsCappedWithANote()
    {
        var (exit, _, err) = Run("plan", Sample, "--out", Path.Combine(TempDir(), "p"), "--time-limit", "Infinity");
        Assert.Equal(0, exit);
        Assert.Contains("note: --time-limit Infinity capped at 86400 s", err);
    }
}
