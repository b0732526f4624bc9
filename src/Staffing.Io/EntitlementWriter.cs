using System.Globalization;
using System.Text;
using System.Text.Json;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Io;

/// <summary>The inspector's view of entitlements: csv and json for tools, text for people.</summary>
public static class EntitlementWriter
{
    public const int Schema = 1;

    public static string Reason(EntitlementLine line, IReadOnlyList<TraceLine> trace) =>
        string.Join("; ", line.Rules.Split(';').Select(id => trace.First(t => t.Rule == id).Because));

    public static void Csv(TextWriter output, Policy.Policy p, IEnumerable<Centre> centres)
    {
        CsvFile.Write(output, centres.SelectMany(c =>
        {
            var e = RuleBook.Entitle(c, p);
            var trace = e.Lines.Length == 0 ? [] : RuleBook.Trace(c, p);
            return e.Lines.OrderBy(l => l.Resource).Select(l => new EntitlementCsvRow(c.Code, l.Resource, l.Entitled, l.Rules, Reason(l, trace)));
        }));
    }

    /// <summary>Every cliff edge of every centre: one compensatory pupil more or fewer changes a number or a status.</summary>
    public static void NearThresholds(TextWriter output, Policy.Policy p, IEnumerable<Centre> centres)
    {
        CsvFile.Write(output, centres.SelectMany(c => CliffEdges.Of(c, p).Select(e =>
            new NearThresholdCsvRow(c.Code, e.Stage, e.Change, e.Resource, e.From, e.To, e.Rule, e.Text))));
    }

    public static void Json(Stream output, Policy.Policy p, IEnumerable<Centre> centres)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteNumber("schema", Schema);
        w.WriteStartArray("centres");
        foreach (var c in centres) Centre(w, p, c);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One centre's object of the versioned schema (also served by the web API).</summary>
    public static void Centre(Utf8JsonWriter w, Policy.Policy p, Centre c)
    {
        var e = RuleBook.Entitle(c, p);
        var trace = RuleBook.Trace(c, p);
        w.WriteStartObject();
        w.WriteString("code", c.Code);
        w.WriteString("name", c.Name);
        w.WriteString("area", c.Area);
        w.WriteString("locality", c.Locality);
        w.WriteString("kind", c.Kind.ToString());
        w.WriteString("ownership", c.Ownership.Name());
        w.WriteBoolean("preferred_action", e.Facts.Priority);
        w.WriteStartArray("resources");
        foreach (var l in e.Lines.OrderBy(l => l.Resource))
        {
            w.WriteStartObject();
            w.WriteString("resource", l.Resource.Name());
            w.WriteNumber("entitled", l.Entitled);
            w.WriteString("rules", l.Rules);
            w.WriteString("funding", l.Funding.Name());
            w.WriteString("reason", Reason(l, trace));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("trace");
        foreach (var t in trace)
        {
            w.WriteStartObject();
            w.WriteString("rule", t.Rule);
            w.WriteString("instruction", t.Instruction);
            w.WriteBoolean("applied", t.Applied);
            w.WriteString("because", t.Because);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("indicators");
        foreach (var stage in new[] { Stage.Primary, Stage.Secondary })
        {
            if (!c.Teaches(stage)) continue;
            var posts = stage == Stage.Primary ? e.Facts.PrimaryPosts + e.Facts.CraPosts : e.Facts.SecondaryPosts;
            var i = StageIndicators.For(c, stage, p, posts, 0);
            w.WriteStartObject(stage.Name());
            w.WriteNumber("pupils", c.Pupils(stage));
            w.WriteNumber("compensatory", i.Compensatory);
            w.WriteNumber("groups_needed", i.GroupsNeeded);
            w.WriteNumber("support_hours_per_pupil", i.SupportHoursPerPupil);
            w.WriteString("flag", i.Flag);
            w.WriteBoolean("sai_referral", i.SaiReferral);
            if (stage == Stage.Secondary)
            {
                w.WriteNumber("specific_groups", i.SpecificGroups);
                w.WriteNumber("ace_groups", i.AceGroups);
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartArray("cliff_edges");
        foreach (var edge in CliffEdges.Of(c, p))
        {
            w.WriteStartObject();
            w.WriteString("stage", edge.Stage.Name());
            w.WriteNumber("change", edge.Change);
            if (edge.Resource is { } r) w.WriteString("resource", r.Name()); else w.WriteNull("resource");
            w.WriteNumber("from", edge.From);
            w.WriteNumber("to", edge.To);
            w.WriteString("rule", edge.Rule);
            w.WriteString("text", edge.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Text(TextWriter o, Policy.Policy p, IEnumerable<Centre> centres)
    {
        var first = true;
        foreach (var c in centres)
        {
            if (!first) o.WriteLine();
            first = false;
            var e = RuleBook.Entitle(c, p);
            var trace = RuleBook.Trace(c, p);
            o.WriteLine($"{c.Code} {c.Name}: {c.Ownership.Name()} {c.Kind}, {c.Locality} ({c.Area})");
            foreach (var stage in new[] { Stage.Primary, Stage.Secondary })
                if (c.Teaches(stage))
                    o.WriteLine($"  {(stage == Stage.Primary ? "primary" : "ESO"),-8} {c.Comp(stage)} compensatory of {c.Pupils(stage)} pupils"
                        + (c.Pupils(stage) > 0 ? $" ({PPriority.Percent(100m * c.Comp(stage) / c.Pupils(stage))})" : ""));
            o.WriteLine("Entitlement:");
            if (e.Lines.Length == 0) o.WriteLine("  nothing");
            foreach (var l in e.Lines.OrderBy(l => l.Resource))
                o.WriteLine($"  {l.Resource.Name(),-21} {l.Entitled,3} {l.Resource.Unit(),-12} {l.Rules}{(l.Funding == Funding.Agreement ? " (funded by its agreement)" : "")}");
            o.WriteLine("Why (every rule, applied [x] or not [ ]):");
            foreach (var t in trace)
                o.WriteLine($"  [{(t.Applied ? "x" : " ")}] {t.Rule} ({t.Instruction}): {t.Because}");
            var edges = CliffEdges.Of(c, p);
            if (edges.Count > 0)
            {
                o.WriteLine("Cliff edges:");
                foreach (var edge in edges) o.WriteLine("  " + edge.Text);
            }
        }
    }

    public static string Render(Action<TextWriter> write)
    {
        var sb = new StringBuilder();
        using (var w = new StringWriter(sb, CultureInfo.InvariantCulture) { NewLine = "\n" }) write(w);
        return sb.ToString();
    }
}
