using static Staffing.Tests.Support;

namespace Staffing.Tests.Cli;

/// <summary>A value that does not parse is a usage error (exit 2), never a crash, whatever option or argument it is.</summary>
public class UsageTests
{
    public static TheoryData<string> Commands =>
        [
            "serve {S} --port abc",
            "simulate {S} --runs abc --out {O}",
            "plan {S} --out {O} --time-limit abc",
            "plan {S} --out {O} --workers x",
            "plan {S} --out {O} --seed x",
            "plan --from abc",
            "plan {S} --from",
            "generate --pool-ratio x --out {O}",
            "generate --centres abc --out {O}",
            "pin 1 28002944 primary_support x",
            "pin 1 --pair 28002944",
            "show abc",
            "diff 1 x",
        ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void AValueThatDoesNotParseIsAUsageError(string command)
    {
        var args = command
            .Replace("{S}", Sample, StringComparison.Ordinal)
            .Replace("{O}", Path.Combine(TempDir(), "out"), StringComparison.Ordinal)
            .Split(' ');
        var (exit, _, err) = Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("usage: ", err);
    }
}
