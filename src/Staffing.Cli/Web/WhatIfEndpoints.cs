using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Staffing.Allocation;
using Staffing.Io;
using Staffing.WhatIf;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Web;

/// <summary>
/// /api/parameters and /api/what-if: the panel's parameters, and a variant of the plan shown solved and compared
/// within 10 s. What-ifs solve on every core but one (<see cref="ServeApp.WhatIfSolvers"/>), a few wait their turn,
/// the rest get 503 with Retry-After; a what-if that could not start in time to answer within its bound gets 503
/// rather than an answer past it.
/// </summary>
internal sealed class WhatIfEndpoints
{
    private readonly Views views;
    private readonly ServeApp.State state;
    private readonly CancellationToken stopping;

    /// <summary>The solvers' slots and the queue in front of them; a what-if beyond both is refused at once.</summary>
    private readonly ConcurrencyLimiter solvers = new(
        new ConcurrencyLimiterOptions
        {
            PermitLimit = ServeApp.WhatIfSolvers,
            QueueLimit = ServeApp.WhatIfQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }
    );

    /// <summary>
    /// What a what-if costs that no time limit shortens (the rules, the greedy plan, the comparison), as last seen.
    /// </summary>
    private double unavoidable;

    private WhatIfEndpoints(Views views, ServeApp.State state, CancellationToken stopping)
    {
        this.views = views;
        this.state = state;
        this.stopping = stopping;
        unavoidable = Math.Max(0.2, state.Plan.Seconds - state.Plan.Levels.Sum(l => l.Seconds));
    }

    public static void Map(WebApplication app, Views views, ServeApp.State state)
    {
        var whatIf = new WhatIfEndpoints(views, state, app.Lifetime.ApplicationStopping);
        app.MapGet("/api/parameters", () => Results.Json(Parameters(state), WebJson.Default.IReadOnlyListWhatIfParameter))
            .RequireAuthorization(Access.Reader)
            .WithName("WhatIfParameters")
            .WithSummary(
                "The what-if panel's parameters: unit and legal source from policy.defaults.json, the served value"
            );
        app.MapPost("/api/what-if", (HttpRequest request, long? run) => whatIf.Answer(request, run))
            .RequireAuthorization(Access.Reader)
            .WithName("WhatIf")
            .WithSummary(
                "Policy overrides in (as in policy.json, plus pool_scale), the comparison of `staffing compare` out; computed on request, at most 10 s of solving"
            );
    }

    private static IReadOnlyList<WhatIfParameter> Parameters(ServeApp.State state) =>
        [
            .. ServeApp
                .WhatIfParameters.Select(n => PolicyLoader.Find(n))
                .OfType<Staffing.Domain.ParameterInfo>()
                .Select(p => new WhatIfParameter(
                    p.Name,
                    p.Unit,
                    p.Source,
                    p.Type,
                    p.Min,
                    p.Max,
                    state.Scenario.Policy.Values.GetValueOrDefault(p.Name, p.DefaultJson),
                    p.Name == "priority_threshold"
                )),
            new WhatIfParameter(Variant.PoolScale, Texts.PoolScaleUnit, Texts.PoolScaleSource, "number", 0, 10, "1", false),
        ];

    private async Task<IResult> Answer(HttpRequest request, long? run)
    {
        // The 10 s bound is the request's own, from its first byte read to its answer built.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // The base: the run the page shows (?run=ID with serve --db), else the plan served.
        if (views.Of(run) is not { } basis)
            return RunsApi.NoRun(run!.Value);
        var (fields, refused) = await Fields(request);
        if (refused is not null)
            return refused;
        Scenario variant;
        try
        {
            variant = Variant.Of(basis.Scenario, fields!, "what-if");
        }
        catch (InputException ex)
        {
            return ServeApp.Error(string.Join("\n", ex.Messages), StatusCodes.Status400BadRequest);
        }
        catch (InvalidOperationException)
        {
            return ServeApp.Error(Texts.ApiValueNotUtf8, StatusCodes.Status400BadRequest);
        }
        // A client that goes away, or the server stopping, stops its solve.
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(request.HttpContext.RequestAborted, stopping);
        var download = request.Query["format"] is [var format] && format is "csv" or "xlsx" ? format : null;
        try
        {
            return await Solved(request, clock, basis, variant, download, gone.Token);
        }
        catch (OperationCanceledException)
        {
            return ServeApp.Error(Texts.ApiCancelled, 499);
        }
        catch (LockConflictException ex)
        {
            return ServeApp.Error(
                Texts.ApiLocksConflict + string.Join("; ", ex.Conflicts.Select(Explain.Read)),
                StatusCodes.Status422UnprocessableEntity
            );
        }
    }

