using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Staffing.Cli.Commands;
using Staffing.Cli.Web;
using Staffing.Io;

namespace Staffing.Tests.Web;

/// <summary>
/// Finding 13 of the third trust round: sign-in as the framework intends. Lockout per name, a rate limit per
/// address, sign-out that ends the session, HTTPS and secure cookies, no API without a session.
/// </summary>
public class SignInSecurityTests
{
    private const string Password = "ana-secret-1";

    private static async Task<WebApplication> Serve(
        string url = "http://127.0.0.1:0",
        X509Certificate2? certificate = null,
        IReadOnlyList<IPAddress>? proxies = null
    )
    {
        var users = Path.Combine(Support.TempDir(), "users.json");
        Users.Add(users, "ana", Users.Planner, Password);
        var state = ServeCommand.Load(ServeFixture.Planner, ScenarioReader.Read(Support.Sample), Support.Sample, null);
        var app = ServeApp.Build(
            state with
            {
                Users = Users.Load(users),
                Certificate = certificate,
                Proxies = proxies ?? [],
            },
            [url]
        );
        await app.StartAsync();
        return app;
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheNameEvenForTheRightOne()
    {
        await using var app = await Serve();
        using var c = new WorkspaceFixture.Client(app.Urls.First());
        for (var i = 0; i < SignInGuard.Failures; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, await c.SignIn("ana", "wrong-" + i));
        Assert.Equal(HttpStatusCode.TooManyRequests, await c.SignIn("ana", Password));
    }

    [Fact]
    public async Task AnAddressTryingManyNamesIsLimited()
    {
        await using var app = await Serve();
        using var c = new WorkspaceFixture.Client(app.Urls.First());
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i <= Access.AttemptsPerMinute; i++)
            codes.Add(await c.SignIn("name-" + i, "guess"));
        Assert.All(codes.Take(Access.AttemptsPerMinute), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, codes[^1]);
    }

    [Fact]
    public async Task ASessionCookieKeptFromBeforeSignOutNoLongerWorks()
    {
        await using var app = await Serve();
        var url = app.Urls.First();
        var jar = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = jar }) { BaseAddress = new Uri(url) };
        async Task<string> Token() =>
            (await http.GetFromJsonAsync<JsonElement>("/api/session")).GetProperty("antiforgery").GetString()!;
        async Task<HttpResponseMessage> Post(string path, object? body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Add(Access.TokenHeader, await Token());
            return await http.SendAsync(request);
        }
        Assert.Equal(HttpStatusCode.OK, (await Post("/api/sign-in", new { name = "ana", password = Password })).StatusCode);
        var kept = jar.GetCookieHeader(new Uri(url));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/areas")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Post("/api/sign-out", null)).StatusCode);
        using var replay = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(url) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/areas");
        request.Headers.Add("Cookie", kept);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task WithUsersNoApiButSignInAnswersWithoutASession()
    {
        await using var app = await Serve();
        using var c = new WorkspaceFixture.Client(app.Urls.First());
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.Get("/openapi/v1.json")).StatusCode);
        var words = await c.Json("/api/words?lang=en");
        Assert.True(words.TryGetProperty("ui.signin.title", out _));
        Assert.False(words.TryGetProperty("primary_support", out _));
        Assert.Equal(HttpStatusCode.OK, await c.SignIn("ana", Password));
        Assert.True((await c.Json("/api/words?lang=en")).TryGetProperty("primary_support", out _));
        Assert.Equal(HttpStatusCode.OK, (await c.Get("/openapi/v1.json")).StatusCode);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var dir = Support.TempDir();
        File.WriteAllText(Path.Combine(dir, "cert.pem"), made.ExportCertificatePem());
        File.WriteAllText(Path.Combine(dir, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return X509Certificate2.CreateFromPemFile(Path.Combine(dir, "cert.pem"), Path.Combine(dir, "key.pem"));
    }

    [Fact]
    public async Task OverHttpsTheSessionCookieIsSecure()
    {
        await using var app = await Serve("https://127.0.0.1:0", SelfSigned());
        using var http = new HttpClient(
            new HttpClientHandler
            {
                CookieContainer = new CookieContainer(),
                ServerCertificateCustomValidationCallback = (_, _, _, _) => true,
            }
        )
        {
            BaseAddress = new Uri(app.Urls.First()),
        };
        var session = await http.GetAsync("/api/session");
        var token = (await session.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("antiforgery").GetString()!;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/sign-in")
        {
            Content = JsonContent.Create(new { name = "ana", password = Password }),
        };
        request.Headers.Add(Access.TokenHeader, token);
        var signIn = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), v => v.StartsWith("staffing-session=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("http", HttpStatusCode.Forbidden)]
    [InlineData("https", HttpStatusCode.OK)]
    public async Task BehindATrustedProxyOnlyForwardedHttpsIsServed(string proto, HttpStatusCode expected)
    {
        await using var app = await Serve(proxies: [IPAddress.Loopback]);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/session");
        request.Headers.Add("X-Forwarded-For", "10.1.2.3");
        request.Headers.Add("X-Forwarded-Proto", proto);
        Assert.Equal(expected, (await http.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData(new[] { "--urls", "http://0.0.0.0:5999" }, "--trust-proxy")]
    [InlineData(new[] { "--urls", "https://127.0.0.1:5999" }, "expected --cert")]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5999", "--cert", "/no/such.pem" }, "--cert:")]
    public void PlainHttpBeyondThisMachineOrHttpsWithoutACertificateIsRefused(string[] options, string message)
    {
        var users = Path.Combine(Support.TempDir(), "users.json");
        Users.Add(users, "ana", Users.Planner, Password);
        var (exit, _, err) = Support.Run(["serve", Support.Sample, "--users", users, .. options]);
        Assert.Equal(2, exit);
        Assert.Contains(message, err);
    }
}
