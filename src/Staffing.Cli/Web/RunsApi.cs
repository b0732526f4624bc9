using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Staffing.Cli.Runs;
using Staffing.Io;
using Staffing.WhatIf;

namespace Staffing.Cli.Web;

/// <summary>
/// The workspace on the page (serve --db): the served scenario's runs, pins on a run, re-plans queued one at a
/// time, diffs, adoption, names and notes, downloads. Reading needs a signed-in user; changes a planner and the
/// antiforgery token; a change made stale by another planner is 409 with what changed.
/// </summary>
public static class RunsApi
{
    public const double DefaultReplanSeconds = 30;
    public const double MaxReplanSeconds = 600;

    /// <summary>A stored run as the page reads it (scenario and plan), kept once read: runs never change.</summary>
    public sealed record View(RunInfo? Run, Scenario Scenario, Plan Plan, ILookup<string, PlanLine> Lines);

    public static void Map(
        WebApplication app,
        ServeApp.State state,
        ReplanQueue queue,
        ConcurrentDictionary<long, View> views
    )
    {
        var workspace = state.Workspace!;
        var scenarioId = state.ScenarioId;
        var api = app.MapGroup("/api").RequireAuthorization(Access.Reader);

        RunInfo? Find(long id) => workspace.FindRun(id) is { } run && run.ScenarioId == scenarioId ? run : null;

        api.MapGet(
                "/runs",
                () =>
                {
                    var adopted = workspace.Adopted(scenarioId);
                    var name = workspace.Scenario(scenarioId)!.Name;
                    return Results.Json(
                        new RunsDocument(
                            scenarioId,
                            name,
                            adopted is null
                                ? null
                                : new AdoptionEntry(adopted.RunId, adopted.Who, adopted.AdoptedAt, adopted.Note),
                            [.. workspace.Runs(scenarioId).Select(Entry)]
                        ),
                        WebJson.Default.RunsDocument
                    );
                }
            )
            .WithName("Runs")
            .WithSummary("The served scenario's stored runs, newest first, with the adopted one");

        api.MapGet(
                "/runs/{id:long}",
                (long id) =>
                    Find(id) is { } run ? Results.Json(Detail(workspace, run), WebJson.Default.RunDetail) : NoRun(id)
            )
            .WithName("Run")
            .WithSummary("A run, its pins for the next run and the locks it was solved with");

        api.MapPost(
                "/runs/{id:long}/pins",
                async (long id, HttpContext ctx) =>
                {
                    if (Find(id) is not { } run)
                        return NoRun(id);
                    var body = await ServeApp.ReadBody(ctx.Request, WebJson.Default.PinRequest);
                    if (body.Error is { } error)
                        return error;
                    var p = body.Value!;
                    if (
                        p.Code is null
                        || p.Resource is null
                        || !Words.TryParseResource(p.Resource, out var resource)
                    )
                        return Bad(Say.Format(Texts.ApiPinFields, Vocabulary.ResourceList));
                    var pin = new Holding(p.Code, resource, p.Amount ?? (p.Partner is null ? -1 : 1), p.Partner);
                    try
                    {
                        var conflicts = Replanning.Conflicts(workspace, run, pin, state.Planner);
                        if (conflicts.Count > 0)
                            return Results.Json(
                                new ApiError(Texts.ApiPinsConflict, conflicts),
                                WebJson.Default.ApiError,
                                statusCode: StatusCodes.Status422UnprocessableEntity
                            );
                        var stored = workspace.Pin(run.Id, pin, Access.Who(ctx), p.ExpectedPins);
                        return Results.Json(
                            PinOf(stored),
                            WebJson.Default.PinEntry,
                            statusCode: StatusCodes.Status201Created
                        );
                    }
                    catch (InputException ex)
                    {
                        return Bad(string.Join("; ", ex.Messages));
                    }
                    catch (StaleException ex)
                    {
                        return Stale(ex);
                    }
                }
            )
            .RequireAuthorization(Access.Planning)
            .AddEndpointFilter(Access.Antiforgery)
            .WithName("Pin")
            .WithSummary(
                "Pin an allocation ({code, resource, amount}) or a pair ({code, resource, partner}) for the next run; expected_pins makes it 409 when others pinned since"
            );

        api.MapDelete(
                "/runs/{id:long}/pins/{pin:long}",
                (long id, long pin) =>
                {
                    if (Find(id) is null)
                        return NoRun(id);
                    try
                    {
                        workspace.Unpin(id, pin);
                        return Results.NoContent();
                    }
                    catch (InputException ex)
                    {
                        return ServeApp.Error(string.Join("; ", ex.Messages), StatusCodes.Status404NotFound);
                    }
                }
            )
            .RequireAuthorization(Access.Planning)
            .AddEndpointFilter(Access.Antiforgery)
            .WithName("Unpin");

        api.MapPost(
                "/runs/{id:long}/replan",
                async (long id, HttpContext ctx) =>
                {
                    if (Find(id) is null)
                        return NoRun(id);
                    var body = await ServeApp.ReadBody(ctx.Request, WebJson.Default.ReplanRequest);
                    if (body.Error is { } error)
                        return error;
                    var limit = body.Value!.TimeLimit ?? DefaultReplanSeconds;
                    if (double.IsNaN(limit) || limit <= 0 || limit > MaxReplanSeconds)
                        return Bad(Say.Format(Texts.ApiTimeLimit, limit, MaxReplanSeconds));
                    var job = queue.Enqueue(id, Access.Who(ctx), body.Value.Name, body.Value.Note ?? "", limit);
                    return Results.Json(
                        JobOf(queue, job),
                        WebJson.Default.JobEntry,
                        statusCode: StatusCodes.Status202Accepted
                    );
                }
            )
            .RequireAuthorization(Access.Planning)
            .AddEndpointFilter(Access.Antiforgery)
            .WithName("Replan")
            .WithSummary(
                "Solve the next run from this one with its pins (CP-SAT, the run as its start), queued one at a time; poll /api/jobs/{job}"
            );

        api.MapGet(
                "/jobs/{id:long}",
                (long id) =>
                    queue.Find(id) is { } job
                        ? Results.Json(JobOf(queue, job), WebJson.Default.JobEntry)
                        : ServeApp.Error(Say.Format(Texts.ApiNoReplan, id), StatusCodes.Status404NotFound)
            )
            .WithName("Job")
            .WithSummary("A re-plan: queued (its position), solving (seconds so far), done (the new run) or failed");

        api.MapPost(
                "/runs/{id:long}/adopt",
                async (long id, HttpContext ctx) =>
                {
                    if (Find(id) is null)
                        return NoRun(id);
                    if (!ctx.Request.HasJsonContentType())
                        return ServeApp.Error(Texts.ApiJsonOnly, StatusCodes.Status415UnsupportedMediaType);
                    JsonDocument doc;
                    try
                    {
                        doc = await JsonDocument.ParseAsync(
                            ctx.Request.Body,
                            new JsonDocumentOptions { AllowDuplicateProperties = false },
                            ctx.RequestAborted
                        );
                    }
                    catch (JsonException)
                    {
                        return Bad(Texts.ApiAdoptMalformed);
                    }
                    using (doc)
                    {
                        if (doc.RootElement.ValueKind != JsonValueKind.Object)
                            return Bad(Texts.ApiAdoptFields);
                        var hasNote = doc.RootElement.TryGetProperty("note", out var n);
                        if (hasNote && n.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                            return Bad(Texts.ApiNoteText);
                        if (hasNote && n.ValueKind == JsonValueKind.String && JsonPositions.BrokenText(n.GetRawText()) is not null)
                            return Bad(Texts.ApiValueNotUtf8);
                        var note = hasNote && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
                        var check = doc.RootElement.TryGetProperty("expected_adopted", out var e);
                        long? expected =
                            check && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var v) ? v : null;
                        if (
                            check
                            && (
                                e.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null)
                                || e.ValueKind == JsonValueKind.Number && expected is null
                            )
                        )
                            return Bad(Texts.ApiExpectedAdopted);
                        try
                        {
                            var a = workspace.Adopt(id, Access.Who(ctx), note, check, expected);
                            return Results.Json(
                                new AdoptionEntry(a.RunId, a.Who, a.AdoptedAt, a.Note),
                                WebJson.Default.AdoptionEntry
                            );
                        }
                        catch (StaleException ex)
                        {
                            return Stale(ex);
                        }
                    }
                }
            )
            .RequireAuthorization(Access.Planning)
            .AddEndpointFilter(Access.Antiforgery)
            .WithName("Adopt")
            .WithSummary(
                "Adopt the run for the scenario; expected_adopted (the run adopted when the page looked) makes it 409 when another planner adopted since"
            );

