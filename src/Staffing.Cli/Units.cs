namespace Staffing.Cli;

/// <summary>
/// Amounts as people read them, each unit kind in its own words: posts, days a week and itinerant shares are never
/// added into one number. One place for every command, the report and the charts.
/// </summary>
public static class Units
{
    /// <summary>The unit kinds in their reading order.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["posts", "days a week", "shares"];

    /// <summary>A unit kind's name in the plural ("EOEP days a week", "itinerant shares", "posts").</summary>
    public static string Label(string unit) =>
        unit switch
        {
            "shares" => "itinerant shares",
            "days a week" => "EOEP days a week",
            _ => unit,
        };

    private static string Singular(string unit) =>
        unit switch
        {
            "shares" => "itinerant share",
            "days a week" => "EOEP day a week",
            _ => unit.TrimEnd('s'),
        };

    /// <summary>An amount with its unit ("38 itinerant shares", "1 EOEP day a week", "2 posts").</summary>
    public static string Amount(int amount, string unit) =>
        amount == 1
            ? "1 " + Singular(unit)
            : $"{amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Label(unit)}";

    /// <summary>A count with its noun in the singular for 1, else the plural ("1 plan row", "2 plan rows").</summary>
    public static string Count(long n, string noun) =>
        n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : noun + "s");

    /// <summary>The pool shortfall of some lines by unit kind ("20 EOEP days a week, 18 posts"), or "none".</summary>
    public static string Shortfall(IEnumerable<(Resource Resource, Funding Funding, int Shortfall)> lines)
    {
        var parts = lines
            .Where(l => l.Funding == Funding.Pool && l.Shortfall > 0)
            .GroupBy(l => l.Resource.Unit())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Amount(g.Sum(l => l.Shortfall), g.Key))
            .ToList();
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}
