using System.Net;
using System.Text;
using System.Text.Json;

namespace Staffing.Tests.Web;

/// <summary>The JSON API of `staffing serve`, on the ASP.NET Core test host.</summary>
public class ApiTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    private async Task<(HttpStatusCode, JsonElement)> Get(string url)
    {
        var r = await serve.Client.GetAsync(url);
        return (r.StatusCode, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task SearchIgnoresAccentsAndCase()
    {
        var (status, body) = await Get("/api/centres?q=senora");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(body.EnumerateArray(), c => c.GetProperty("name").GetString() == "NUESTRA SEÑORA DEL VAL");
        var (_, byCode) = await Get("/api/centres?q=28002944");
        Assert.Equal("LA ALHONDIGA", byCode[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task ACentreHasTheEntitlementSchemaTraceAndPlanRows()
    {
        var (status, body) = await Get("/api/centres/28002956");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("schema").GetInt32());
        var centre = body.GetProperty("centres")[0];
        Assert.Equal(17, centre.GetProperty("trace").GetArrayLength());
        // The same object as `staffing entitlement --centre CODE --format json`.
        var cli = JsonDocument
            .Parse(Support.Run("entitlement", Support.Sample, "--centre", "28002956", "--format", "json").Out)
            .RootElement.GetProperty("centres")[0];
        Assert.Equal(
            cli.GetRawText().Replace(" ", "").Replace("\n", ""),
            centre.GetRawText().Replace(" ", "").Replace("\n", "")
        );
        Assert.Contains(
            body.GetProperty("plan").EnumerateArray(),
            p =>
                p.GetProperty("resource").GetString() == "primary_support"
                && p.GetProperty("reason").GetString()!.StartsWith("pool short", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task UnknownCentreIs404WithAMessage()
    {
        var (status, body) = await Get("/api/centres/999");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("no centre with code 999", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AreasHoldTotalsPerAreaAndResource()
    {
        var (_, body) = await Get("/api/areas");
        Assert.Contains(
            body.GetProperty("totals").EnumerateArray(),
            t =>
                t.GetProperty("area").GetString() == "Madrid-Sur"
                && t.GetProperty("resource").GetString() == "primary_support"
        );
        Assert.Equal(40, body.GetProperty("centres").GetArrayLength());
    }

    [Fact]
    public async Task WhatIfComparesOnRequest()
    {
        var r = await serve.Client.PostAsync(
            "/api/what-if",
            new StringContent("{\"policy\": {\"primary_ratio\": 20}}", Encoding.UTF8, "application/json")
        );
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(
            body.GetProperty("areas").EnumerateArray(),
            a => a.GetProperty("resource").GetString() == "primary_support"
        );
        Assert.True(body.GetProperty("centres").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("{bad", "malformed JSON")]
    [InlineData("[1]", "expected a JSON object")]
    [InlineData("{\"policy\": {\"nope\": 1}}", "nope: found an unknown parameter")]
    [InlineData("{\"policy\": {\"primary_ratio\": \"x\"}}", "primary_ratio: found \"x\"")]
    public async Task BadWhatIfBodiesAre400(string json, string message)
    {
        var r = await serve.Client.PostAsync(
            "/api/what-if",
            new StringContent(json, Encoding.UTF8, "application/json")
        );
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var text = await r.Content.ReadAsStringAsync();
        Assert.Contains(message, JsonDocument.Parse(text).RootElement.GetProperty("error").GetString());
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public async Task OversizedWhatIfIsRefused()
    {
        using var client = new HttpClient { BaseAddress = new Uri(serve.Url) };
        var big = "{\"policy\": {\"primary_ratio\": 20, \"x\": \"" + new string('a', 40_000) + "\"}}";
        var r = await client.PostAsync("/api/what-if", new StringContent(big, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.DoesNotContain("   at ", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocumentsTheApi()
    {
        var (status, body) = await Get("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var path in new[] { "/api/centres", "/api/centres/{code}", "/api/areas", "/api/what-if" })
            Assert.True(body.GetProperty("paths").TryGetProperty(path, out _), path);
    }

    [Fact]
    public async Task ThePageIsServedWithoutAnythingFromElsewhere()
    {
        var html = await serve.Client.GetStringAsync("/");
        Assert.Contains("<script src=\"/app.js\">", html);
        Assert.DoesNotContain(
            "https://",
            html + await serve.Client.GetStringAsync("/app.js") + await serve.Client.GetStringAsync("/style.css")
        );
    }

    [Fact]
    public void OnlyLoopbackIsQuiet()
    {
        Assert.True(Staffing.Cli.Web.ServeApp.IsLoopback("http://127.0.0.1:5080"));
        Assert.True(Staffing.Cli.Web.ServeApp.IsLoopback("http://localhost:5080"));
        Assert.False(Staffing.Cli.Web.ServeApp.IsLoopback("http://0.0.0.0:5080"));
        Assert.False(Staffing.Cli.Web.ServeApp.IsLoopback("http://*:5080"));
    }
}

/// <summary>Issue 27: the EOEP week shows every team and every person, free days included.</summary>
public class EoepWeekTests
{
    [Fact]
    public void EveryMadridTeamShowsItsPeopleAndSaysWhenItHasNoCompensatoryDays()
    {
        var madrid = Staffing.Io.ScenarioReader.Read(Path.Combine(Support.RepoRoot, "scenarios", "madrid"));
        var plan = ServeFixture.Planner.Plan(madrid, "greedy", new Staffing.Allocation.SolveSettings()).Plan;
        var week = Staffing.Cli.Web.EoepEndpoints.Week(new Staffing.Cli.Web.RunsApi.View(null, madrid, plan, plan.Lines.ToLookup(l => l.Code)));
        Assert.Equal(madrid.Teams!.Count, week.Teams.Count);
        foreach (var team in madrid.Teams!)
        {
            var shown = week.Teams.Single(t => t.Eoep == team.Code);
            Assert.Equal(team.Psychopedagogues + team.Ptsc, shown.People.Count);
            Assert.All(shown.People, p => Assert.Equal(5, p.Days.Count));
        }
        Assert.Contains(week.Teams, t => t.CompensatoryDays == 0 && t.People.Count > 0);
    }
}