    /// <summary>The posted overrides by name (a body {"policy": {…}} or the overrides themselves), each name once.</summary>
    private static async Task<(Dictionary<string, JsonElement>? Fields, IResult? Refused)> Fields(HttpRequest request)
    {
        // A JSON body only: a form or text/plain post from another site's page is refused unsolved.
        if (!request.HasJsonContentType())
            return (null, ServeApp.Error(Texts.ApiJsonOnly, StatusCodes.Status415UnsupportedMediaType));
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            return (null, ServeApp.Error(ServeApp.Malformed(ex), StatusCodes.Status400BadRequest));
        }
        using (body)
        {
            var root = body.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("policy", out var inner))
                root = inner;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, ServeApp.Error(Texts.ApiWhatIfObject, StatusCodes.Status400BadRequest));
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            try
            {
                foreach (var p in root.EnumerateObject())
                    if (!fields.TryAdd(p.Name, p.Value.Clone()))
                        return (null, ServeApp.Error(Say.Format(Texts.ApiKeyTwice, Safe(p.Name)), StatusCodes.Status400BadRequest));
            }
            catch (InvalidOperationException)
            {
                return (null, ServeApp.Error(Texts.ApiNameNotUtf8, StatusCodes.Status400BadRequest));
            }
            return (fields, null);
        }
    }

    /// <summary>The variant solved in a solver's slot, compared with its base and written as the answer.</summary>
    private async Task<IResult> Solved(
        HttpRequest request,
        System.Diagnostics.Stopwatch clock,
        RunsApi.View basis,
        Scenario variant,
        string? download,
        CancellationToken cancel
    )
    {
        var wait = TimeSpan.FromSeconds(Math.Max(0, ServeApp.WhatIfSeconds - 1.2 * Volatile.Read(ref unavoidable)));
        var slot = await Slot(wait, cancel);
        IReadOnlyList<AreaChange> areas;
        IReadOnlyList<CentreChange> changed;
        byte[]? answer;
        try
        {
            if (slot is not { IsAcquired: true })
                return Busy(request);
            // A slot found too late to answer within the bound is given back at once.
            if (ServeApp.WhatIfSeconds - clock.Elapsed.TotalSeconds < 1.2 * Volatile.Read(ref unavoidable))
                return Busy(request);
            // The search gets what is left of the 10 s once the work no limit shortens (about half of it after the
            // search: comparing, writing the answer) is set aside; all of it runs in the slot, so requests waiting
            // their turn cost nothing.
            var left = Math.Max(0.5, ServeApp.WhatIfSeconds - clock.Elapsed.TotalSeconds - 0.6 * Volatile.Read(ref unavoidable));
            (areas, changed, answer) = await Task.Run(() => Compared(basis, variant, left, download is null, cancel), cancel);
        }
        finally
        {
            slot?.Dispose();
        }
        return download is not null
            ? Download(areas, changed, basis.Scenario, variant, download)
            : Results.Bytes(answer!, "application/json; charset=utf-8");
    }

    /// <summary>
    /// A solver's slot within <paramref name="wait"/>: not acquired when the queue is full, null when the wait is over.
    /// </summary>
    private async Task<RateLimitLease?> Slot(TimeSpan wait, CancellationToken cancel)
    {
        var now = solvers.AttemptAcquire();
        if (now.IsAcquired || wait <= TimeSpan.Zero)
            return now;
        now.Dispose();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        deadline.CancelAfter(wait);
        try
        {
            return await solvers.AcquireAsync(1, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return null;
        }
    }

    private (IReadOnlyList<AreaChange>, IReadOnlyList<CentreChange>, byte[]?) Compared(
        RunsApi.View basis,
        Scenario variant,
        double seconds,
        bool json,
        CancellationToken cancel
    )
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var settings = new SolveSettings(seconds, Workers: 1, Cancel: cancel);
        var (_, p, a, c) = new WhatIfService(s => state.Planner.Plan(s, "cp-sat", settings).Plan).Compare(
            basis.Scenario,
            basis.Plan,
            variant
        );
        var answer = json
            ? JsonSerializer.SerializeToUtf8Bytes(WhatIfAnswer(p, a, c, basis.Scenario, variant), WebJson.Default.WhatIfResult)
            : null;
        Volatile.Write(ref unavoidable, Math.Max(0.2, started.Elapsed.TotalSeconds - p.Levels.Sum(l => l.Seconds)));
        return (a, c, answer);
    }

    /// <summary>A field name as given when it looks like one, so no raw input is echoed.</summary>
    private static string Safe(string name) =>
        name.Length <= 40 && name.All(ch => char.IsAsciiLetterLower(ch) || ch == '_') ? name : Texts.ApiAField;

    /// <summary>
    /// A what-if's comparison as files: the workbook of compare's two tables, or compare-centres.csv as Spanish Excel
    /// opens it (';', decimal comma, BOM).
    /// </summary>
    private static IResult Download(
        IReadOnlyList<AreaChange> areas,
        IReadOnlyList<CentreChange> changed,
        Scenario baseScenario,
        Scenario variant,
        string format
    )
    {
        // Built from the comparison's tables in memory: nothing written to disk.
        var tables = TableFolder.InMemory();
        Reports.ComparisonTables.Write(tables, areas, changed, baseScenario, variant);
        using var file = new MemoryStream();
        if (format == "xlsx")
        {
            Reports.Tables.WriteWorkbook(tables.Tables, file);
            return Results.File(
                file.ToArray(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "what-if.xlsx"
            );
        }
        Reports.Tables.ExcelEs(tables.Tables.Single(t => t.File == "compare-centres.csv"), file);
        return Results.File(file.ToArray(), "text/csv; charset=utf-8", "what-if-centres.csv");
    }

    /// <summary>An area row of a comparison as the API gives it (what-if and diff).</summary>
    public static WhatIfArea AreaEntry(AreaChange a) =>
        new(
            a.Area,
            a.Resource,
            a.Base?.Entitled ?? 0,
            a.Variant?.Entitled ?? 0,
            a.Base?.Allocated ?? 0,
            a.Variant?.Allocated ?? 0,
            a.Base?.Cost ?? 0,
            a.Variant?.Cost ?? 0,
            a.DeltaCost,
            a.DeltaEntitledCost
        );

    private static WhatIfResult WhatIfAnswer(
        Plan plan,
        IReadOnlyList<AreaChange> areas,
        IReadOnlyList<CentreChange> changed,
        Scenario basis,
        Scenario variant
    ) =>
        new(
            plan.Status,
            [.. areas.Select(AreaEntry)],
            [
                .. changed.Select(c => new WhatIfCentre(
                    c.Code,
                    c.Resource,
                    c.BaseEntitled,
                    c.VariantEntitled,
                    c.BaseAllocated,
                    c.VariantAllocated,
                    Explain.Read(c.Reason),
                    (variant.Find(c.Code) ?? basis.Find(c.Code))?.Name ?? ""
                )),
            ]
        );

    /// <summary>503 with Retry-After: the what-if could not be answered within its bound.</summary>
    private static IResult Busy(HttpRequest request)
    {
        request.HttpContext.Response.Headers.RetryAfter = "5";
        return ServeApp.Error(Texts.ApiBusy, StatusCodes.Status503ServiceUnavailable);
    }

}
