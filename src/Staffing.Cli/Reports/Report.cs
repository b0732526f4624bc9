using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Staffing.Domain;
using Staffing.Io;
using Staffing.Rules;
using Staffing.WhatIf;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Reports;

/// <summary>A plan folder as a page people read (self-contained HTML) or a workbook planners live in (XLSX).</summary>
internal sealed class Report
{
    private readonly PlanFiles plan;
    private readonly PlanSummary summary;
    private readonly IReadOnlyList<IndicatorCsvRow> indicators;
    private readonly Scenario? scenario;
    private readonly PlanFiles? other;

    /// <summary>The scenario's concentration indices: the same in both languages' bodies, computed once.</summary>
    private readonly Lazy<IReadOnlyList<Equity.EquityRow>> equity;

    private readonly ReportLayout layout;

    public Report(string planDir, Scenario? scenario, string? compareDir, ReportLayout? layout = null)
    {
        this.layout = layout ?? ReportLayout.Default;
        plan = PlanReader.Read(planDir, Explain.Knows, Tables.ReadBack);
        summary = PlanReader.ReadSummary(planDir);
        indicators = PlanReader.ReadIndicators(planDir, Tables.ReadBack);
        this.scenario = scenario;
        other = compareDir is null ? null : PlanReader.Read(compareDir, Explain.Knows, Tables.ReadBack);
        equity = new(() =>
            scenario is null ? [] : Equity.EquityReport.Compute(new Allocation.AllocationProblem(scenario), null, false, 0)
        );
    }

