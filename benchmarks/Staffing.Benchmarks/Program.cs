using BenchmarkDotNet.Running;
using Staffing.Benchmarks;

// `levels DIR...` prints the per-level table (CP-SAT, greedy, LP bound); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "levels")
{
    Levels.Print(args[1..]);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(EntitlementBenchmarks).Assembly).Run(args);
