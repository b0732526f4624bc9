using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Staffing.Tests.Web;

/// <summary>Who may do what on serve --db: sign-in, roles, antiforgery, stale changes, the re-plan queue.</summary>
public class WorkspaceApiTests(WorkspaceFixture serve) : IClassFixture<WorkspaceFixture>
{
    private WorkspaceFixture.Client Guarded() => new(serve.GuardedUrl);

    [Theory]
    [InlineData("/api/runs")]
    [InlineData("/api/centres?q=getafe")]
    [InlineData("/api/centres/28002944")]
    [InlineData("/api/areas")]
    [InlineData("/api/runs/1/plan.zip")]
    public async Task WithoutSignInEveryApiIs401(string path)
    {
        using var c = Guarded();
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.Get(path)).StatusCode);
    }

    [Fact]
    public async Task ThePageAndTheSessionAreOpenAndSaySignInIsRequired()
    {
        using var c = Guarded();
        Assert.Equal(HttpStatusCode.OK, (await c.Get("/")).StatusCode);
        var s = await c.Session();
        Assert.True(s.GetProperty("sign_in_required").GetBoolean());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("name").ValueKind);
    }

    [Fact]
    public async Task AWrongPasswordIs401()
    {
        using var c = Guarded();
        Assert.Equal(HttpStatusCode.Unauthorized, await c.SignIn("ana", "not-her-password"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.Get("/api/runs")).StatusCode);
    }

    [Fact]
    public async Task AnInspectorReadsButMayNotPinReplanOrAdopt()
    {
        using var c = Guarded();
        Assert.Equal(HttpStatusCode.OK, await c.SignIn("ines", WorkspaceFixture.InspectorPassword));
        Assert.Equal(HttpStatusCode.OK, (await c.Get("/api/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Get("/api/centres/28002944?run=1")).StatusCode);
        var pin = await c.Send(
            HttpMethod.Post,
            "/api/runs/1/pins",
            new
            {
                code = "28002944",
                resource = "primary_support",
                amount = 1,
            }
        );
        Assert.Equal(HttpStatusCode.Forbidden, pin.StatusCode);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await c.Send(HttpMethod.Post, "/api/runs/1/replan", new { })).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await c.Send(HttpMethod.Post, "/api/runs/1/adopt", new { note = "" })).StatusCode
        );
        Assert.False((await c.Session()).GetProperty("can_plan").GetBoolean());
    }

    [Fact]
    public async Task AChangeWithoutTheAntiforgeryTokenIs400()
    {
        using var c = Guarded();
        await c.SignIn("ana", WorkspaceFixture.PlannerPassword);
        var r = await c.Send(HttpMethod.Post, "/api/runs/1/adopt", new { note = "" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("antiforgery", await r.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"note\": 5}")]
    [InlineData("{\"expected_adopted\": \"one\"}")]
    [InlineData("{\"expected_adopted\": 1.5}")]
    [InlineData("[]")]
    public async Task AMalformedAdoptionIs400(string body)
    {
        using var ana = Guarded();
        await ana.SignIn("ana", WorkspaceFixture.PlannerPassword);
        var r = await ana.Send(
            HttpMethod.Post,
            "/api/runs/1/adopt",
            System.Text.Json.JsonDocument.Parse(body).RootElement
        );
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }

    [Fact]
    public async Task AStaleAdoptionIs409WithWhatChanged()
    {
        using var ana = Guarded();
        await ana.SignIn("ana", WorkspaceFixture.PlannerPassword);
        var adopted = (await ana.Json("/api/runs")).GetProperty("adopted");
        long? now = adopted.ValueKind == JsonValueKind.Null ? null : adopted.GetProperty("run").GetInt64();
        var ok = await ana.Send(HttpMethod.Post, "/api/runs/1/adopt", new { note = "first", expected_adopted = now });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        // A second planner whose page still shows the state before Ana's adoption.
        var stale = await ana.Send(
            HttpMethod.Post,
            "/api/runs/1/adopt",
            new { note = "again", expected_adopted = (long?)999 }
        );
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("the adopted run is run 1 (by ana", await stale.Content.ReadAsStringAsync());
        var runs = await ana.Json("/api/runs");
        Assert.Equal(1, runs.GetProperty("adopted").GetProperty("run").GetInt64());
        Assert.Equal("ana", runs.GetProperty("adopted").GetProperty("who").GetString());
    }

    [Fact]
    public async Task APinIs201AStalePinIs409AndAConflictingOne422()
    {
        using var ana = Guarded();
        await ana.SignIn("ana", WorkspaceFixture.PlannerPassword);
        var pins = (await ana.Json("/api/runs/1")).GetProperty("pins").GetArrayLength();
        var pin = await ana.Send(
            HttpMethod.Post,
            "/api/runs/1/pins",
            new
            {
                code = "28023480",
                resource = "primary_support",
                amount = 1,
                expected_pins = pins,
            }
        );
        Assert.Equal(HttpStatusCode.Created, pin.StatusCode);
        Assert.Equal("ana", (await pin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("who").GetString());
        var stale = await ana.Send(
            HttpMethod.Post,
            "/api/runs/1/pins",
            new
            {
                code = "28003286",
                resource = "primary_support",
                amount = 1,
                expected_pins = pins,
            }
        );
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("28023480 primary_support = 1 (by ana)", await stale.Content.ReadAsStringAsync());
        var conflict = await ana.Send(
            HttpMethod.Post,
            "/api/runs/1/pins",
            new
            {
                code = "28023480",
                resource = "primary_support",
                amount = 9,
            }
        );
        Assert.Equal((HttpStatusCode)422, conflict.StatusCode);
        Assert.Contains("above the entitlement", await conflict.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AWhatIfComparesWithTheRunShown()
    {
        using var ana = Guarded();
        await ana.SignIn("ana", WorkspaceFixture.PlannerPassword);
        var body = new { policy = new { primary_ratio = 20 } };
        Assert.Equal(HttpStatusCode.OK, (await ana.Send(HttpMethod.Post, "/api/what-if?run=1", body)).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await ana.Send(HttpMethod.Post, "/api/what-if?run=999", body)).StatusCode
        );
    }

    [Fact]
    public void AQueuedReplanKnowsItsPlace()
    {
        var queue = new Staffing.Cli.Web.ReplanQueue();
        var jobs = Enumerable.Range(0, 3).Select(i => queue.Enqueue(1, "ana", null, "", 10)).ToList();
        Assert.Equal([1, 2, 3], jobs.Select(queue.Position));
        Assert.All(jobs, j => Assert.Equal("queued", j.State));
    }

    [Fact]
    public async Task ReplansRunOneAtATimeTheRestQueuedWithTheirPlace()
    {
        using var ana = Guarded();
        await ana.SignIn("ana", WorkspaceFixture.PlannerPassword);
        var before = (await ana.Json("/api/runs")).GetProperty("runs").GetArrayLength();
        var jobs = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            var r = await ana.Send(HttpMethod.Post, "/api/runs/1/replan", new { name = $"queued {i}" });
            Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
            jobs.Add(await r.Content.ReadFromJsonAsync<JsonElement>());
        }
        Assert.All(jobs, j => Assert.True(j.GetProperty("position").GetInt32() >= 0));
        var runs = new List<long>();
        foreach (var j in jobs)
            for (var t = 0; ; t++)
            {
                var job = await ana.Json("/api/jobs/" + j.GetProperty("id").GetInt64());
                if (job.GetProperty("state").GetString() == "done")
                {
                    runs.Add(job.GetProperty("run").GetInt64());
                    break;
                }
                Assert.True(t < 600, "re-plan did not finish");
                await Task.Delay(100);
            }
        Assert.Equal(runs.Order(), runs); // in the order asked
        var after = await ana.Json("/api/runs");
        Assert.Equal(before + 3, after.GetProperty("runs").GetArrayLength());
        var newest = after.GetProperty("runs")[0];
        Assert.Equal("ana", newest.GetProperty("who").GetString());
        Assert.Equal(1, newest.GetProperty("parent").GetInt64());
    }
}

/// <summary>Issue 27: the notices of a run as a download from the page.</summary>
public class NoticesDownloadTests(WorkspaceFixture workspace) : IClassFixture<WorkspaceFixture>
{
    [Fact]
    public async Task ARunsNoticesDownloadAsAZipWithAPageACentre()
    {
        using var c = new WorkspaceFixture.Client(workspace.LocalUrl);
        var r = await c.Get("/api/runs/1/notices.zip?lang=es");
        Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(await r.Content.ReadAsStreamAsync());
        var centres = File.ReadAllLines(Path.Combine(Support.Sample, "centres.csv")).Length - 1;
        Assert.Equal(centres, zip.Entries.Count(e => e.FullName.StartsWith("centres/", StringComparison.Ordinal)));
        Assert.Contains(zip.Entries, e => e.FullName == "all.html");
        Assert.Contains(zip.Entries, e => e.FullName == "index.html");
    }
}