        api.MapPost(
                "/runs/{id:long}/annotate",
                async (long id, HttpContext ctx) =>
                {
                    if (Find(id) is null)
                        return NoRun(id);
                    var body = await ServeApp.ReadBody(ctx.Request, WebJson.Default.AnnotateRequest);
                    if (body.Error is { } error)
                        return error;
                    if (body.Value!.Name is { Length: > 200 } || body.Value.Note is { Length: > 4000 })
                        return Bad(Texts.ApiAnnotateSizes);
                    workspace.Annotate(id, body.Value.Name, body.Value.Note, Access.Who(ctx));
                    return Results.Json(Detail(workspace, Find(id)!), WebJson.Default.RunDetail);
                }
            )
            .RequireAuthorization(Access.Planning)
            .AddEndpointFilter(Access.Antiforgery)
            .WithName("Annotate")
            .WithSummary("Name or note a run (the run itself is not changed; the latest name and note are shown)");

        api.MapGet(
                "/diff",
                (long @base, long variant) =>
                {
                    if (Find(@base) is not { } a)
                        return NoRun(@base);
                    if (Find(variant) is not { } b)
                        return NoRun(variant);
                    var d = RunDiff.Of(workspace, a, b);
                    string Name(string code) => d.VariantScenario.Find(code)?.Name ?? "";
                    return Results.Json(
                        new DiffDocument(
                            a.Id,
                            b.Id,
                            [.. d.Areas.Select(WhatIfEndpoints.AreaEntry)],
                            [
                                .. d.Centres.Select(c => new DiffCentre(
                                    c.Code,
                                    Name(c.Code),
                                    c.Resource,
                                    c.BaseAllocated,
                                    c.VariantAllocated,
                                    c.VariantAllocated > c.BaseAllocated ? "gains"
                                        : c.VariantAllocated < c.BaseAllocated ? "loses"
                                        : "entitlement",
                                    Explain.Read(c.Reason),
                                    d.Cause(c.Code, c.Resource)
                                )),
                            ],
                            [
                                .. d.Partners.Select(p => new DiffPartner(
                                    p.Code,
                                    Name(p.Code),
                                    p.Stage,
                                    p.Before,
                                    p.After,
                                    d.Cause(
                                        p.Code,
                                        p.Stage == Stage.Primary ? Resource.PrimaryItinerant : Resource.SecondaryItinerant,
                                        p.Before,
                                        p.After
                                    )
                                )),
                            ]
                        ),
                        WebJson.Default.DiffDocument
                    );
                }
            )
            .WithName("Diff")
            .WithSummary("What moves between two runs: areas, centres that gain or lose, centres that change partner");

