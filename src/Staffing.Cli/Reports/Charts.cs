using ScottPlot;
using Staffing.WhatIf;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Reports;

/// <summary>The PNG charts of the what-if commands and the report (ScottPlot, rendered off-screen).</summary>
internal static class Charts
{
    public const int Width = 900,
        Height = 520;

    /// <summary>
    /// One panel per unit kind (entitled, allocated, shortfall across the sweep) and one for the cost, its axis from
    /// zero; legends beside the panels, off the lines.
    /// </summary>
    public static byte[] Sweep(string name, IReadOnlyList<SweepPoint> points)
    {
        var xs = points.Select(p => (double)p.Value).ToArray();
        var kinds = Units
            .Kinds.Where(k => points.Any(p => p.Totals.Any(t => t.Resource.Unit() == k && t.Entitled > 0)))
            .Select(k => (Unit: k, Label: Units.Label(k)))
            .ToList();
        var mp = new Multiplot();
        mp.AddPlots(kinds.Count + 1);
        mp.Layout = new ScottPlot.MultiplotLayouts.Grid(rows: kinds.Count + 1, columns: 1);
        for (var i = 0; i < kinds.Count; i++)
        {
            var plt = mp.GetPlot(i);
            ReaderTicks(plt, bottom: true);
            var (unit, label) = kinds[i];
            double[] Sum(Func<Total, double> f) =>
                [.. points.Select(p => p.Totals.Where(t => t.Resource.Unit() == unit).Sum(f))];
            plt.Add.Scatter(xs, Sum(t => t.Entitled)).LegendText = Columns.Label("entitled");
            plt.Add.Scatter(xs, Sum(t => t.Allocated)).LegendText = Columns.Label("allocated");
            plt.Add.Scatter(xs, Sum(t => t.Shortfall)).LegendText = Columns.Label("shortfall");
            plt.Title(i == 0 ? Say.Format(Texts.ChartSweepTitle, name, label) : label);
            plt.YLabel(Units.Short(unit));
            plt.Axes.SetLimitsY(
                0,
                Math.Max(
                    1,
                    points.Max(p => p.Totals.Where(t => t.Resource.Unit() == unit).Sum(t => (double)t.Entitled))
                ) * 1.1
            );
            plt.ShowLegend(Edge.Right);
        }
        var cost = mp.GetPlot(kinds.Count);
        ReaderTicks(cost, bottom: true);
        var euros = points.Select(p => (double)p.Totals.Sum(t => t.Cost) / 1_000_000).ToArray();
        cost.Add.Scatter(xs, euros).LegendText = Texts.ChartCostAllocated;
        cost
            .Add.Scatter(xs, [.. points.Select(p => (double)p.Totals.Sum(t => t.EntitledCost) / 1_000_000)])
            .LegendText = Texts.ChartCostEntitlement;
        cost.Title(Texts.ChartCostTitle);
        cost.YLabel(Texts.ChartMillionsAYear);
        cost.XLabel(name);
        cost.Axes.SetLimitsY(
            0,
            Math.Max(0.1, points.Max(p => (double)p.Totals.Sum(t => t.EntitledCost) / 1_000_000)) * 1.1
        );
        cost.ShowLegend(Edge.Right);
        return mp.Render(Width, 260 * (kinds.Count + 1)).GetImageBytes(ImageFormat.Png);
    }

    /// <summary>
    /// Next year's need per area, one panel per resource: areas are categories, each a bar at the median with
    /// whiskers from P10 to P90, and this year's pool where one is given.
    /// </summary>
    /// <remarks>An itinerant pool counts teachers: drawn as the shares they serve (teachers × <paramref name="itinerantShare"/>).</remarks>
    public static byte[] Fan(
        IReadOnlyList<AreaOutlook> areas,
        IReadOnlyDictionary<(string, Domain.Resource), int> pools,
        int itinerantShare
    )
    {
        var resources = areas.Select(a => a.Resource).Distinct().Order().ToList();
        var mp = new Multiplot();
        mp.AddPlots(Math.Max(1, resources.Count));
        mp.Layout = new ScottPlot.MultiplotLayouts.Grid(rows: Math.Max(1, resources.Count), columns: 1);
        for (var i = 0; i < resources.Count; i++)
        {
            var plt = mp.GetPlot(i);
            ReaderTicks(plt, bottom: false);
            var resource = resources[i];
            var rows = areas.Where(a => a.Resource == resource).ToList();
            var xs = rows.Select((_, k) => (double)k).ToArray();
            var bars = plt.Add.Bars(xs, [.. rows.Select(r => r.NeedP50)]);
            bars.LegendText = Texts.ChartNeedMedian;
            foreach (var b in bars.Bars)
                b.Size = 0.5;
            for (var k = 0; k < rows.Count; k++)
            {
                var whisker = plt.Add.Line(k, rows[k].NeedP10, k, rows[k].NeedP90);
                whisker.LineWidth = 2;
                whisker.Color = Colors.Black;
                foreach (var y in new[] { rows[k].NeedP10, rows[k].NeedP90 })
                    plt.Add.Line(k - 0.12, y, k + 0.12, y).Color = Colors.Black;
            }
            var perUnit = resource.IsItinerant() ? itinerantShare : 1;
            var pooled = rows.Select(r =>
                    pools.TryGetValue((r.Area, resource), out var n) ? (double?)n * perUnit : null
                )
                .ToList();
            if (pooled.All(p => p is not null))
            {
                var pool = plt.Add.Scatter(xs, [.. pooled.Select(p => p!.Value)]);
                pool.LineWidth = 0;
                pool.MarkerSize = 10;
                pool.MarkerShape = MarkerShape.FilledDiamond;
                pool.Color = Colors.OrangeRed;
                pool.LegendText = resource.IsItinerant() ? Texts.ChartPoolTeachers : Texts.ChartPool;
            }
            plt.Axes.Bottom.SetTicks(xs, [.. rows.Select(r => r.Area)]);
            plt.Axes.Margins(bottom: 0);
            plt.Title(Say.Format(Texts.ChartFanTitle, Words.Of(resource)));
            plt.YLabel(Units.Short(Domain.Vocabulary.Unit(resource)));
            plt.ShowLegend(Edge.Right);
        }
        return mp.Render(Width, 240 * Math.Max(1, resources.Count)).GetImageBytes(ImageFormat.Png);
    }

