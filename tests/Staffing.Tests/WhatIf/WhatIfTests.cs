using MiniExcelLibs;
using static Staffing.Tests.Support;

namespace Staffing.Tests.WhatIf;

/// <summary>compare, sweep, simulate and report on the sample.</summary>
public class WhatIfTests
{
    private static string[] Rows(string file) => File.ReadAllLines(file).Skip(1).ToArray();

    [Fact]
    public void ComparingAScenarioWithItselfIsEmpty()
    {
        var output = Path.Combine(TempDir(), "cmp");
        Assert.Equal(0, Run("compare", Sample, Sample, "--out", output).Exit);
        Assert.Empty(Rows(Path.Combine(output, "compare-areas.csv")));
        Assert.Empty(Rows(Path.Combine(output, "compare-centres.csv")));
        Assert.Empty(Rows(Path.Combine(output, "compare-equity.csv")));
    }

    [Fact]
    public void AThresholdWhatIfNamesTheRuleThatFlips()
    {
        var policy = Path.Combine(TempDir(), "policy.json");
        File.WriteAllText(policy, "{\"priority_strict\": false}");
        var output = Path.Combine(TempDir(), "cmp");
        Assert.Equal(0, Run("compare", Sample, policy, "--out", output).Exit);
        var centres = File.ReadAllText(Path.Combine(output, "compare-centres.csv"));
        Assert.Contains("28002944,psychopedagogue_days,0,2,", centres);
        Assert.Contains("P-PRIORITY now applies (Octava c): 50 of 200 primary pupils = 25.0%, at least 25.0%", centres);
        Assert.Contains("delta_cost", File.ReadAllLines(Path.Combine(output, "compare-areas.csv"))[0]);
    }

