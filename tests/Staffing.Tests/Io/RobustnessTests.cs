using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Io;

/// <summary>Fuzzing, atomic output under a kill, determinism across runs, workers and row order.</summary>
[Collection(Processes.Name)]
public partial class RobustnessTests(ITestOutputHelper output)
{
    /// <summary>Cases per run: FUZZ_CASES overrides (a long campaign: FUZZ_CASES=100000).</summary>
    private static int FuzzCases => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var n) ? n : 300;

    [Fact]
    public void MutatedScenariosOnlyEverExit012()
    {
        var files = new[] { "centres.csv", "pool.csv", "eoep.csv", "current.csv" }.ToDictionary(
            f => f,
            f => File.ReadAllBytes(Path.Combine(Sample, f))
        );
        var rng = new Random(FuzzSeed(20261123));
        var exits = new int[3];
        for (var i = 0; i < FuzzCases; i++)
        {
            var dir = TempDir();
            foreach (var (name, bytes) in files)
                File.WriteAllBytes(Path.Combine(dir, name), rng.Next(4) == 0 ? Mutate(bytes, rng) : bytes);
            var (exit, _, err) = Run(
                "plan",
                dir,
                "--out",
                Path.Combine(dir + "-out", "plan"),
                "--solver",
                rng.Next(2) == 0 ? "greedy" : "cp-sat",
                "--time-limit",
                "5"
            );
            Assert.True(exit is >= 0 and <= 2, $"case {i}: exit {exit}\n{err}");
            exits[exit]++;
            Directory.Delete(dir, true);
        }
        output.WriteLine(
            $"fuzz: {FuzzCases} cases, exit 0: {exits[0]}, exit 1: {exits[1]}, exit 2: {exits[2]}, no other outcome"
        );
        Assert.True(exits[0] > 0 && exits[2] > 0, string.Join(",", exits));
    }

    public static byte[] Mutate(byte[] bytes, Random rng)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n').ToList();
        for (var k = rng.Next(1, 4); k > 0; k--)
        {
            switch (rng.Next(7))
            {
                case 0: // a random byte
                    var b = Encoding.UTF8.GetBytes(string.Join('\n', lines));
                    if (b.Length > 0)
                        b[rng.Next(b.Length)] = (byte)rng.Next(256);
                    lines = Encoding.Latin1.GetString(b).Split('\n').ToList();
                    break;
                case 1: // a cell replaced
                {
                    var i = rng.Next(lines.Count);
                    var cells = lines[i].Split(',');
                    cells[rng.Next(cells.Length)] = new[]
                    {
                        "",
                        "-1",
                        "abc",
                        "99999999999",
                        "\"",
                        "0",
                        "1.5",
                        "=1+1",
                        "sí",
                        "ＣＥＩＰ",
                    }[rng.Next(10)];
                    lines[i] = string.Join(',', cells);
                    break;
                }
                case 2:
                    if (lines.Count > 1)
                        lines.RemoveAt(rng.Next(lines.Count));
                    break;
                case 3:
                    lines.Insert(rng.Next(lines.Count), lines[rng.Next(lines.Count)]);
                    break;
                case 4:
                {
                    var i = rng.Next(lines.Count);
                    lines[i] = lines[i].Length > 0 ? lines[i][..rng.Next(lines[i].Length)] : lines[i];
                    break;
                }
                case 5:
                {
                    var i = rng.Next(lines.Count);
                    lines[i] += new[] { ",", ",x", "\r", ";", "\"\n\"" }[rng.Next(5)];
                    break;
                }
                default:
                    lines = [.. lines.OrderBy(_ => rng.Next())];
                    break;
            }
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    [Fact]
    public void KilledWhileWritingLeavesTheOldOrTheNewPlanWhole()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "staffing.dll");
        var root = TempDir();
        var output = Path.Combine(root, "plan");
        var scenario = Path.Combine(root, "scenario");
        Assert.Equal(0, Run("generate", "--centres", "3000", "--areas", "3", "--seed", "7", "--out", scenario).Exit);
        Assert.Equal(0, Run("plan", scenario, "--out", output, "--solver", "greedy").Exit);
        var complete = Normalize(File.ReadAllText(Path.Combine(output, "plan.csv")));
        var rng = new Random(5);
        for (var i = 0; i < 6; i++)
        {
            using var process = Process.Start(
                new ProcessStartInfo("dotnet", [cli, "plan", scenario, "--out", output, "--solver", "greedy"])
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                }
            )!;
            Thread.Sleep(rng.Next(100, 1500));
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException) { }
            process.WaitForExit();
            Assert.True(File.Exists(Path.Combine(output, "summary.json")), "no complete plan after a kill");
            Assert.Equal(complete, Normalize(File.ReadAllText(Path.Combine(output, "plan.csv"))));
            Assert.Equal(
                [
                    ".staffing-output",
                    "eoep-schedule.csv",
                    "indicators-areas.csv",
                    "indicators.csv",
                    "itinerants.csv",
                    "plan.csv",
                    "summary.json",
                ],
                Directory.GetFiles(output).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray()
            );
        }
    }

    [Fact]
    public void SameBytesAcrossRunsWorkersAndRowOrder()
    {
        var root = TempDir();
        var scenario = Path.Combine(root, "s");
        Assert.Equal(0, Run("generate", "--centres", "400", "--areas", "3", "--seed", "11", "--out", scenario).Exit);
        var shuffled = Path.Combine(root, "shuffled");
        Directory.CreateDirectory(shuffled);
        var rng = new Random(3);
        foreach (var f in Directory.GetFiles(scenario))
        {
            var lines = File.ReadAllLines(f);
            File.WriteAllLines(
                Path.Combine(shuffled, Path.GetFileName(f)),
                [lines[0], .. lines.Skip(1).OrderBy(_ => rng.Next())]
            );
        }
        string Plan(string s, int workers, int k)
        {
            var o = Path.Combine(root, $"out-{k}");
            Assert.Equal(
                0,
                Run(
                    "plan",
                    s,
                    "--out",
                    o,
                    "--workers",
                    workers.ToString(System.Globalization.CultureInfo.InvariantCulture)
                ).Exit
            );
            return string.Join(
                "\n--\n",
                Directory.GetFiles(o).Order(StringComparer.Ordinal).Select(f => Normalize(File.ReadAllText(f)))
            );
        }
        var first = Plan(scenario, 1, 0);
        for (var k = 1; k < 10; k++)
            Assert.Equal(first, Plan(scenario, 1 + k % 2, k));
        Assert.Equal(first, Plan(shuffled, 2, 10));
    }

    private static string Normalize(string text) => Seconds().Replace(text, "\"seconds\": 0");

    [GeneratedRegex("\"seconds\": [0-9.eE+-]+")]
    private static partial Regex Seconds();
}
