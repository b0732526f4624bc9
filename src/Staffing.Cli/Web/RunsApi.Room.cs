using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Staffing.Cli.Runs;
using Staffing.Io;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Web;

internal static partial class RunsApi
{
    /// <summary>The served scenario's runs and the handlers that change them; "the run, or 404" said once.</summary>
    private sealed class Room(ServeApp.State state, ReplanQueue queue, ConcurrentDictionary<long, View> views)
    {
        public Workspace Workspace { get; } = state.Workspace!;

        public ReplanQueue Queue => queue;

        public ConcurrentDictionary<long, View> Views => views;

        private long ScenarioId => state.ScenarioId;

        private RunInfo? Find(long id) => Workspace.FindRun(id) is { } run && run.ScenarioId == ScenarioId ? run : null;

        public IResult With(long id, Func<RunInfo, IResult> answer) => Find(id) is { } run ? answer(run) : NoRun(id);

        public async Task<IResult> WithAsync(long id, Func<RunInfo, Task<IResult>> answer) =>
            Find(id) is { } run ? await answer(run) : NoRun(id);

        public IResult List()
        {
            var adopted = Workspace.Adopted(ScenarioId);
            var name = Workspace.Scenario(ScenarioId)!.Name;
            return Results.Json(
                new RunsDocument(
                    ScenarioId,
                    name,
                    adopted is null
                        ? null
                        : new AdoptionEntry(adopted.RunId, adopted.Who, adopted.AdoptedAt, adopted.Note),
                    [.. Workspace.Runs(ScenarioId).Select(Entry)]
                ),
                WebJson.Default.RunsDocument
            );
        }

        public async Task<IResult> Pin(RunInfo run, HttpContext ctx)
        {
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
                var conflicts = Replanning.Conflicts(Workspace, run, pin, state.Planner);
                if (conflicts.Count > 0)
                    return Results.Json(
                        new ApiError(Texts.ApiPinsConflict, conflicts),
                        WebJson.Default.ApiError,
                        statusCode: StatusCodes.Status422UnprocessableEntity
                    );
                var stored = Workspace.Pin(run.Id, pin, Access.Who(ctx), p.ExpectedPins);
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

        public IResult Unpin(long id, long pin)
        {
            try
            {
                Workspace.Unpin(id, pin);
                return Results.NoContent();
            }
            catch (InputException ex)
            {
                return ServeApp.Error(string.Join("; ", ex.Messages), StatusCodes.Status404NotFound);
            }
        }

        public async Task<IResult> Replan(long id, HttpContext ctx)
        {
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

        public async Task<IResult> Adopt(long id, HttpContext ctx)
        {
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
                    var a = Workspace.Adopt(id, Access.Who(ctx), note, check, expected);
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

        public async Task<IResult> Annotate(long id, HttpContext ctx)
        {
            var body = await ServeApp.ReadBody(ctx.Request, WebJson.Default.AnnotateRequest);
            if (body.Error is { } error)
                return error;
            if (body.Value!.Name is { Length: > 200 } || body.Value.Note is { Length: > 4000 })
                return Bad(Texts.ApiAnnotateSizes);
            Workspace.Annotate(id, body.Value.Name, body.Value.Note, Access.Who(ctx));
            return Results.Json(Detail(Workspace, Find(id)!), WebJson.Default.RunDetail);
        }

        public IResult Diff(long @base, long variant)
        {
            if (Find(@base) is not { } a)
                return NoRun(@base);
            if (Find(variant) is not { } b)
                return NoRun(variant);
            var d = RunDiff.Of(Workspace, a, b);
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
    }
}
