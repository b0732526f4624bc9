using System.Globalization;
using Google.OrTools.LinearSolver;
using Staffing.Allocation;
using Staffing.Domain;
using Staffing.Io;

namespace Staffing.Benchmarks;

/// <summary>
/// Per level, CP-SAT's objective and time beside greedy's, and the LP relaxation bound (GLOP) of the coverage and
/// fairness levels: the unit model with units in [0, 1], each level's LP optimum fixed before the next.
/// </summary>
public static class Levels
{
    public static void Print(string[] sizes)
    {
        var planner = new Planner([new CpSatAllocator(), new GreedyAllocator()]);
        Console.WriteLine(
            "| centres | level | CP-SAT objective | bound | CP-SAT s | greedy objective | greedy s | LP bound |"
        );
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var size in sizes.Select(int.Parse))
        {
            var s = ScenarioReader.Read(Scenarios.Folder(size));
            var cp = planner.Plan(s, "cp-sat", new SolveSettings(600, 2)).Plan;
            var greedy = planner.Plan(s, "greedy", new SolveSettings()).Plan;
            var lp = LpBounds(new AllocationProblem(s));
            for (var l = 0; l < cp.Levels.Length; l++)
            {
                var c = cp.Levels[l];
                var g = greedy.Levels.FirstOrDefault(x => x.Name == c.Name);
                Console.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"| {size:N0} | {c.Name} | {c.Objective:N0} | {c.Bound:N0} | {c.Seconds:0.000} | {g?.Objective:N0} | {(l == 0 ? g?.Seconds.ToString("0.000", CultureInfo.InvariantCulture) : "")} | {(l < lp.Length ? lp[l].ToString("N1", CultureInfo.InvariantCulture) : "")} |"
                    )
                );
            }
        }
    }

    private static double[] LpBounds(AllocationProblem problem)
    {
        using var solver = Google.OrTools.LinearSolver.Solver.CreateSolver("GLOP");
        var scale = PlanScore.FairnessScale(problem);
        var units = new Dictionary<Demand, Variable[]>();
        foreach (
            var d in problem.Demands.Where(d =>
                d.Funding == Funding.Pool && !d.Resource.IsItinerant() && d.Resource != Resource.SecondaryPtsc
            )
        )
        {
            var y = solver.MakeNumVarArray(d.Entitled, 0, 1);
            for (var k = 1; k < y.Length; k++)
                solver.Add(y[k] <= y[k - 1]);
            units[d] = y;
        }
        foreach (var cap in problem.Capacities.Where(c => !c.Resource.IsItinerant()))
        {
            var members = units
                .Where(kv => problem.CapacitiesOf(kv.Key).Contains(cap))
                .SelectMany(kv => kv.Value)
                .ToArray();
            if (members.Length > 0)
                solver.Add(new SumVarArray(members) <= cap.Amount);
        }
        var coverage = new SumVarArray([.. units.Values.SelectMany(v => v)]);
        solver.Maximize(coverage);
        solver.Solve();
        var cov = solver.Objective().Value();
        solver.Add(coverage >= cov - 1e-6);
        var fair = solver.Objective();
        fair.Clear();
        foreach (var (d, y) in units)
            for (var k = 0; k < y.Length; k++)
                fair.SetCoefficient(y[k], PlanScore.UnitValue(scale, k, d.Entitled));
        fair.SetMaximization();
        solver.Solve();
        // Itinerant shares: at most the pool's teachers and the eligible centres, in whole groups.
        var share = problem.Policy.ItinerantShare;
        var shares = problem
            .Demands.Where(d => d.Resource.IsItinerant())
            .GroupBy(d => (d.Centre.Area, d.Resource))
            .Sum(g =>
            {
                var eligible = g.Count() - g.Count() % share;
                var caps = problem
                    .CapacitiesOf(g.First())
                    .Where(c => c.Pool is { Area: not PoolRow.AllAreas })
                    .Select(c => c.Amount)
                    .DefaultIfEmpty(int.MaxValue)
                    .Min();
                return Math.Min(eligible, caps);
            });
        return [cov + shares, fair.Value()];
    }
}
