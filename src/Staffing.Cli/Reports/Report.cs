using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Staffing.Domain;
using Staffing.Io;
using Staffing.Rules;
using Staffing.WhatIf;

namespace Staffing.Cli.Reports;

/// <summary>A plan folder as a page people read (self-contained HTML) or a workbook planners live in (XLSX).</summary>
public sealed class Report
{
    private readonly PlanFiles plan;
    private readonly PlanSummary summary;
    private readonly IReadOnlyList<IndicatorCsvRow> indicators;
    private readonly Scenario? scenario;
    private readonly PlanFiles? other;

    public Report(string planDir, Scenario? scenario, string? compareDir)
    {
        plan = PlanReader.Read(planDir);
        summary = PlanReader.ReadSummary(planDir);
        indicators = PlanReader.ReadIndicators(planDir);
        this.scenario = scenario;
        other = compareDir is null ? null : PlanReader.Read(compareDir);
    }

    private IEnumerable<(
        string Area,
        string Funding,
        string Resource,
        long Entitled,
        long Allocated,
        long Shortfall,
        decimal Cost
    )> AreaRows()
    {
        foreach (var (funding, areas) in new[] { ("pool", summary.Areas), ("agreement", summary.Agreement) })
        foreach (var (area, resources) in areas)
        foreach (var (resource, t) in resources)
            yield return (area, funding, resource, t.Entitled, t.Allocated, t.Shortfall, t.Cost);
    }

    private IEnumerable<(string Code, string Resource, int BaseAllocated, int Allocated, int Entitled)> Changes()
    {
        if (other is null)
            yield break;
        var mine = plan.Lines.ToDictionary(l => (l.Code, l.Resource));
        var theirs = other.Lines.ToDictionary(l => (l.Code, l.Resource));
        foreach (
            var k in mine.Keys.Union(theirs.Keys).OrderBy(k => k.Code, StringComparer.Ordinal).ThenBy(k => k.Resource)
        )
        {
            int a = theirs.GetValueOrDefault(k)?.Allocated ?? 0,
                b = mine.GetValueOrDefault(k)?.Allocated ?? 0;
            if (a != b || theirs.GetValueOrDefault(k)?.Entitled != mine.GetValueOrDefault(k)?.Entitled)
                yield return (k.Code, k.Resource.Name(), a, b, mine.GetValueOrDefault(k)?.Entitled ?? 0);
        }
    }