    [Fact]
    public void ASweepPointEqualsAPlanWithThatValue()
    {
        var output = Path.Combine(TempDir(), "sweep");
        Assert.Equal(0, Run("sweep", Sample, "--param", "primary_ratio=20:30:5", "--out", output).Exit);
        Assert.True(new FileInfo(Path.Combine(output, "sweep.png")).Length > 1000);
        // A panel per unit kind (posts, EOEP days, itinerant shares) and one for the cost: never one summed axis.
        Assert.Equal(4 * 260, PngHeight(Path.Combine(output, "sweep.png")));
        var sweep = Rows(Path.Combine(output, "sweep.csv"))
            .Where(l => l.StartsWith("20,Madrid-Sur,primary_support,", StringComparison.Ordinal))
            .Single()
            .Split(',');
        var scenario = TempDir();
        foreach (var f in Directory.GetFiles(Sample, "*.csv"))
            File.Copy(f, Path.Combine(scenario, Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(scenario, "policy.json"), "{\"primary_ratio\": 20}");
        var plan = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", scenario, "--out", plan).Exit);
        // Sweep totals count pool and agreement posts alike; the summary keeps them apart.
        var root = System
            .Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(plan, "summary.json")))
            .RootElement;
        long Sum(string key) =>
            new[] { "areas", "agreement" }.Sum(f =>
                root.GetProperty(f).GetProperty("Madrid-Sur").TryGetProperty("primary_support", out var r)
                    ? r.GetProperty(key).GetInt64()
                    : 0
            );
        Assert.Equal(Sum("entitled").ToString(System.Globalization.CultureInfo.InvariantCulture), sweep[3]);
        Assert.Equal(Sum("allocated").ToString(System.Globalization.CultureInfo.InvariantCulture), sweep[4]);
    }

    [Fact]
    public void ABadSweepValueIsLocated()
    {
        var (exit, _, err) = Run(
            "sweep",
            Sample,
            "--param",
            "primary_ratio=20:21:0.5",
            "--out",
            Path.Combine(TempDir(), "s")
        );
        Assert.Equal(2, exit);
        Assert.Contains("--param: primary_ratio: found 20.5, expected an integer", err);
        Assert.Equal(
            0,
            Run("sweep", Sample, "--param", "primary_ratio=20:21:1.0", "--out", Path.Combine(TempDir(), "t")).Exit
        );
    }

    [Fact]
    public void SimulationWithZeroSpreadEqualsThePlanAndIsSeeded()
    {
        var scenario = TempDir();
        foreach (var f in Directory.GetFiles(Sample, "*.csv"))
            File.Copy(f, Path.Combine(scenario, Path.GetFileName(f)));
        File.WriteAllText(
            Path.Combine(scenario, "trends.csv"),
            "area,growth,spread\nMadrid-Sur,0,0\nMadrid-Este,0,0\n"
        );
        var a = Path.Combine(TempDir(), "a");
        Assert.Equal(0, Run("simulate", scenario, "--runs", "20", "--seed", "4", "--out", a).Exit);
        var plan = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", scenario, "--out", plan, "--solver", "greedy").Exit);
        var entitled = File.ReadAllLines(Path.Combine(plan, "plan.csv"))
            .Skip(1)
            .Select(l => l.Split(','))
            .Where(c => c[1] == "primary_support" && c[0].StartsWith("2800", StringComparison.Ordinal))
            .ToList();
        var row = Rows(Path.Combine(a, "simulate-areas.csv"))
            .Single(l => l.StartsWith("Madrid-Este,primary_support,", StringComparison.Ordinal))
            .Split(',');
        Assert.Equal(row[2], row[4]); // P10 = P90: nothing moves
        Assert.All(
            Rows(Path.Combine(a, "simulate-centres.csv")),
            l => Assert.Equal(["0", "0", "0"], l.Split(",")[1..4])
        );
        Assert.NotEmpty(entitled);

        var b = Path.Combine(TempDir(), "b");
        var c = Path.Combine(TempDir(), "c");
        Assert.Equal(0, Run("simulate", Sample, "--runs", "30", "--seed", "9", "--out", b).Exit);
        Assert.Equal(0, Run("simulate", Sample, "--runs", "30", "--seed", "9", "--out", c).Exit);
        Assert.Equal(
            File.ReadAllText(Path.Combine(b, "simulate-areas.csv")),
            File.ReadAllText(Path.Combine(c, "simulate-areas.csv"))
        );
        Assert.Equal(
            File.ReadAllText(Path.Combine(b, "simulate-centres.csv")),
            File.ReadAllText(Path.Combine(c, "simulate-centres.csv"))
        );
        Assert.True(new FileInfo(Path.Combine(b, "fan.png")).Length > 1000);
        // A panel per resource of simulate-areas.csv.
        var resources = Rows(Path.Combine(b, "simulate-areas.csv"))
            .Skip(1)
            .Select(l => l.Split(',')[1])
            .Distinct()
            .Count();
        Assert.Equal(resources * 240, PngHeight(Path.Combine(b, "fan.png")));
    }

    /// <summary>The image height from a PNG's IHDR chunk (bytes 20–23, big-endian).</summary>
    private static int PngHeight(string path) =>
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(File.ReadAllBytes(path).AsSpan(20, 4));

    [Fact]
    public void TheWorkbookHoldsThePlansNumbersAndTheHtmlEveryCentre()
    {
        var plan = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Sample, "--out", plan).Exit);
        var xlsx = Path.Combine(TempDir(), "plan.xlsx");
        Assert.Equal(0, Run("report", plan, "--scenario", Sample, "--out", xlsx).Exit);
        var rows = MiniExcel
            .Query(xlsx, useHeaderRow: true, sheetName: "plan")
            .Cast<IDictionary<string, object>>()
            .ToList();
        var lines = File.ReadAllLines(Path.Combine(plan, "plan.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(lines.Count, rows.Count);
        Assert.Equal(
            double.Parse(lines[0][3], System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToDouble(rows[0]["allocated"], System.Globalization.CultureInfo.InvariantCulture)
        );
        Assert.IsType<double>(rows[0]["entitled"]);

        var html = Path.Combine(TempDir(), "plan.html");
        Assert.Equal(0, Run("report", plan, "--scenario", Sample, "--compare", plan, "--out", html).Exit);
        var page = File.ReadAllText(html);
        foreach (var code in lines.Select(l => l[0]).Distinct())
            Assert.Contains($"id=\"en-c-{code}\"", page);
        Assert.Contains("data:image/png;base64,", page);
        Assert.Contains("P-PRIORITY", page);
        Assert.DoesNotContain("http://", page.Replace("http://www.w3.org", "", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportRefusesAnUnknownFormat() =>
        Assert.Equal(2, Run("report", Sample, "--out", Path.Combine(TempDir(), "x.pdf")).Exit);

    [Fact]
    public void ACentreThatLosesAPostWhileItsEntitlementRisesSaysWhy()
    {
        var centres = new[] { Ceip(300, 25, code: "A"), Ceip(300, 50, code: "B") };
        var b = Staffing.Tests.Allocation.AllocationSupport.Scenario(
            centres,
            [new PoolRow("A", Resource.PrimarySupport, 2)]
        );
        var v = b with
        {
            Policy = With("{\"primary_ratio\": 12}"),
            Pool = [new PoolRow("A", Resource.PrimarySupport, 1)],
        };
        var (_, bp) = Staffing.Tests.Allocation.AllocationSupport.PlanOf(b);
        var (_, vp) = Staffing.Tests.Allocation.AllocationSupport.PlanOf(v);
        var (_, changed) = Staffing.WhatIf.Comparison.Compare(b, bp, v, vp);
        var a = changed.Single(c => c.Code == "A");
        Assert.Equal((1, 2, 1, 0), (a.BaseEntitled, a.VariantEntitled, a.BaseAllocated, a.VariantAllocated));
        Assert.Contains("yet allocated 1 → 0: the pool did not grow", a.Reason.En());
    }

    [Fact]
    public void AMoreGenerousRuleCostsItsEntitlementInFullApartFromWhatThePoolsAllocate()
    {
        var policy = Path.Combine(TempDir(), "whatif.json");
        File.WriteAllText(policy, "{\"primary_ratio\": 15}");
        var output = Path.Combine(TempDir(), "cmp");
        var (exit, _, err) = Run("compare", Sample, policy, "--out", output);
        Assert.Equal(0, exit);
        Assert.Contains("funding the entitlement in full +", err);
        var rows = File.ReadAllLines(Path.Combine(output, "compare-areas.csv"));
        var header = rows[0].Split(',');
        var at = Array.IndexOf(header, "delta_entitled_cost");
        Assert.True(at > 0);
        var support = rows.Skip(1).Select(r => r.Split(',')).Where(r => r[1] == "primary_support").ToList();
        Assert.All(
            support,
            r => Assert.True(decimal.Parse(r[at], System.Globalization.CultureInfo.InvariantCulture) > 0)
        );
    }
}
