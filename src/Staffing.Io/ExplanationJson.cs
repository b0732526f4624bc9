using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Staffing.Io;

/// <summary>
/// An <see cref="Explanation"/> as compact JSON, the form it travels in beside its English words (a plan's
/// <c>reason_json</c> column, a stored run's line), so that whoever reads it back words it in any language:
/// <c>{"k":"ReasonPoolShortBy","a":["Madrid-Sur",{"r":"primary_support"},70,{"d":"11.76"},{"p":["25.5",1,3]},{"k":…}]}</c>.
/// Names are strings, counts integers; decimals, shares and the vocabulary's values are tagged objects.
/// </summary>
public static class ExplanationJson
{
    public static string Write(Explanation e)
    {
        if (e.IsNone)
            return "";
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
            Write(w, e);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, Explanation e)
    {
        w.WriteStartObject();
        w.WriteString("k", e.Key);
        if (e.Args.Length > 0)
        {
            w.WriteStartArray("a");
            foreach (var a in e.Args)
                WriteArgument(w, a);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteArgument(Utf8JsonWriter w, object a)
    {
        switch (a)
        {
            case Explanation nested:
                Write(w, nested);
                return;
            case string s:
                w.WriteStringValue(s);
                return;
            case long n:
                w.WriteNumberValue(n);
                return;
            case decimal d:
                w.WriteStartObject();
                w.WriteString("d", d.ToString(CultureInfo.InvariantCulture));
                w.WriteEndObject();
                return;
            case Share s:
                w.WriteStartObject();
                w.WriteStartArray("p");
                w.WriteStringValue(s.Percent.ToString(CultureInfo.InvariantCulture));
                w.WriteNumberValue(s.MinDecimals);
                w.WriteNumberValue(s.MaxDecimals);
                w.WriteEndArray();
                w.WriteEndObject();
                return;
            case Enum value:
                w.WriteStartObject();
                w.WriteString(Tag(value), Wording.Code(value));
                w.WriteEndObject();
                return;
            default:
                throw new ArgumentException($"cannot store {a.GetType().Name}");
        }
    }

    private static string Tag(Enum value) =>
        value switch
        {
            Resource => "r",
            Stage => "s",
            Funding => "f",
            Rounding => "o",
            Weekday => "w",
            _ => throw new ArgumentException($"cannot store {value.GetType().Name}"),
        };

    /// <summary>The explanation a cell holds, or null when it is not one this program wrote (empty is none).</summary>
    public static Explanation? Read(string json)
    {
        if (json.Length == 0)
            return Explanation.None;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return Read(doc.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException or OverflowException)
        {
            return null;
        }
    }

    private static Explanation Read(JsonElement e)
    {
        var key = e.GetProperty("k").GetString() ?? throw new FormatException("no key");
        var args = e.TryGetProperty("a", out var a) ? [.. a.EnumerateArray().Select(ReadArgument)] : Array.Empty<object>();
        return key switch
        {
            Explanation.ClausesKey => Explanation.Clauses([.. args.Cast<Explanation>()]),
            Explanation.ListKey => Explanation.List(args.Cast<Explanation>()),
            Explanation.StoredKey => Explanation.Stored((string)args.Single()),
            _ => Explanation.Of(key, args),
        };
    }

    private static object ReadArgument(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                return e.GetString()!;
            case JsonValueKind.Number:
                return e.GetInt64();
            case JsonValueKind.Object:
                if (e.TryGetProperty("k", out _))
                    return Read(e);
                var tagged = e.EnumerateObject().Single();
                var text = tagged.Value.ValueKind == JsonValueKind.String ? tagged.Value.GetString()! : "";
                return tagged.Name switch
                {
                    "d" => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture),
                    "p" => Share(tagged.Value),
                    "r" when Vocabulary.TryParseResource(text, out var r) => r,
                    "s" => Enum.GetValues<Stage>().Single(s => Wording.Code(s) == text),
                    "f" => Enum.GetValues<Funding>().Single(f => Wording.Code(f) == text),
                    "o" => Enum.GetValues<Rounding>().Single(o => Wording.Code(o) == text),
                    "w" => Enum.GetValues<Weekday>().Single(w => Wording.Code(w) == text),
                    _ => throw new FormatException($"unknown argument {tagged.Name}"),
                };
            default:
                throw new FormatException($"unexpected {e.ValueKind}");
        }
    }

    private static Share Share(JsonElement p)
    {
        var parts = p.EnumerateArray().ToArray();
        return new(
            decimal.Parse(parts[0].GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture),
            parts[1].GetInt32(),
            parts[2].GetInt32()
        );
    }
}
