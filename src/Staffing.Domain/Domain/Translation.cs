using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Staffing.Domain;

/// <summary>
/// English texts written into the contract's files (a plan's reasons, audit findings) read back into the
/// interface language: each text is matched against the English templates whose key starts with a prefix, its
/// parts put into the same template of the current language, each part translated in turn when it is such a text
/// itself. Of the templates that match, the one that leaves the fewest characters untranslated wins (a short,
/// loose template must not swallow a longer text); clauses joined by "; " are tried one by one too. A text nothing
/// matches is left as it is.
/// </summary>
public sealed class Translation
{
    /// <remarks><c>Literals</c>: the template's words between its placeholders, each of which a text it matches must hold.</remarks>
    private readonly List<(ResourceManager Texts, string Key, Regex English, string[] Literals)> templates;

    /// <param name="catalogues">Resource files and the prefix of the keys of their translatable texts.</param>
    public Translation(params (ResourceManager Texts, string Prefix)[] catalogues)
    {
        templates =
        [
            .. catalogues
                .SelectMany(c =>
                    (
                        c.Texts.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)
                        ?? throw new InvalidOperationException("no neutral resources")
                    )
                        .Cast<System.Collections.DictionaryEntry>()
                        .Where(e => e.Key is string k && k.StartsWith(c.Prefix, StringComparison.Ordinal))
                        .Select(e => (c.Texts, Key: (string)e.Key, English: (string)e.Value!))
                )
                .OrderByDescending(t => t.English.Length)
                .ThenBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => (t.Texts, t.Key, Pattern(t.English), Literals(t.English))),
        ];
    }

    private static string[] Literals(string template) =>
        [.. Regex.Split(template, @"\{\d+\}").Where(l => l.Length > 0).OrderByDescending(l => l.Length)];

    private static Regex Pattern(string template)
    {
        var parts = Regex.Split(template, @"\{(\d+)\}");
        var pattern = new System.Text.StringBuilder("^");
        for (var i = 0; i < parts.Length; i++)
            pattern.Append(i % 2 == 0 ? Regex.Escape(parts[i]) : $"(?<a{parts[i]}>.+?)");
        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    /// <summary>The text in the current UI culture (itself when that is English or no template matches).</summary>
    public string Translate(string english)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (english.Length == 0 || Language.Of(culture.Name) is null or Language.English)
            return english;
        return Best(english, culture, new Dictionary<string, (string, int)>(StringComparer.Ordinal)).Text;
    }

    /// <summary>The translation that leaves the fewest characters untranslated, and how many it leaves.</summary>
    private (string Text, int Left) Best(string english, CultureInfo culture, Dictionary<string, (string, int)> seen)
    {
        if (seen.TryGetValue(english, out var known))
            return known;
        var best = (Text: english, Left: english.Length);
        foreach (var (texts, key, pattern, literals) in templates)
        {
            // Most templates fail on a word they lack, without running their pattern.
            if (!literals.All(l => english.Contains(l, StringComparison.Ordinal)))
                continue;
            var m = pattern.Match(english);
            if (!m.Success)
                continue;
            var parts = new List<(string Text, int Left)>();
            for (var i = 0; m.Groups[$"a{i}"] is { Success: true } g; i++)
                parts.Add(Best(g.Value, culture, seen));
            var left = parts.Sum(p => p.Left);
            if (left < best.Left)
                best = (Say.Format(texts.GetString(key, culture) ?? key, [.. parts.Select(p => (object?)p.Text)]), left);
        }
        var clauses = english.Split("; ");
        if (clauses.Length > 1)
        {
            var parts = clauses.Select(c => Best(c, culture, seen)).ToList();
            if (parts.Sum(p => p.Left) < best.Left)
                best = (string.Join("; ", parts.Select(p => p.Text)), parts.Sum(p => p.Left));
        }
        seen[english] = best;
        return best;
    }
}