        api.MapGet(
                "/runs/{id:long}/plan.zip",
                (long id) => Find(id) is { } run ? Download(workspace, views, run, zip: true) : NoRun(id)
            )
            .WithName("PlanZip")
            .WithSummary("The run as the plan folder of the contract, zipped");
        api.MapGet(
                "/runs/{id:long}/plan.xlsx",
                (long id) => Find(id) is { } run ? Download(workspace, views, run, zip: false) : NoRun(id)
            )
            .WithName("PlanXlsx")
            .WithSummary("The run's tables as one workbook");
        api.MapGet(
                "/runs/{id:long}/notices.zip",
                (long id) => Find(id) is { } run ? NoticesZip(workspace, views, run) : NoRun(id)
            )
            .WithName("NoticesZip")
            .WithSummary("One printable notice per centre in the reader's language, an index and all of them in one document, zipped");

        app.Lifetime.ApplicationStarted.Register(() =>
            _ = queue.Work(workspace, state.Replanning!, app.Lifetime.ApplicationStopping)
        );
    }

    /// <summary>A stored run's scenario and plan, for the card and areas of the page.</summary>
    public static View ViewOf(Workspace workspace, ConcurrentDictionary<long, View> views, RunInfo run) =>
        views.GetOrAdd(
            run.Id,
            _ =>
            {
                var (s, plan) = workspace.ScenarioAndPlan(run);
                return new View(run, s, plan, plan.Lines.ToLookup(l => l.Code));
            }
        );

    /// <summary>The run's notices for centres (staffing notices), zipped, in the language of the request.</summary>
    private static IResult NoticesZip(Workspace workspace, ConcurrentDictionary<long, View> views, RunInfo run)
    {
        var view = ViewOf(workspace, views, run);
        var dir = Directory.CreateTempSubdirectory("staffing-notices-");
        try
        {
            Notices.NoticeFiles.Write(
                dir.FullName,
                Notices.NoticeSource.Of(view.Scenario, view.Plan).Notices(),
                Notices.NoticeSource.NextSchoolYear(DateTimeOffset.Now)
            );
            using var memory = new MemoryStream();
            ZipFile.CreateFromDirectory(dir.FullName, memory);
            return Results.File(memory.ToArray(), "application/zip", $"notices-run-{run.Id}.zip");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static IResult Download(Workspace workspace, ConcurrentDictionary<long, View> views, RunInfo run, bool zip)
    {
        var view = ViewOf(workspace, views, run);
        if (!zip)
        {
            // The workbook from the plan's tables in memory: nothing written to disk.
            var tables = TableFolder.InMemory();
            PlanWriter.Write(tables, view.Scenario, view.Plan, Explain.Wording);
            using var book = new MemoryStream();
            Reports.Tables.WriteWorkbook(tables.Tables, book);
            return Results.File(
                book.ToArray(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"run-{run.Id}.xlsx"
            );
        }
        var dir = Directory.CreateTempSubdirectory("staffing-download-");
        try
        {
            PlanWriter.Write(new TableFolder(dir.FullName), view.Scenario, view.Plan, Explain.Wording);
            using var memory = new MemoryStream();
            ZipFile.CreateFromDirectory(dir.FullName, memory);
            return Results.File(memory.ToArray(), "application/zip", $"run-{run.Id}.zip");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static RunEntry Entry(RunInfo r) =>
        new(
            r.Id,
            r.Name,
            r.Note,
            r.Who,
            r.CreatedAt,
            r.Status,
            r.Settings.Solver,
            r.ParentId,
            r.Pins,
            r.Shortfall,
            r.Adopted
        );

    private static RunDetail Detail(Workspace workspace, RunInfo run) =>
        new(
            Entry(run),
            [.. workspace.Pins(run.Id).Select(PinOf)],
            [.. workspace.Locks(run.Id).Select(l => new LockEntry(l.Code, l.Resource, l.Amount, l.Partner))]
        );

    private static PinEntry PinOf(PinRecord p) =>
        new(
            p.Id,
            p.Lock.Code,
            p.Lock.Resource,
            p.Lock.Amount,
            p.Lock.Partner,
            p.Who,
            p.CreatedAt,
            Workspace.Describe(p)
        );

    private static JobEntry JobOf(ReplanQueue queue, ReplanJob job) =>
        new(
            job.Id,
            job.FromRun,
            job.State,
            queue.Position(job),
            Math.Round(job.Clock.Elapsed.TotalSeconds, 1),
            job.Run,
            job.Error,
            job.Conflicts
        );

    /// <summary>404 for a run id that is not one of the served scenario's.</summary>
    public static IResult NoRun(long id) =>
        ServeApp.Error(Say.Format(Texts.ApiNoRun, id), StatusCodes.Status404NotFound);

    private static IResult Bad(string message) => ServeApp.Error(message, StatusCodes.Status400BadRequest);

    private static IResult Stale(StaleException ex) =>
        ServeApp.Error(Texts.ApiStale + ex.Message, StatusCodes.Status409Conflict);
}