    /// <summary>Entitled beside allocated per area, one panel per unit kind (posts, EOEP days, itinerant shares).</summary>
    public static byte[] Areas(IReadOnlyList<Total> totals)
    {
        var kinds = Units
            .Kinds.Where(k => totals.Any(t => t.Resource.Unit() == k && t.Entitled > 0))
            .Select(k => (Unit: k, Label: Units.Label(k)))
            .ToList();
        var mp = new Multiplot();
        mp.AddPlots(Math.Max(1, kinds.Count));
        mp.Layout = new ScottPlot.MultiplotLayouts.Grid(rows: Math.Max(1, kinds.Count), columns: 1);
        for (var i = 0; i < kinds.Count; i++)
        {
            var plt = mp.GetPlot(i);
            ReaderTicks(plt, bottom: false);
            var (unit, label) = kinds[i];
            var rows = totals
                .Where(t => t.Resource.Unit() == unit)
                .GroupBy(t => t.Area)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToList();
            var xs = rows.Select((_, k) => (double)k).ToArray();
            var entitled = plt.Add.Bars(
                xs.Select(x => x - 0.2).ToArray(),
                [.. rows.Select(g => (double)g.Sum(t => t.Entitled))]
            );
            entitled.LegendText = Columns.Label("entitled");
            foreach (var b in entitled.Bars)
                b.Size = 0.4;
            var allocated = plt.Add.Bars(
                xs.Select(x => x + 0.2).ToArray(),
                [.. rows.Select(g => (double)g.Sum(t => t.Allocated))]
            );
            allocated.LegendText = Columns.Label("allocated");
            foreach (var b in allocated.Bars)
                b.Size = 0.4;
            plt.Axes.Bottom.SetTicks(xs, [.. rows.Select(g => g.Key)]);
            plt.Axes.Margins(bottom: 0);
            plt.Title(i == 0 ? Say.Format(Texts.ChartAreasTitle, label) : label);
            plt.YLabel(Units.Short(unit));
            plt.ShowLegend(Edge.Right);
        }
        return mp.Render(Width, 240 * Math.Max(1, kinds.Count)).GetImageBytes(ImageFormat.Png);
    }

    /// <summary>Centres by compensatory share, sorted, with the preferred-action line.</summary>
    public static byte[] Shares(IReadOnlyList<double> shares, double threshold)
    {
        var plt = new Plot();
        ReaderTicks(plt, bottom: true);
        var sorted = shares.Order().ToArray();
        plt
            .Add.Scatter(
                Enumerable.Range(0, sorted.Length).Select(i => (double)i).ToArray(),
                [.. sorted.Select(s => s * 100)]
            )
            .LegendText = Texts.ChartSharesLegend;
        var line = plt.Add.HorizontalLine(threshold * 100);
        line.LegendText = Say.Format(Texts.ChartSharesLine, Figures.Number(threshold * 100, Figures.Current, 1), Staffing.Rules.PPriority.Id);
        plt.Title(Texts.ChartSharesTitle);
        plt.XLabel(Texts.ChartSharesX);
        plt.YLabel(Texts.ChartSharesY);
        plt.ShowLegend(Alignment.UpperLeft);
        return plt.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>The axes' numbers as the reader writes them ("0,25", "1.845.000"): the one formatter of every layer.</summary>
    private static void ReaderTicks(Plot plt, bool bottom)
    {
        static string Label(double v) => Figures.Number(v, Figures.Current, 3);
        plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Label };
        if (bottom)
            plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Label };
    }
}