    public void Html(string path)
    {
        var h = new StringBuilder();
        static string E(object? o) => WebUtility.HtmlEncode(Convert.ToString(o, CultureInfo.InvariantCulture) ?? "");
        void Img(byte[] png, string alt) =>
            h.Append(
                CultureInfo.InvariantCulture,
                $"<img alt=\"{E(alt)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">"
            );
        h.Append(
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Staffing plan</title><style>"
            )
            .Append(
                "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}"
            )
            .Append(
                "td.n{text-align:right}th{background:#eef}tr.short td{background:#fff3e0}details{margin:2px 0}summary{cursor:pointer}img{max-width:100%}.muted{color:#777}"
            )
            .Append("</style></head><body>");
        h.Append(
            CultureInfo.InvariantCulture,
            $"<h1>Staffing plan</h1><p>Status <b>{E(summary.Status)}</b>, solver {E(summary.Solver.Name)} {E(summary.Solver.Version)}, inputs {E(summary.InputHash)}.</p>"
        );
        h.Append("<h2>Levels</h2><table><tr><th>level</th><th>objective</th><th>bound</th><th>gap</th></tr>");
        foreach (var l in summary.Levels)
            h.Append(
                CultureInfo.InvariantCulture,
                $"<tr><td>{E(l.Name)}</td><td class=n>{E(l.Objective)}</td><td class=n>{E(l.Bound)}</td><td class=n>{E(l.Gap)}</td></tr>"
            );
        h.Append(
            "</table><h2>Areas</h2><table><tr><th>area</th><th>funding</th><th>resource</th><th>entitled</th><th>allocated</th><th>shortfall</th><th>cost €/year</th></tr>"
        );
        var totals = new List<Total>();
        foreach (var a in AreaRows())
        {
            h.Append(
                CultureInfo.InvariantCulture,
                $"<tr{(a.Shortfall > 0 ? " class=short" : "")}><td>{E(a.Area)}</td><td>{a.Funding}</td><td>{E(a.Resource)}</td><td class=n>{a.Entitled}</td><td class=n>{a.Allocated}</td><td class=n>{a.Shortfall}</td><td class=n>{a.Cost:N0}</td></tr>"
            );
            if (Vocabulary.TryParseResource(a.Resource, out var res))
                totals.Add(new Total(a.Area, res, a.Entitled, a.Allocated, a.Cost));
        }
        h.Append("</table>");
        Img(Charts.Areas(totals), "entitled and allocated by area");
        if (scenario is not null)
        {
            var shares = scenario
                .Centres.Where(c => c.Kind.TeachesPrimary() && c.PrimaryPupils > 0)
                .Select(c => (double)c.PrimaryComp / c.PrimaryPupils)
                .ToList();
            h.Append("<h2>Concentration and segregation</h2>");
            Img(Charts.Shares(shares, (double)scenario.Policy.PriorityThreshold), "centres by compensatory share");
            h.Append(
                "<table><tr><th>level</th><th>area</th><th>stage</th><th>centres</th><th>compensatory</th><th>dissimilarity (95%)</th><th>isolation</th><th>Gini</th><th>above the line</th><th>warning</th></tr>"
            );
            foreach (var e in Equity.EquityReport.Compute(new Allocation.AllocationProblem(scenario), null, false, 0))
                h.Append(
                    CultureInfo.InvariantCulture,
                    $"<tr><td>{E(e.Level)}</td><td>{E(e.Area)}</td><td>{e.Stage.Name()}</td><td class=n>{e.Centres}</td><td class=n>{e.Compensatory}</td><td class=n>{Equity.EquityReport.F(e.Dissimilarity)} ({Equity.EquityReport.F(e.DissimilarityLow)}–{Equity.EquityReport.F(e.DissimilarityHigh)})</td><td class=n>{Equity.EquityReport.F(e.Isolation)}</td><td class=n>{Equity.EquityReport.F(e.Gini)}</td><td class=n>{e.AbovePriority}</td><td>{E(e.Warning)}</td></tr>"
                );
            h.Append("</table>");
        }
        var changes = Changes().ToList();
        if (other is not null)
        {
            h.Append(
                CultureInfo.InvariantCulture,
                $"<h2>Changes against the other plan ({changes.Count})</h2><table><tr><th>centre</th><th>resource</th><th>other allocated</th><th>this allocated</th><th>entitled</th></tr>"
            );
            foreach (var c in changes)
                h.Append(
                    CultureInfo.InvariantCulture,
                    $"<tr><td><a href=\"#c-{E(c.Code)}\">{E(c.Code)}</a></td><td>{E(c.Resource)}</td><td class=n>{c.BaseAllocated}</td><td class=n>{c.Allocated}</td><td class=n>{c.Entitled}</td></tr>"
                );
            h.Append("</table>");
        }
        h.Append(
            "<h2>Centres</h2><p class=muted>Click a centre for its lines, shortfall reasons and, with the scenario, the full trace of the rules.</p>"
        );
        foreach (var g in plan.Lines.GroupBy(l => l.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var c = scenario?.Find(g.Key);
            var shortfall = g.Where(l => l.Funding == Funding.Pool).Sum(l => l.Shortfall);
            h.Append(
                CultureInfo.InvariantCulture,
                $"<details id=\"c-{E(g.Key)}\"><summary>{E(g.Key)} {E(c?.Name)} {(c is null ? "" : $"<span class=muted>{E(c.Kind)}, {E(c.Locality)}</span>")} {(shortfall > 0 ? $"— shortfall {shortfall}" : "")}</summary>"
            );
            h.Append(
                "<table><tr><th>resource</th><th>entitled</th><th>allocated</th><th>rules</th><th>funding</th><th>reason</th></tr>"
            );
            foreach (var l in g)
                h.Append(
                    CultureInfo.InvariantCulture,
                    $"<tr{(l.Shortfall > 0 ? " class=short" : "")}><td>{l.Resource.Name()}</td><td class=n>{l.Entitled}</td><td class=n>{l.Allocated}</td><td>{E(l.Rules)}</td><td>{l.Funding.Name()}</td><td>{E(l.Reason)}</td></tr>"
                );
            h.Append("</table>");
            if (c is not null)
            {
                h.Append("<table><tr><th>rule</th><th>instruction</th><th>applied</th><th>because</th></tr>");
                foreach (var t in RuleBook.Trace(c, scenario!.Policy))
                    h.Append(
                        CultureInfo.InvariantCulture,
                        $"<tr><td>{t.Rule}</td><td>{E(t.Instruction)}</td><td>{(t.Applied ? "yes" : "no")}</td><td>{E(t.Because)}</td></tr>"
                    );
                h.Append("</table>");
            }
            h.Append("</details>");
        }
        h.Append(
            "<h2>Itinerant teachers</h2><table><tr><th>teacher</th><th>stage</th><th>centres</th><th>days</th></tr>"
        );
        foreach (var t in plan.Itinerants)
            h.Append(
                CultureInfo.InvariantCulture,
                $"<tr><td>{E(t.Teacher)}</td><td>{t.Stage.Name()}</td><td>{string.Join(", ", t.Centres.Select(x => $"<a href=\"#c-{E(x)}\">{E(x)}</a>"))}</td><td>{string.Join(" + ", t.Days)}</td></tr>"
            );
        h.Append("</table>");
        if (plan.Schedule is { Count: > 0 } week)
        {
            h.Append(
                "<h2>EOEP week</h2><table><tr><th>team</th><th>person</th><th>role</th><th>monday</th><th>tuesday</th><th>wednesday</th><th>thursday</th><th>friday</th></tr>"
            );
            foreach (var p in week.GroupBy(r => (r.Eoep, r.Person, r.Role)))
                h.Append(
                    CultureInfo.InvariantCulture,
                    $"<tr><td>{E(p.Key.Eoep)}</td><td>{E(p.Key.Person)}</td><td>{E(p.Key.Role)}</td>{string.Concat(Enumerable.Range(0, 5).Select(d => $"<td>{E(p.FirstOrDefault(r => r.Weekday == d)?.Centre ?? (p.Any(r => r.Weekday == d) ? "reserved" : ""))}</td>"))}</tr>"
                );
            h.Append("</table>");
        }
        h.Append(
            "<h2>Indicators</h2><table><tr><th>centre</th><th>stage</th><th>compensatory</th><th>groups needed</th><th>support hours per pupil</th><th>flag</th><th>SAI referral</th></tr>"
        );
        foreach (var i in indicators)
            h.Append(
                CultureInfo.InvariantCulture,
                $"<tr><td>{E(i.Code)}</td><td>{E(i.Stage.Name())}</td><td class=n>{i.Compensatory}</td><td class=n>{i.GroupsNeeded}</td><td class=n>{E(StageIndicators.Hours(i.SupportHoursPerPupil))}</td><td>{E(i.Flag)}</td><td>{(i.SaiReferral ? "true" : "false")}</td></tr>"
            );
        h.Append("</table></body></html>\n");
        AtomicFolder.WriteFile(path, tmp => File.WriteAllText(tmp, h.ToString()));
    }

    public void Xlsx(string path)
    {
        static object Text(string s) => CsvFile.Escape(s);
        var sheets = new Dictionary<string, object>
        {
            ["areas"] = AreaRows()
                .Select(a => new Dictionary<string, object>
                {
                    ["area"] = Text(a.Area),
                    ["funding"] = a.Funding,
                    ["resource"] = a.Resource,
                    ["entitled"] = a.Entitled,
                    ["allocated"] = a.Allocated,
                    ["shortfall"] = a.Shortfall,
                    ["cost"] = a.Cost,
                })
                .ToList(),
            ["plan"] = plan
                .Lines.Select(l => new Dictionary<string, object>
                {
                    ["code"] = Text(l.Code),
                    ["name"] = Text(scenario?.Find(l.Code)?.Name ?? ""),
                    ["resource"] = l.Resource.Name(),
                    ["entitled"] = l.Entitled,
                    ["allocated"] = l.Allocated,
                    ["shortfall"] = l.Shortfall,
                    ["rules"] = l.Rules,
                    ["funding"] = l.Funding.Name(),
                    ["reason"] = Text(l.Reason),
                })
                .ToList(),
            ["itinerants"] = plan
                .Itinerants.Select(t => new Dictionary<string, object>
                {
                    ["teacher"] = Text(t.Teacher),
                    ["stage"] = t.Stage.Name(),
                    ["centres"] = Text(string.Join(" ", t.Centres)),
                    ["days"] = string.Join("+", t.Days),
                })
                .ToList(),
            ["indicators"] = indicators
                .Select(i => new Dictionary<string, object>
                {
                    ["code"] = Text(i.Code),
                    ["stage"] = i.Stage.Name(),
                    ["compensatory"] = i.Compensatory,
                    ["groups_needed"] = i.GroupsNeeded,
                    ["support_hours_per_pupil"] = i.SupportHoursPerPupil,
                    ["flag"] = i.Flag,
                    ["sai_referral"] = i.SaiReferral ? "true" : "false",
                })
                .ToList(),
        };
        if (plan.Schedule is { } week)
            sheets["eoep-schedule"] = week.Select(r => new Dictionary<string, object>
                {
                    ["eoep"] = Text(r.Eoep),
                    ["person"] = Text(r.Person),
                    ["role"] = r.Role,
                    ["weekday"] = Vocabulary.Weekdays[r.Weekday],
                    ["centre"] = Text(r.Centre ?? ""),
                })
                .ToList();
        if (other is not null)
            sheets["compare"] = Changes()
                .Select(c => new Dictionary<string, object>
                {
                    ["code"] = Text(c.Code),
                    ["resource"] = c.Resource,
                    ["other_allocated"] = c.BaseAllocated,
                    ["allocated"] = c.Allocated,
                    ["entitled"] = c.Entitled,
                })
                .ToList();
        AtomicFolder.WriteFile(
            path,
            tmp =>
            {
                using var stream = File.Create(tmp);
                stream.SaveAs(
                    sheets,
                    excelType: ExcelType.XLSX,
                    configuration: new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true }
                );
            }
        );
    }
}
