using BenchmarkDotNet.Attributes;
using Staffing.Allocation;
using Staffing.Domain;
using Staffing.Io;
using Staffing.Rules;
using Staffing.WhatIf;

namespace Staffing.Benchmarks;

/// <summary>Entitlement evaluation throughput on one core: every centre of a 28,000-centre scenario.</summary>
[MemoryDiagnoser]
public class EntitlementBenchmarks
{
    private Centre[] centres = [];
    private Policy policy = null!;

    [GlobalSetup]
    public void Setup()
    {
        var s = ScenarioReader.Read(Scenarios.Folder(28_000));
        centres = [.. s.Centres];
        policy = s.Policy;
    }

    [Benchmark(OperationsPerInvoke = 28_000)]
    public int Entitle()
    {
        var n = 0;
        foreach (var c in centres)
            n += RuleBook.Entitle(c, policy).Lines.Length;
        return n;
    }
}

/// <summary>Reading and validating a scenario folder.</summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    [Params(1200, 28_000)]
    public int Centres { get; set; }

    private string folder = "";

    [GlobalSetup]
    public void Setup() => folder = Scenarios.Folder(Centres);

    [Benchmark]
    public int Read() => ScenarioReader.Read(folder).Centres.Count;
}

/// <summary>`plan` in process: read, plan with every level, build the plan (writing excluded).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class PlanBenchmarks
{
    [Params(1200, 5000, 28_000)]
    public int Centres { get; set; }

    [Params("cp-sat", "greedy")]
    public string Solver { get; set; } = "";

    private string folder = "";
    private readonly Planner planner = new([new CpSatAllocator(), new GreedyAllocator()]);

    [GlobalSetup]
    public void Setup() => folder = Scenarios.Folder(Centres);

    [Benchmark]
    public string Plan() => planner.Plan(ScenarioReader.Read(folder), Solver, new SolveSettings(600, 2)).Plan.Status;
}

/// <summary>`simulate` in process: Monte Carlo runs on totals only (greedy), the scenario read once.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SimulationBenchmarks
{
    [Params(1200)]
    public int Centres { get; set; }

    private Scenario scenario = null!;
    private readonly Planner planner = new([new CpSatAllocator(), new GreedyAllocator()]);

    [GlobalSetup]
    public void Setup() => scenario = ScenarioReader.Read(Scenarios.Folder(Centres));

    [Benchmark]
    public int Runs1000() =>
        Simulation
            .Run(
                scenario,
                [],
                1000,
                1,
                x => RunTotals.Allocate(planner, x, "greedy", new SolveSettings(600, 1)),
                Environment.ProcessorCount
            )
            .Areas.Count;
}

/// <summary>The plan folder written (plan.csv, itinerants, EOEP week, indicators, summary), the plan made once.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class WriteBenchmarks
{
    [Params(28_000)]
    public int Centres { get; set; }

    private Scenario scenario = null!;
    private Plan plan = null!;
    private string output = "";

    [GlobalSetup]
    public void Setup()
    {
        scenario = ScenarioReader.Read(Scenarios.Folder(Centres));
        plan = new Planner([new GreedyAllocator()]).Plan(scenario, "greedy", new SolveSettings(600, 2)).Plan;
        output = Directory.CreateTempSubdirectory("staffing-bench-write-").FullName;
    }

    [Benchmark]
    public void Write() => PlanWriter.Write(new TableFolder(output), scenario, plan, Staffing.Allocation.Reasons.Wording);
}

/// <summary>
/// The concentration indices of a 28,000-centre scenario (the report's table and `equity`): the Gini index used to be
/// a double loop over the schools; one sorted pass now.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class EquityBenchmarks
{
    private AllocationProblem problem = null!;

    [GlobalSetup]
    public void Setup() => problem = new AllocationProblem(ScenarioReader.Read(Scenarios.Folder(28_000)));

    [Benchmark]
    public int Compute() => Staffing.Equity.EquityReport.Compute(problem, null, false, 0).Count;
}
