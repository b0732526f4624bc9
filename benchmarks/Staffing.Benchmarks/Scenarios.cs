using Staffing.Io;

namespace Staffing.Benchmarks;

/// <summary>The scenarios measured: Madrid (the real network), and generated ones of 5,000 and 28,000 centres.</summary>
public static class Scenarios
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Staffing.sln")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Staffing.sln not found");
        }
    }

    /// <summary>A folder for the scenario of that size: Madrid for 1,200, else generated once (seed 1, 50 areas at 28,000).</summary>
    public static string Folder(int centres)
    {
        if (centres == 1200)
            return Path.Combine(Root, "scenarios", "madrid");
        var dir = Path.Combine(Path.GetTempPath(), "staffing-bench", $"g{centres}");
        if (!File.Exists(Path.Combine(dir, "centres.csv")))
        {
            var s = ScenarioGenerator.Generate(new ScenarioGenerator.Options(centres, centres >= 20_000 ? 50 : 5, 1));
            Directory.CreateDirectory(Path.GetDirectoryName(dir)!);
            AtomicFolder.Write(new AtomicFolder.Target(dir, "benchmarks", []), tmp => ScenarioGenerator.Write(s, tmp));
        }
        return dir;
    }
}
