using BenchmarkDotNet.Attributes;
using Staffing.Allocation;
using Staffing.Domain;
using Staffing.Io;
using Staffing.Rules;

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
