using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Xunit.Abstractions;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Io;

/// <summary>
/// Fuzzing what reads a plan back (report, verify) and the what-if API: every case answers (exit 0, 1 or 2; HTTP
/// 200, 4xx or 503), never a crash or a 500. FUZZ_CASES sets the count (300 in CI; a campaign: 100000).
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), out var n) ? n : 300;

    [Fact]
    public void MutatedPlanFoldersOnlyEverExit012InReportAndVerify()
    {
        var plan = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Sample, "--out", plan).Exit);
        var files = Directory
            .GetFiles(plan)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .ToDictionary(f => Path.GetFileName(f)!, File.ReadAllBytes);
        var rng = new Random(FuzzSeed(20261203));
        var exits = new int[3];
        for (var i = 0; i < Cases; i++)
        {
            var dir = Path.Combine(TempDir(), "plan");
            Directory.CreateDirectory(dir);
            foreach (var (name, bytes) in files)
                File.WriteAllBytes(
                    Path.Combine(dir, name),
                    rng.Next(3) == 0 ? RobustnessTests.Mutate(bytes, rng) : bytes
                );
            var (exit, _, err) =
                rng.Next(2) == 0
                    ? Run("verify", Sample, dir)
                    : Run(
                        "report",
                        dir,
                        "--scenario",
                        Sample,
                        "--out",
                        Path.Combine(Path.GetDirectoryName(dir)!, rng.Next(2) == 0 ? "r.html" : "r.xlsx")
                    );
            Assert.True(exit is >= 0 and <= 2, $"case {i}: exit {exit}\n{err}");
            exits[exit]++;
        }
        output.WriteLine($"fuzz plans: {Cases} cases, exit 0: {exits[0]}, 1: {exits[1]}, 2: {exits[2]}");
    }

    private static readonly string[] Fields =
    [
        "primary_ratio",
        "pool_scale",
        "cycle_cap",
        "priority_threshold",
        "psycho_day_tiers",
        "ptsc_days_by_need",
        "rounding",
        "cost_primary_post",
        "itinerant_group_max",
        "x",
        "",
    ];

    private static readonly string[] Values =
    [
        "20",
        "-1",
        "0",
        "1e27",
        "\"NaN\"",
        "true",
        "null",
        "{}",
        "[]",
        "[[0,1],[50,2]]",
        "\"floor\"",
        "0.5",
        "\"\\u0000\"",
        "1e400",
        "{\"1\":1,\"2\":2,\"3\":3}",
    ];

    [Fact]
    public async Task RandomWhatIfBodiesNeverGet500()
    {
        var state = Staffing.Cli.Commands.ServeCommand.Load(
            Staffing.Tests.Web.ServeFixture.Planner,
            Staffing.Io.ScenarioReader.Read(Sample),
            Sample,
            null
        );
        await using var app = Staffing.Cli.Web.ServeApp.Build(
            state,
            ["http://127.0.0.1:0"],
            b => b.WebHost.UseTestServer()
        );
        await app.StartAsync();
        var client = app.GetTestClient();
        var rng = new Random(FuzzSeed(3));
        var statuses = new Dictionary<HttpStatusCode, int>();
        // The solve is the expensive part: most bodies are malformed, a few are solved.
        var cases = Math.Max(50, Cases / 5);
        for (var i = 0; i < cases; i++)
        {
            var body = new StringBuilder("{");
            for (var k = rng.Next(0, 4); k > 0; k--)
                body.Append('"')
                    .Append(Fields[rng.Next(Fields.Length)])
                    .Append("\":")
                    .Append(Values[rng.Next(Values.Length)])
                    .Append(k > 1 ? "," : "");
            body.Append('}');
            var text = body.ToString();
            if (rng.Next(4) == 0 && text.Length > 1)
                text = text.Remove(rng.Next(text.Length), 1);
            var bytes = Encoding.UTF8.GetBytes(text);
            if (rng.Next(10) == 0)
                bytes[rng.Next(bytes.Length)] = (byte)rng.Next(256);
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(
                rng.Next(8) == 0 ? "text/plain" : "application/json"
            );
            var r = await client.PostAsync("/api/what-if", content);
            Assert.True(r.StatusCode != HttpStatusCode.InternalServerError, $"case {i}: 500 for {text}");
            statuses[r.StatusCode] = statuses.GetValueOrDefault(r.StatusCode) + 1;
        }
        output.WriteLine(
            $"fuzz what-if: {cases} cases, "
                + string.Join(", ", statuses.OrderBy(kv => kv.Key).Select(kv => $"{(int)kv.Key}: {kv.Value}"))
        );
    }
}
