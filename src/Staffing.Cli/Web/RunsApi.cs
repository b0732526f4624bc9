using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Staffing.Cli.Runs;
using Staffing.Io;
using Staffing.WhatIf;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Web;

/// <summary>
/// The workspace on the page (serve --db): the served scenario's runs, pins on a run, re-plans queued one at a
/// time, diffs, adoption, names and notes, downloads. Reading needs a signed-in user; changes a planner and the
/// antiforgery token; a change made stale by another planner is 409 with what changed.
/// </summary>
internal static partial class RunsApi
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
        var room = new Room(state, queue, views);
        var api = app.MapGroup("/api").RequireAuthorization(Access.Reader);
        MapRuns(api, room);
        MapPlanning(api, room);
        MapDownloads(api, room);
        app.Lifetime.ApplicationStarted.Register(() =>
            _ = queue.Work(state.Workspace!, state.Replanning!, app.Lifetime.ApplicationStopping)
        );
    }

    private static void MapRuns(RouteGroupBuilder api, Room room)
    {
        api.MapGet("/runs", room.List)
            .WithName("Runs")
            .WithSummary("The served scenario's stored runs, newest first, with the adopted one");
        api.MapGet("/runs/{id:long}", (long id) => room.With(id, run => Results.Json(Detail(room.Workspace, run), WebJson.Default.RunDetail)))
            .WithName("Run")
            .WithSummary("A run, its pins for the next run and the locks it was solved with");
        api.MapGet(
                "/jobs/{id:long}",
                (long id) =>
                    room.Queue.Find(id) is { } job
                        ? Results.Json(JobOf(room.Queue, job), WebJson.Default.JobEntry)
                        : ServeApp.Error(Say.Format(Texts.ApiNoReplan, id), StatusCodes.Status404NotFound)
            )
            .WithName("Job")
            .WithSummary("A re-plan: queued (its position), solving (seconds so far), done (the new run) or failed");
        api.MapGet("/diff", room.Diff)
            .WithName("Diff")
            .WithSummary("What moves between two runs: areas, centres that gain or lose, centres that change partner");
    }

    /// <summary>What a planner changes: pins, re-plans, adoption, names and notes (a planner's role, the antiforgery token).</summary>
    private static void MapPlanning(RouteGroupBuilder api, Room room)
    {
        static RouteHandlerBuilder Planning(RouteHandlerBuilder b) =>
            b.RequireAuthorization(Access.Planning).AddEndpointFilter(Access.Antiforgery);
        Planning(api.MapPost("/runs/{id:long}/pins", (long id, HttpContext ctx) => room.WithAsync(id, run => room.Pin(run, ctx))))
            .WithName("Pin")
            .WithSummary(
                "Pin an allocation ({code, resource, amount}) or a pair ({code, resource, partner}) for the next run; expected_pins makes it 409 when others pinned since"
            );
        Planning(api.MapDelete("/runs/{id:long}/pins/{pin:long}", (long id, long pin) => room.With(id, run => room.Unpin(run.Id, pin))))
            .WithName("Unpin");
        Planning(api.MapPost("/runs/{id:long}/replan", (long id, HttpContext ctx) => room.WithAsync(id, run => room.Replan(run.Id, ctx))))
            .WithName("Replan")
            .WithSummary(
                "Solve the next run from this one with its pins (CP-SAT, the run as its start), queued one at a time; poll /api/jobs/{job}"
            );
        Planning(api.MapPost("/runs/{id:long}/adopt", (long id, HttpContext ctx) => room.WithAsync(id, run => room.Adopt(run.Id, ctx))))
            .WithName("Adopt")
            .WithSummary(
                "Adopt the run for the scenario; expected_adopted (the run adopted when the page looked) makes it 409 when another planner adopted since"
            );
        Planning(api.MapPost("/runs/{id:long}/annotate", (long id, HttpContext ctx) => room.WithAsync(id, run => room.Annotate(run.Id, ctx))))
            .WithName("Annotate")
            .WithSummary("Name or note a run (the run itself is not changed; the latest name and note are shown)");
    }

    private static void MapDownloads(RouteGroupBuilder api, Room room)
    {
        api.MapGet("/runs/{id:long}/plan.zip", (long id) => room.With(id, run => Download(room.Workspace, room.Views, run, zip: true)))
            .WithName("PlanZip")
            .WithSummary("The run as the plan folder of the contract, zipped");
        api.MapGet("/runs/{id:long}/plan.xlsx", (long id) => room.With(id, run => Download(room.Workspace, room.Views, run, zip: false)))
            .WithName("PlanXlsx")
            .WithSummary("The run's tables as one workbook");
        api.MapGet("/runs/{id:long}/notices.zip", (long id) => room.With(id, run => NoticesZip(room.Workspace, room.Views, run)))
            .WithName("NoticesZip")
            .WithSummary("One printable notice per centre in the reader's language, an index and all of them in one document, zipped");
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
            workspace.Locks(run.Id)
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
