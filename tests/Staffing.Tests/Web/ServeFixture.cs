using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Staffing.Allocation;
using Staffing.Cli.Commands;
using Staffing.Cli.Web;

namespace Staffing.Tests.Web;

/// <summary>The sample served once per test class: in memory (TestServer) for the API, on a loopback port for the browser.</summary>
public sealed class ServeFixture : IAsyncLifetime
{
    public static readonly Planner Planner = new([new CpSatAllocator(), new GreedyAllocator()]);

    public WebApplication Memory { get; private set; } = null!;
    public WebApplication Loopback { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public string Url { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var state = ServeCommand.Load(Planner, Staffing.Io.ScenarioReader.Read(Support.Sample), Support.Sample, null);
        Memory = ServeApp.Build(state, ["http://127.0.0.1:0"], b => b.WebHost.UseTestServer());
        await Memory.StartAsync();
        Client = Memory.GetTestClient();
        // The API answers in the reader's language, Spanish by default: these tests read English.
        Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Loopback = ServeApp.Build(state, ["http://127.0.0.1:0"]);
        await Loopback.StartAsync();
        Url = Loopback.Urls.First();
    }

    public async Task DisposeAsync()
    {
        await Memory.DisposeAsync();
        await Loopback.DisposeAsync();
    }
}
