using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Staffing.Io;
using Staffing.WhatIf;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Web;

/// <summary>/api/region and /api/areas: totals by unit kind and by area and resource, each centre's and the map's.</summary>
internal static class RegionEndpoints
{
    public static void Map(WebApplication app, Views views, ServeApp.State state)
    {
        var centres = state.Scenario.Centres.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
        app.MapGet("/api/region", (long? run) => views.With(run, view => Results.Json(Region(view), WebJson.Default.RegionDocument)))
            .RequireAuthorization(Access.Reader)
            .WithName("Region")
            .WithSummary(
                "The region's totals by unit kind (posts, EOEP days a week, itinerant shares), each area's, and every centre's with its name, locality and kind"
            );
        app.MapGet(
                "/api/areas",
                (long? run) =>
                    views.With(
                        run,
                        view =>
                            Results.Json(
                                Areas(view, run is null ? state.Totals : Totals.Of(view.Scenario, view.Plan.Lines), centres),
                                WebJson.Default.AreasDocument
                            )
                    )
            )
            .RequireAuthorization(Access.Reader)
            .WithName("Areas")
            .WithSummary(
                "Totals per area and resource (entitled, allocated, shortfall, cost) and the centres with coordinates"
            );
    }

    /// <summary>The areas' totals and the centres with coordinates (the served scenario's), each with its shortfall in the view.</summary>
    private static AreasDocument Areas(RunsApi.View view, IEnumerable<Total> totals, IReadOnlyList<Centre> centres) =>
        new(
            view.Plan.Status,
            [.. totals.Select(t => new AreaTotal(t.Area, t.Resource, t.Entitled, t.Allocated, t.Shortfall, t.Cost))],
            [
                .. centres
                    .Where(c => c.Lat is not null)
                    .Select(c => new MapCentre(
                        c.Code,
                        c.Name,
                        c.Area,
                        c.Lat,
                        c.Lon,
                        c.Kind.TeachesPrimary() && c.PrimaryPupils > 0
                                ? Math.Round((double)c.PrimaryComp / c.PrimaryPupils, 3)
                            : c.EsoPupils > 0 ? Math.Round((double)c.EsoComp / c.EsoPupils, 3)
                            : 0,
                        view.Lines[c.Code].Where(l => l.Funding == Funding.Pool).Sum(l => l.Shortfall),
                        c.Locality
                    )),
            ]
        );

    /// <summary>Totals summed by unit kind (Resource.Unit), in a stable order: posts, days a week, shares.</summary>
    private static List<UnitRow> Units(IEnumerable<Total> totals) =>
        [
            .. totals
                .GroupBy(t => t.Resource.Unit())
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new UnitRow(
                    g.Key,
                    g.Sum(t => t.Entitled),
                    g.Sum(t => t.Allocated),
                    g.Sum(t => t.Shortfall),
                    g.Sum(t => t.Cost)
                )),
        ];

    public static RegionDocument Region(RunsApi.View view)
    {
        IReadOnlyList<Total> Pool(IEnumerable<PlanLine> lines) =>
            Totals.Of(view.Scenario, lines.Where(l => l.Funding == Funding.Pool));
        var areas = Pool(view.Plan.Lines);
        return new RegionDocument(
            view.Plan.Status,
            Units(areas),
            [
                .. areas
                    .GroupBy(t => t.Area)
                    .SelectMany(g =>
                        Units(g).Select(u => new AreaUnitRow(g.Key, u.Unit, u.Entitled, u.Allocated, u.Shortfall, u.Cost))
                    ),
            ],
            [
                .. view
                    .Scenario.Centres.OrderBy(c => c.Code, StringComparer.Ordinal)
                    .Select(c =>
                    {
                        var units = Units(Pool(view.Lines[c.Code]));
                        return new RegionCentre(
                            c.Code,
                            c.Name,
                            c.Area,
                            c.Locality,
                            c.Kind,
                            c.Ownership,
                            units,
                            units.Sum(u => u.Cost)
                        );
                    }),
            ]
        );
    }
}
