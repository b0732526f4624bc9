using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Staffing.Io;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Web;

/// <summary>/api/centres: the search, and a centre's card (its entitlement with the trace, plan rows, itinerants).</summary>
internal static class CentresEndpoints
{
    public static void Map(WebApplication app, Views views, Scenario scenario)
    {
        var centres = scenario.Centres.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        app.MapGet("/api/centres", (string? q) => Search(centres, q))
            .RequireAuthorization(Access.Reader)
            .WithName("SearchCentres")
            .WithSummary("Search centres by code, name or locality (accents and case ignored); at most 50");
        app.MapGet("/api/centres/{code}", (string code, long? run) => views.With(run, view => Card(view, code)))
            .RequireAuthorization(Access.Reader)
            .WithName("GetCentre")
            .WithSummary(
                "A centre's entitlement with the full trace (the schema of `staffing entitlement --format json`), its plan rows and itinerant teachers"
            );
    }

    private static IResult Search(IReadOnlyList<Centre> centres, string? q)
    {
        var needle = ServeApp.Fold(q ?? "");
        var found = centres
            .Where(c =>
                needle.Length == 0
                || ServeApp.Fold(c.Code).Contains(needle, StringComparison.Ordinal)
                || ServeApp.Fold(c.Name).Contains(needle, StringComparison.Ordinal)
                || ServeApp.Fold(c.Locality).Contains(needle, StringComparison.Ordinal)
            )
            .Take(50)
            .Select(c => new CentreHit(c.Code, c.Name, c.Area, c.Locality, c.Kind));
        return Results.Json(found, WebJson.Default.IEnumerableCentreHit);
    }

    private static IResult Card(RunsApi.View view, string code)
    {
        if (view.Scenario.Find(code) is not { } c)
            return ServeApp.Error(Say.Format(Texts.ApiNoCentre, code), StatusCodes.Status404NotFound);
        var card = new CentreCard(
            Documents.EntitlementSchema,
            [Documents.Centre(view.Scenario.Policy, c, Explain.Wording)],
            [
                .. view.Lines[code]
                    .Select(l => new PlanRowEntry(
                        l.Resource,
                        l.Entitled,
                        l.Allocated,
                        l.Shortfall,
                        l.Rules,
                        l.Funding,
                        Explain.Read(l.Reason)
                    )),
            ],
            [
                .. view
                    .Plan.Itinerants.Where(t => t.Centres.Contains(code))
                    .Select(t => new ItinerantEntry(
                        t.Id,
                        t.Stage,
                        string.Join(" ", t.Centres),
                        string.Join("+", t.Days),
                        t.FreeDays
                    )),
            ]
        );
        return Results.Json(card, WebJson.Default.CentreCard);
    }
}
