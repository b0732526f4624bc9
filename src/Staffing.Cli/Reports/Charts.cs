using ScottPlot;
using Staffing.WhatIf;

namespace Staffing.Cli.Reports;

/// <summary>The PNG charts of the what-if commands and the report (ScottPlot, rendered off-screen).</summary>
public static class Charts
{
    public const int Width = 900,
        Height = 520;

    public static byte[] Sweep(string name, IReadOnlyList<SweepPoint> points)
    {
        var plt = new Plot();
        var xs = points.Select(p => (double)p.Value).ToArray();
        double[] Sum(Func<Total, double> f) => [.. points.Select(p => p.Totals.Sum(f))];
        plt.Add.Scatter(xs, Sum(t => t.Entitled)).LegendText = "entitled (posts, days, shares)";
        plt.Add.Scatter(xs, Sum(t => t.Allocated)).LegendText = "allocated";
        plt.Add.Scatter(xs, Sum(t => t.Shortfall)).LegendText = "shortfall";
        var cost = plt.Add.Scatter(xs, Sum(t => (double)t.Cost / 1_000_000));
        cost.LegendText = "cost (M€ a year, right axis)";
        cost.Axes.YAxis = plt.Axes.Right;
        plt.Axes.Right.Label.Text = "M€ a year";
        plt.Title($"Sweep of {name}: region totals");
        plt.XLabel(name);
        plt.YLabel("units");
        plt.ShowLegend(Alignment.UpperLeft);
        return plt.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Per area, the spread of next year's need for the main posts: P10–P90 band, the median, this year's pool.</summary>
    public static byte[] Fan(
        IReadOnlyList<AreaOutlook> areas,
        IReadOnlyDictionary<(string, Domain.Resource), int> pools,
        Domain.Resource resource
    )
    {
        var plt = new Plot();
        var rows = areas.Where(a => a.Resource == resource).ToList();
        var xs = rows.Select((_, i) => (double)i).ToArray();
        if (rows.Count > 0)
        {
            var band = plt.Add.FillY(xs, [.. rows.Select(r => r.NeedP10)], [.. rows.Select(r => r.NeedP90)]);
            band.LegendText = "need, P10 to P90";
            plt.Add.Scatter(xs, [.. rows.Select(r => r.NeedP50)]).LegendText = "need, median";
            var pool = rows.Select(r => (double)pools.GetValueOrDefault((r.Area, resource), -1)).ToArray();
            if (pool.All(p => p >= 0))
                plt.Add.Scatter(xs, pool).LegendText = "this year's pool";
            plt.Axes.Bottom.SetTicks(xs, [.. rows.Select(r => r.Area)]);
        }
        plt.Title($"Next year's {Domain.Vocabulary.Name(resource)} need by area (Monte Carlo)");
        plt.YLabel(Domain.Vocabulary.Unit(resource));
        plt.ShowLegend(Alignment.UpperLeft);
        return plt.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    public static byte[] Areas(IReadOnlyList<Total> totals)
    {
        var plt = new Plot();
        var rows = totals.GroupBy(t => t.Area).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var xs = rows.Select((_, i) => (double)i).ToArray();
        var entitled = plt.Add.Bars(
            xs.Select(x => x - 0.2).ToArray(),
            [.. rows.Select(g => (double)g.Sum(t => t.Entitled))]
        );
        entitled.LegendText = "entitled";
        foreach (var b in entitled.Bars)
            b.Size = 0.4;
        var allocated = plt.Add.Bars(
            xs.Select(x => x + 0.2).ToArray(),
            [.. rows.Select(g => (double)g.Sum(t => t.Allocated))]
        );
        allocated.LegendText = "allocated";
        foreach (var b in allocated.Bars)
            b.Size = 0.4;
        plt.Axes.Bottom.SetTicks(xs, [.. rows.Select(g => g.Key)]);
        plt.Axes.Margins(bottom: 0);
        plt.Title("Entitled and allocated by area (posts, days, shares)");
        plt.ShowLegend(Alignment.UpperRight);
        return plt.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Centres by compensatory share, sorted, with the preferred-action line.</summary>
    public static byte[] Shares(IReadOnlyList<double> shares, double threshold)
    {
        var plt = new Plot();
        var sorted = shares.Order().ToArray();
        plt
            .Add.Scatter(
                Enumerable.Range(0, sorted.Length).Select(i => (double)i).ToArray(),
                [.. sorted.Select(s => s * 100)]
            )
            .LegendText = "centres, by compensatory share";
        var line = plt.Add.HorizontalLine(threshold * 100);
        line.LegendText = $"{threshold * 100:0.#}% line ({Staffing.Rules.PPriority.Id})";
        plt.Title("Primary centres by compensatory share");
        plt.XLabel("centres, sorted");
        plt.YLabel("% compensatory primary pupils");
        plt.ShowLegend(Alignment.UpperLeft);
        return plt.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
