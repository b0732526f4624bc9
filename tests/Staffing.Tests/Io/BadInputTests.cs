using static Staffing.Tests.Support;

namespace Staffing.Tests.Io;

/// <summary>Bad input is answered with FILE:LINE:COLUMN, exit 2, and nothing written.</summary>
public class BadInputTests
{
    private const string Ok = "1,A,S,L,CEIP,public,100,10,3,,,false,1,0,,,\n";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "missing required column", "centres.csv", "code,name,area,kind\n1,A,S,CEIP\n", "centres.csv:1:5: found no column \"locality\", expected a column named locality in the header" },
        { "unknown kind", "centres.csv", CentresHeader + "1,A,S,L,ESCUELA,public,100,10,3,,,false,1,0,,,\n", "centres.csv:2:5: found \"ESCUELA\", expected one of CEIP, IES, CEIPSO, CRA" },
        { "comp above pupils", "centres.csv", CentresHeader + "1,A,S,L,CEIP,public,10,11,3,,,false,1,0,,,\n", "centres.csv:2:8: found 11, expected at most primary_pupils (10)" },
        { "negative count", "centres.csv", CentresHeader + "1,A,S,L,CEIP,public,-5,0,3,,,false,1,0,,,\n", "centres.csv:2:7: found \"-5\", expected an integer from 0 to 1000000 (primary_pupils)" },
        { "text in a number column", "centres.csv", CentresHeader + "1,A,S,L,CEIP,public,cien,0,3,,,false,1,0,,,\n", "centres.csv:2:7: found \"cien\", expected an integer" },
        { "duplicate code", "centres.csv", CentresHeader + Ok + Ok, "centres.csv:3:1: found \"1\", expected a unique code (already on line 2)" },
        { "stage the kind does not teach", "centres.csv", CentresHeader + "1,A,S,L,CEIP,public,100,10,3,,5,false,1,0,,,\n", "centres.csv:2:11: found 5, expected no eso_comp for kind CEIP" },
        { "missing counts for the kind", "centres.csv", CentresHeader + "1,A,S,L,IES,public,,,,,,false,1,0,,,\n", "centres.csv:2:10: found an empty cell, expected the number of pupils (eso_pupils is required for kind IES)" },
        { "cycles out of range", "centres.csv", CentresHeader + "1,A,S,L,CEIP,public,100,10,4,,,false,1,0,,,\n", "centres.csv:2:9: found \"4\", expected an integer from 1 to 3 (cycles)" },
        { "bad boolean", "centres.csv", CentresHeader + "1,A,S,L,CEIP,public,100,10,3,,,quizás,1,0,,,\n", "centres.csv:2:12: found \"quizás\", expected true or false" },
        { "huge number", "centres.csv", CentresHeader + "1,A,S,L,CEIP,public,99999999999999999999,10,3,,,false,1,0,,,\n", "centres.csv:2:7: found \"99999999999999999999\", expected an integer" },
        { "empty file", "centres.csv", "", "centres.csv:1:1: found an empty file, expected a header row" },
        { "duplicate header", "centres.csv", "code,name,area,locality,kind,code\n", "centres.csv:1:6: found the column \"code\" a second time, expected each column once" },
        { "pool area unknown", "pool.csv", "area,resource,amount\nNowhere,primary_support,3\n", "pool.csv:2:1: found \"Nowhere\", expected an area named in centres.csv, or * for all areas" },
        { "pool resource unknown", "pool.csv", "area,resource,amount\nS,teachers,3\n", "pool.csv:2:2: found \"teachers\", expected one of primary_support" },
        { "pool duplicate", "pool.csv", "area,resource,amount\nS,primary_support,3\nS,primary_support,4\n", "pool.csv:3:2: found \"primary_support\", expected one row per area and resource (already on line 2)" },
        { "current unknown centre", "current.csv", "code,resource,amount,partner\n999,primary_support,1,\n", "current.csv:2:1: found \"999\", expected a centre code of centres.csv" },
        { "lock unknown resource", "locks.csv", "code,resource,amount,partner\n1,teachers,1,\n", "locks.csv:2:2: found \"teachers\"" },
        { "eoep unknown area", "eoep.csv", "eoep,area,psychopedagogues,ptsc\nE1,Nowhere,1,1\n", "eoep.csv:2:2: found \"Nowhere\", expected an area named in centres.csv" },
        { "unknown policy key", "policy.json", "{\"primary_ratios\": 20}", "policy.json: primary_ratios: found an unknown parameter" },
        { "policy wrong type", "policy.json", "{\"primary_ratio\": \"twenty\"}", "policy.json: primary_ratio: found \"twenty\", expected an integer from 1 to 1000000" },
        { "policy trailing comma", "policy.json", "{\"primary_ratio\": 20,}", "policy.json:1:" },
        { "policy comment", "policy.json", "// no\n{}", "policy.json:1:1: found malformed JSON" },
        { "policy bad tiers", "policy.json", "{\"psycho_day_tiers\": [[10, 1]]}", "policy.json: psycho_day_tiers: found a list [[10, 1]], expected a list of [from pupils, days] pairs" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsLocatedAndExits2WithNothingWritten(string why, string file, string text, string expected)
    {
        Assert.NotEmpty(why);
        var files = new List<(string, string)> { (file, text) };
        if (file != "centres.csv") files.Add(("centres.csv", CentresHeader + Ok));
        var dir = Scenario([.. files]);
        var output = Path.Combine(dir, "out");
        var (exit, _, err) = Run("plan", dir, "--out", output, "--solver", "greedy");
        Assert.Equal(2, exit);
        Assert.Contains(expected, err);
        Assert.False(Directory.Exists(output));
        Assert.Empty(Directory.GetDirectories(dir));
    }

    [Fact]
    public void AllErrorsOfAFileAtOnce()
    {
        var rows = string.Concat(Enumerable.Range(0, 80).Select(i => $"{i},A,S,L,XYZ,public,100,10,3,,,false,1,0,,,\n"));
        var (exit, _, err) = Run("entitlement", Scenario(("centres.csv", CentresHeader + rows)));
        Assert.Equal(2, exit);
        Assert.Equal(50, err.Split('\n').Count(l => l.StartsWith("centres.csv:", StringComparison.Ordinal) && l.Contains("XYZ")));
        Assert.Contains("more errors not shown", err);
    }

    [Fact]
    public void MissingScenarioFolder()
    {
        var (exit, _, err) = Run("entitlement", "/nonexistent/scenario");
        Assert.Equal(2, exit);
        Assert.Contains("found no such folder", err);
    }

    [Fact]
    public void MissingCentresFile()
    {
        var (exit, _, err) = Run("entitlement", Scenario(("pool.csv", "area,resource,amount\n")));
        Assert.Equal(2, exit);
        Assert.Contains("centres.csv:1:1: found no file centres.csv", err);
    }

    [Fact]
    public void QuotedNewlinesKeepLineNumbersTrue()
    {
        var text = CentresHeader + "1,\"Two\nLines\",S,L,CEIP,public,100,10,3,,,false,1,0,,,\n\n2,B,S,L,CEIP,public,100,x,3,,,false,1,0,,,\n";
        var (exit, _, err) = Run("entitlement", Scenario(("centres.csv", text)));
        Assert.Equal(2, exit);
        Assert.Contains("centres.csv:5:8: found \"x\"", err);
    }

    [Fact]
    public void UsageErrorsExit2()
    {
        Assert.Equal(2, Run("plan").Exit);
        Assert.Equal(2, Run("frobnicate").Exit);
        Assert.Equal(2, Run("plan", Sample, "--out", TempDir(), "--solver", "magic").Exit);
    }

    [Fact]
    public void UnknownColumnWarnsOrFailsInStrictMode()
    {
        var dir = Scenario(("centres.csv", CentresHeader.TrimEnd('\n') + ",colour\n" + Ok.TrimEnd('\n') + ",red\n"));
        var (exit, _, err) = Run("entitlement", dir);
        Assert.Equal(0, exit);
        Assert.Contains("unknown column \"colour\" ignored", err);
        var strict = Run("entitlement", dir, "--strict");
        Assert.Equal(2, strict.Exit);
        Assert.Contains("centres.csv:1:18: found an unknown column \"colour\"", strict.Err);
    }
}
