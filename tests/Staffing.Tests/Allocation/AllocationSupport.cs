using Staffing.Allocation;
using Staffing.Domain;
using Staffing.Io;

namespace Staffing.Tests.Allocation;

public static class AllocationSupport
{
    public static readonly Planner Planner = new([new CpSatAllocator(), new GreedyAllocator()]);

    public static (AllocationProblem Problem, Plan Plan) PlanOf(Scenario s, string solver = "cp-sat") =>
        Planner.Plan(s, solver, new SolveSettings(TimeLimitSeconds: 30));

    public static Scenario Scenario(
        IEnumerable<Centre> centres,
        IEnumerable<PoolRow>? pool = null,
        IEnumerable<EoepTeam>? teams = null,
        IEnumerable<Holding>? current = null,
        IEnumerable<Holding>? locks = null,
        Policy? policy = null
    ) =>
        new(
            [.. centres],
            pool?.ToList(),
            teams?.ToList(),
            current?.ToList(),
            locks?.ToList(),
            policy ?? Support.Defaults
        );

    public static PlanLine Line(this Plan plan, string code, Resource r) =>
        plan.Lines.Single(l => l.Code == code && l.Resource == r);

    /// <summary>Writes the plan and reads it back as files, for the independent verifier.</summary>
    public static IReadOnlyList<Violation> Verify(Scenario s, AllocationProblem problem, Plan plan)
    {
        var dir = Path.Combine(Support.TempDir(), "plan");
        AtomicFolder.Write(
            new AtomicFolder.Target(dir, "plan", []),
            tmp => PlanWriter.Write(new TableFolder(tmp), problem.Scenario, plan, Staffing.Cli.Localization.Explain.Wording)
        );
        return PlanVerifier.Verify(s, PlanReader.Read(dir, Staffing.Cli.Localization.Explain.Knows));
    }

    /// <summary>
    /// Lexicographic comparison of level scores, each in its own direction: &gt; 0 when a is better. Scores of all
    /// the levels, or of those a plan of its own reports (every level but stability).
    /// </summary>
    public static int Compare(long[] a, long[] b)
    {
        var levels = a.Length == Levels.All.Length ? [.. Levels.All] : Levels.All.Where(l => l.Name != Levels.Stability).ToArray();
        for (var l = 0; l < a.Length; l++)
        {
            if (a[l] == b[l])
                continue;
            return (a[l] > b[l]) == (levels[l].Sense == Sense.Maximize) ? 1 : -1;
        }
        return 0;
    }
}
