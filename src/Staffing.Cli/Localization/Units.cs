namespace Staffing.Cli.Localization;

/// <summary>
/// Amounts as people read them, each unit kind in its own words: posts, days a week and itinerant shares are never
/// added into one number. One place for every command, the report and the charts.
/// </summary>
internal static class Units
{
    /// <summary>The unit kinds in their reading order.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["posts", "days a week", "shares"];

    /// <summary>A unit kind's name in the plural ("EOEP days a week", "itinerant shares", "posts").</summary>
    public static string Label(string unit) => Words.Of(unit);

    /// <summary>A unit kind in few words ("shares", "days a week"), for a chart's axis or a table's cell.</summary>
    public static string Short(string unit) =>
        unit switch
        {
            "shares" => Texts.ChartAxisShares,
            "days a week" => Texts.ChartAxisDays,
            _ => Texts.ChartAxisPosts,
        };

    /// <summary>An amount with its unit ("38 itinerant shares", "1 EOEP day a week", "2 posts").</summary>
    public static string Amount(int amount, string unit) =>
        unit switch
        {
            "shares" => Say.Count(amount, Texts.AmountShare, Texts.AmountShares),
            "days a week" => Say.Count(amount, Texts.AmountDay, Texts.AmountDays),
            _ => Say.Count(amount, Texts.AmountPost, Texts.AmountPosts),
        };

    /// <summary>The pool shortfall of some lines by unit kind ("20 EOEP days a week, 18 posts"), or "none".</summary>
    public static string Shortfall(IEnumerable<(Resource Resource, Funding Funding, int Shortfall)> lines)
    {
        var parts = lines
            .Where(l => l.Funding == Funding.Pool && l.Shortfall > 0)
            .GroupBy(l => l.Resource.Unit())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Amount(g.Sum(l => l.Shortfall), g.Key))
            .ToList();
        return parts.Count == 0 ? Texts.ShortfallNone : string.Join(", ", parts);
    }
}