    /// <summary>The areas' totals of summary.json, pool then agreement.</summary>
    private IEnumerable<ReportArea> AreaRows()
    {
        foreach (var (funding, areas) in new[] { ("pool", summary.Areas), ("agreement", summary.Agreement) })
        foreach (var (area, resources) in areas)
        foreach (var (resource, t) in resources)
            yield return new ReportArea(area, funding, resource, t.Entitled, t.Allocated, t.Shortfall, t.Cost);
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

    /// <summary>
    /// The page: the report in the reader's language, then in the other one, behind a switch. A region of more than
    /// <see cref="ReportLayout.OnePageCentres"/> centres is an index (everything but the centres) and, in a folder
    /// beside it named after it ("report-pages"), a page per area of at most <see cref="ReportLayout.CentresPerPage"/>
    /// centres with their rows, traces and indicators: every page opens at once, no script needed.
    /// </summary>
    public void Html(AtomicFolder.Target target)
    {
        var paging = Paging(Path.GetFileNameWithoutExtension(target.Path) + "-pages");
        if (paging is not null)
            AtomicFolder.Write(
                target with { Path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target.Path))!, paging.Folder) },
                tmp => Pages(paging, "../" + Path.GetFileName(target.Path), tmp, target.Cancel)
            );
        var html = Bilingual(() => HtmlTemplate.Render<ReportPage>(new Dictionary<string, object?> { ["Model"] = Model(paging) }));
        AtomicFolder.WriteFile(target, tmp => File.WriteAllText(tmp, html));
    }

    /// <summary>A page holding a body rendered in each language, the reader's first, behind a switch.</summary>
    private static string Bilingual(Func<string> body)
    {
        var bodies = new List<(string, Microsoft.AspNetCore.Components.MarkupString)>();
        foreach (var language in Language.Supported.OrderBy(l => l == Language.Current ? 0 : 1))
            using (Language.Use(language))
                bodies.Add((language, new Microsoft.AspNetCore.Components.MarkupString(body())));
        return HtmlTemplate.Render<ReportDocument>(
            new Dictionary<string, object?> { ["Bodies"] = bodies, ["Title"] = Texts.ReportTitle }
        );
    }

    /// <summary>The centres by page (an area, or a part of it, in code order); null when the region fits one page.</summary>
    private ReportPaging? Paging(string folder)
    {
        var codes = plan.Lines.Select(l => l.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        if (codes.Count <= layout.OnePageCentres)
            return null;
        var shortfall = plan.Lines.Where(l => l.Funding == Funding.Pool && l.Shortfall > 0).ToLookup(l => l.Code, StringComparer.Ordinal);
        var pages = new List<ReportPageLink>();
        foreach (var area in codes.GroupBy(c => scenario?.Find(c)?.Area ?? "").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var parts = area.Chunk(layout.CentresPerPage).ToList();
            for (var i = 0; i < parts.Count; i++)
                pages.Add(
                    new ReportPageLink(
                        $"{folder}/{pages.Count + 1:000}.html",
                        area.Key.Length > 0 ? area.Key : $"{parts[i][0]}–{parts[i][^1]}",
                        i + 1,
                        area.Key.Length > 0 ? parts.Count : 1,
                        parts[i],
                        [.. parts[i].SelectMany(c => shortfall[c])]
                    )
                );
        }
        return new ReportPaging(
            folder,
            pages,
            pages.SelectMany(p => p.Centres.Select(c => (c, p.File))).ToDictionary(x => x.c, x => x.File, StringComparer.Ordinal)
        );
    }

    /// <summary>Each page of a large region's centres, written side by side.</summary>
    private void Pages(ReportPaging paging, string index, string folder, CancellationToken cancel)
    {
        var lines = plan.Lines.ToLookup(l => l.Code, StringComparer.Ordinal);
        var indicatorsOf = indicators.ToLookup(i => i.Code, StringComparer.Ordinal);
        Parallel.ForEach(
            paging.Pages,
            new ParallelOptions { CancellationToken = cancel },
            page =>
            {
                var centres = page.Centres.Select(c => Centre(c, lines[c], trace: true)).ToList();
                var html = Bilingual(() =>
                    HtmlTemplate.Render<ReportCentresPage>(
                        new Dictionary<string, object?>
                        {
                            ["Page"] = page,
                            ["Centres"] = centres,
                            ["Indicators"] = page.Centres.SelectMany(c => indicatorsOf[c]).ToList(),
                            ["Index"] = index,
                        }
                    )
                );
                File.WriteAllText(Path.Combine(folder, Path.GetFileName(page.File)), html);
            }
        );
    }

    /// <summary>A centre as the report shows it; its trace of the rules with the scenario, when asked.</summary>
    private ReportCentre Centre(string code, IEnumerable<PlanRow> lines, bool trace)
    {
        var c = scenario?.Find(code);
        var rows = lines.ToList();
        return new ReportCentre(
            code,
            c,
            rows.Where(l => l.Funding == Funding.Pool).Sum(l => l.Shortfall),
            rows,
            trace && c is not null ? RuleBook.Trace(c, scenario!.Policy) : null
        );
    }

    /// <summary>What the page shows, its charts and traces in the current language.</summary>
    private ReportModel Model(ReportPaging? paging)
    {
        var areas = AreaRows().ToList();
        var totals = areas
            .Where(a => Vocabulary.TryParseResource(a.Resource, out _))
            .Select(a =>
            {
                Vocabulary.TryParseResource(a.Resource, out var r);
                return new Total(a.Area, r, a.Entitled, a.Allocated, a.Cost);
            })
            .ToList();
        ReportConcentration? concentration = null;
        if (scenario is not null)
        {
            var shares = scenario
                .Centres.Where(c => c.Kind.TeachesPrimary() && c.PrimaryPupils > 0)
                .Select(c => (double)c.PrimaryComp / c.PrimaryPupils)
                .ToList();
            concentration = new ReportConcentration(
                Charts.Shares(shares, (double)scenario.Policy.PriorityThreshold),
                equity.Value
            );
        }
        // With pages, the index names the centres; their traces are on the pages.
        var centres = plan
            .Lines.GroupBy(l => l.Code)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Centre(g.Key, g, trace: paging is null))
            .ToList();
        var week = (plan.Schedule ?? [])
            .GroupBy(r => (r.Eoep, r.Person, r.Role))
            .Select(p => new ReportPerson(
                p.Key.Eoep,
                p.Key.Person,
                p.Key.Role,
                [
                    .. Enumerable
                        .Range(0, Vocabulary.Weekdays.Length)
                        .Select(d =>
                            p.FirstOrDefault(r => r.Weekday == d)?.Centre
                            ?? (p.Any(r => r.Weekday == d) ? ReportPerson.Reserved : "")
                        ),
                ]
            ))
            .ToList();
        return new ReportModel(
            summary,
            areas,
            Charts.Areas(totals),
            concentration,
            other is null
                ? null
                :
                [
                    .. Changes()
                        .Select(c => new ReportChange(c.Code, c.Resource, c.BaseAllocated, c.Allocated, c.Entitled)),
                ],
            centres,
            plan.Itinerants,
            week,
            indicators,
            (scenario?.Teams ?? [])
                .Where(t => t.Name is not null)
                .ToDictionary(t => t.Code, t => t.Name!, StringComparer.Ordinal),
            paging
        );
    }

    /// <summary>The workbook in the reader's language: headers and words for the vocabulary, codes kept.</summary>
    public void Xlsx(AtomicFolder.Target target)
    {
        // Every text cell is stored as a string cell (never a formula), so no apostrophe guard is needed, or shown.
        static Dictionary<string, object> Row(params (string Column, object Value)[] cells) =>
            cells.ToDictionary(c => c.Column, c => c.Value, StringComparer.Ordinal);
        var sheets = new Dictionary<string, List<Dictionary<string, object>>>
        {
            [Texts.SheetAreas] = AreaRows()
                .Select(a =>
                    Row(
                        ("area", a.Area),
                        ("funding", Words.Of(a.Funding)),
                        ("resource", Words.Of(a.Resource)),
                        ("entitled", a.Entitled),
                        ("allocated", a.Allocated),
                        ("shortfall", a.Shortfall),
                        ("cost", a.Cost)
                    )
                )
                .ToList(),
            [Texts.SheetPlan] = plan
                .Lines.Select(l =>
                    Row(
                        ("code", l.Code),
                        ("name", scenario?.Find(l.Code)?.Name ?? ""),
                        ("resource", Words.Of(l.Resource)),
                        ("entitled", l.Entitled),
                        ("allocated", l.Allocated),
                        ("shortfall", l.Shortfall),
                        ("rules", l.Rules),
                        ("funding", Words.Of(l.Funding)),
                        ("reason", Explain.Read(l.Reason))
                    )
                )
                .ToList(),
            [Texts.SheetItinerants] = plan
                .Itinerants.Select(t =>
                    Row(
                        ("teacher", t.Teacher),
                        ("stage", Words.Of(t.Stage)),
                        ("centres", string.Join(" ", t.Centres)),
                        ("days", string.Join("+", t.Days))
                    )
                )
                .ToList(),
            [Texts.SheetIndicators] = indicators
                .Select(i =>
                    Row(
                        ("code", i.Code),
                        ("stage", Words.Of(i.Stage)),
                        ("compensatory", i.Compensatory),
                        ("groups_needed", i.GroupsNeeded),
                        ("support_hours_per_pupil", i.SupportHoursPerPupil),
                        ("flag", i.Flag),
                        ("sai_referral", Words.YesNo(i.SaiReferral))
                    )
                )
                .ToList(),
        };
        if (plan.Schedule is { } week)
            sheets[Texts.SheetEoepSchedule] = week.Select(r =>
                    Row(
                        ("eoep", r.Eoep),
                        ("person", r.Person),
                        ("role", Words.Role(r.Role)),
                        ("weekday", Words.Weekday(r.Weekday)),
                        ("centre", r.Centre ?? ""),
                        ("centre_name", r.Centre is { } c ? scenario?.Find(c)?.Name ?? "" : "")
                    )
                )
                .ToList();
        if (other is not null)
            sheets[Texts.SheetCompare] = Changes()
                .Select(c =>
                    Row(
                        ("code", c.Code),
                        ("resource", Words.Of(c.Resource)),
                        ("base_allocated", c.BaseAllocated),
                        ("allocated", c.Allocated),
                        ("entitled", c.Entitled)
                    )
                )
                .ToList();
        AtomicFolder.WriteFile(
            target,
            tmp =>
            {
                using var stream = File.Create(tmp);
                Tables.Save(stream, sheets);
            }
        );
    }
}
