using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Staffing.Cli.Commands;
using Staffing.Cli.Runs;
using Staffing.Cli.Web;
using Staffing.Io;

namespace Staffing.Tests.Web;

/// <summary>The sample served with a workspace on loopback: one server for the local user, one with a users file.</summary>
public sealed class WorkspaceFixture : IAsyncLifetime
{
    public const string PlannerPassword = "ana-secret-1";
    public const string InspectorPassword = "ines-secret-1";

    public WebApplication Local { get; private set; } = null!;
    public WebApplication Guarded { get; private set; } = null!;
    public string LocalUrl => Local.Urls.First();
    public string GuardedUrl => Guarded.Urls.First();

    public async Task InitializeAsync()
    {
        var root = Support.TempDir();
        var users = Path.Combine(root, "users.json");
        Users.Add(users, "ana", Users.Planner, PlannerPassword);
        Users.Add(users, "ines", Users.Inspector, InspectorPassword);
        var state = ServeCommand.Load(ServeFixture.Planner, ScenarioReader.Read(Support.Sample), Support.Sample, null);
        ServeApp.State Served(string db) =>
            ServeCommand.Attach(
                state,
                Workspace.Open(Path.Combine(root, db), create: true),
                Support.Sample,
                new Replanning(ServeFixture.Planner),
                new RunSettings("cp-sat", 60, 1, 0),
                null
            );
        Local = ServeApp.Build(Served("local.db"), ["http://127.0.0.1:0"]);
        Guarded = ServeApp.Build(Served("guarded.db") with { Users = Users.Load(users) }, ["http://127.0.0.1:0"]);
        await Local.StartAsync();
        await Guarded.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Local.DisposeAsync();
        await Guarded.DisposeAsync();
    }

    /// <summary>A browser-like client: cookies kept, the antiforgery token sent with every change.</summary>
    public sealed class Client(string url) : IDisposable
    {
        private readonly HttpClient http = new(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(url),
            // The API answers in the reader's language, Spanish by default: these tests read English.
            DefaultRequestHeaders = { AcceptLanguage = { new("en") } },
        };

        private string token = "";

        public async Task<JsonElement> Session()
        {
            var s = await http.GetFromJsonAsync<JsonElement>("/api/session");
            token = s.GetProperty("antiforgery").GetString()!;
            return s;
        }

        public async Task<HttpStatusCode> SignIn(string name, string password)
        {
            await Session();
            var r = await Send(HttpMethod.Post, "/api/sign-in", new { name, password });
            await Session();
            return r.StatusCode;
        }

        public Task<HttpResponseMessage> Get(string path) => http.GetAsync(path);

        public async Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body, bool withToken = true)
        {
            var request = new HttpRequestMessage(method, path)
            {
                Content = body is null ? null : JsonContent.Create(body),
            };
            if (withToken)
                request.Headers.Add(Access.TokenHeader, token);
            return await http.SendAsync(request);
        }

        public async Task<JsonElement> Json(string path) => await http.GetFromJsonAsync<JsonElement>(path);

        public void Dispose() => http.Dispose();
    }
}
