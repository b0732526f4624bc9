using Staffing.Cli.Web;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Trust;

/// <summary>Findings 5 and 7 of the third trust round: text JSON allows and .NET cannot hold; IPv6 forms of an address.</summary>
public class BadTextTests
{
    [Theory]
    [InlineData("{\"primary_ratio\": \"\\ud800\"}", 1, 19)]
    [InlineData("{\n  \"\\udc00x\": 3\n}", 2, 3)]
    [InlineData("{\"rounding\": \"a\\ud800\\ud800\"}", 1, 14)]
    public void ALoneSurrogateInPolicyJsonIsAnsweredAtItsPosition(string json, int line, int column)
    {
        var scen = Scenario(("centres.csv", File.ReadAllText(Path.Combine(Sample, "centres.csv"))), ("policy.json", json));
        foreach (var command in new[] { "plan", "audit", "entitlement" })
        {
            string[] args = command == "plan" ? [command, scen, "--out", Path.Combine(TempDir(), "p")] : [command, scen];
            var (exit, _, err) = Run(args);
            Assert.Equal(2, exit);
            Assert.Contains($"policy.json:{line}:{column}: found a text escape that makes no character", err);
        }
    }

    [Theory]
    [InlineData("http://[::ffff:127.0.0.1]:5210", "http://127.0.0.1:5210")]
    [InlineData("http://[::ffff:10.1.2.3]:80", "http://10.1.2.3:80")]
    [InlineData("http://[::1]:5210", "http://[::1]:5210")]
    [InlineData("http://localhost:5210", "http://localhost:5210")]
    public void AnIpv4AddressWrittenAsIpv6IsServedAsIpv4(string given, string served)
    {
        Assert.Equal(served, ServeApp.Unmapped(given));
        Assert.Equal(ServeApp.IsLoopback(given), ServeApp.IsLoopback(ServeApp.Unmapped(given)));
    }
}
