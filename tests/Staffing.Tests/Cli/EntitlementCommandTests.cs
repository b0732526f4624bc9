using System.Text.Json;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Cli;

/// <summary>`staffing entitlement`: the inspector's view in text, csv and json.</summary>
public class EntitlementCommandTests
{
    [Fact]
    public void OneCentreTextExplainsEveryRule()
    {
        var (exit, output, _) = Run("entitlement", Sample, "--centre", "28002944");
        Assert.Equal(0, exit);
        Assert.Contains("50 of 200 primary pupils = 25.0%, not more than 25.0%: not a preferred-action centre", output);
        Assert.Contains("[x] P-SUPPORT (Octava a)", output);
        Assert.Contains("[ ] P-PRIORITY (Octava c)", output);
        Assert.Contains(
            "one more compensatory primary pupil (51 of 200) would make this a preferred-action centre",
            output
        );
    }

    [Fact]
    public void JsonHasTheVersionedSchema()
    {
        var (exit, output, _) = Run("entitlement", Sample, "--centre", "28076307", "--format", "json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(1, doc.RootElement.GetProperty("schema").GetInt32());
        var c = doc.RootElement.GetProperty("centres")[0];
        Assert.Equal("28076307", c.GetProperty("code").GetString());
        Assert.Contains(
            c.GetProperty("resources").EnumerateArray(),
            r =>
                r.GetProperty("resource").GetString() == "secondary_support"
                && r.GetProperty("rules").GetString() == "S-SUPPORT"
        );
        // A CEIPSO is not an institute: S-PTSC only with ceipso_secondary_ptsc (Novena b).
        Assert.Contains(
            c.GetProperty("trace").EnumerateArray(),
            t => t.GetProperty("rule").GetString() == "S-PTSC" && !t.GetProperty("applied").GetBoolean()
        );
        Assert.Equal(17, c.GetProperty("trace").GetArrayLength());
    }

    [Fact]
    public void CsvHasOneRowPerCentreAndResource()
    {
        var (exit, output, _) = Run("entitlement", Sample, "--format", "csv");
        Assert.Equal(0, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("code,resource,entitled,rules,reason", lines[0]);
        Assert.Contains(
            lines,
            l => l.StartsWith("28002981,primary_support,3,P-SUPPORT;P-CONCERTADO,", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void UnknownCentreIsBadInput()
    {
        var (exit, _, err) = Run("entitlement", Sample, "--centre", "123");
        Assert.Equal(2, exit);
        Assert.Contains("--centre: found \"123\"", err);
    }
}
