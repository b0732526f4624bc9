using System.Collections.Immutable;

namespace Staffing.Domain;

/// <summary>
/// A reason, finding or rule's figures as a value: the key of its template in a project's resource file and its
/// typed arguments. Written into words only when someone reads it (<see cref="Wording"/>): in English with codes for
/// the contract's files, in the reader's language and words for people. Arguments are names (<see cref="string"/>),
/// counts (<see cref="long"/>; an <see cref="int"/> is kept as one), figures (<see cref="decimal"/>), <see cref="Share"/>s, values of
/// the vocabulary (<see cref="Resource"/>, <see cref="Stage"/>, <see cref="Funding"/>, <see cref="Rounding"/>,
/// <see cref="Weekday"/>) and nested explanations.
/// </summary>
public sealed record Explanation
{
    public string Key { get; }

    public ImmutableArray<object> Args { get; }

    private Explanation(string key, ImmutableArray<object> args)
    {
        foreach (var a in args)
            if (!IsArgument(a))
                throw new ArgumentException($"{key}: an argument of type {a?.GetType().Name ?? "null"} cannot be worded");
        Key = key;
        Args = args;
    }

    private static bool IsArgument(object? a) =>
        a is string or long or decimal or Share or Resource or Stage or Funding or Rounding or Weekday or Explanation;

    /// <summary>The explanation of template <paramref name="key"/> with its arguments, in the template's order.</summary>
    public static Explanation Of(string key, params object[] args) =>
        new(key, [.. args.Select(a => a is int i ? (long)i : a)]);

    /// <summary>"1 day" or "2 days": the count and the template for one or for many.</summary>
    public static Explanation Count(long n, string one, string many) => Of(n == 1 ? one : many, n);

    /// <summary>No explanation: a plan line without a shortfall.</summary>
    public static readonly Explanation None = new("", []);

    /// <summary>Key of a text kept as it was written (a run stored, or a folder written, before explanations were values).</summary>
    public const string StoredKey = "=";

    /// <summary>A text read back that was never a value: shown as it is in every language.</summary>
    public static Explanation Stored(string text) => text.Length == 0 ? None : new(StoredKey, [text]);

    /// <summary>Clauses read one after the other ("…; …").</summary>
    public const string ClausesKey = ";";

    /// <summary>The explanations joined as clauses, the empty ones left out; one alone is itself.</summary>
    public static Explanation Clauses(params Explanation[] parts)
    {
        var kept = parts.Where(p => !p.IsNone).ToArray();
        return kept.Length switch
        {
            0 => None,
            1 => kept[0],
            _ => new(ClausesKey, [.. kept.Cast<object>()]),
        };
    }

    /// <summary>Items read as a list ("…, …").</summary>
    public const string ListKey = ",";

    /// <summary>The explanations as a list.</summary>
    public static Explanation List(IEnumerable<Explanation> items) => new(ListKey, [.. items.Cast<object>()]);

    public bool IsNone => Key.Length == 0;

    /// <summary>Whether the explanation, or one nested in it, is of template <paramref name="key"/>.</summary>
    public bool Uses(string key) => Key == key || Args.Any(a => a is Explanation e && e.Uses(key));

    public bool Equals(Explanation? other) =>
        other is not null && Key == other.Key && Args.SequenceEqual(other.Args);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Key);
        foreach (var a in Args)
            h.Add(a);
        return h.ToHashCode();
    }
}

/// <summary>A share shown as a percentage: <paramref name="Percent"/> with at least <paramref name="MinDecimals"/> and at most <paramref name="MaxDecimals"/> decimals.</summary>
public readonly record struct Share(decimal Percent, int MinDecimals, int MaxDecimals)
{
    /// <summary>The 25 % line's precision: "25.5%", "38.202%".</summary>
    public static Share Precise(decimal percent) =>
        new(Math.Round(percent, 3, MidpointRounding.AwayFromZero), 1, 3);

    /// <summary>A whole percentage: "80%".</summary>
    public static Share Whole(decimal percent) => new(Math.Round(percent, 0, MidpointRounding.AwayFromZero), 0, 0);

    /// <summary>The number's format: "0.0##", "0".</summary>
    public string Format =>
        (MinDecimals == 0 && MaxDecimals == 0 ? "0" : "0." + new string('0', MinDecimals))
        + new string('#', Math.Max(0, MaxDecimals - MinDecimals));
}

/// <summary>A day of the school week, monday first, as the EOEP week and the itinerants' days count them.</summary>
public enum Weekday
{
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
}
