using System.Text;
using Staffing.Rules;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Reports;

/// <summary>docs/rules.md, written from the rule classes and the parameter file so it cannot drift from them.</summary>
internal static class RulesDocument
{
    public static string Markdown()
    {
        var md = new StringBuilder();
        md.Append(Texts.RulesIntro.ReplaceLineEndings("\n")).Append('\n');
        var parameters = PolicyLoader.Parameters.ToDictionary(p => p.Name);
        foreach (var rule in RuleBook.All)
        {
            md.Append($"\n## {rule.Id} ({Explain.Read(rule.InstructionLabel)})\n\n");
            if (rule.Gives is { } r)
                md.Append(Say.Format(Texts.RulesGives, r.Name(), Units.Short(r.Unit()), rule.Chain, Words.Of(r))).Append("\n\n");
            else
                md.Append(Texts.RulesGivesNothing).Append("\n\n");
            md.Append($"> {rule.Text}\n\n");
            md.Append(Say.Format(Texts.RulesReading, Explain.Read(rule.Reading))).Append("\n\n");
            if (rule.Parameters.Count == 0)
                md.Append(Texts.RulesNoParameters).Append('\n');
            else
            {
                md.Append(Texts.RulesParameterHeader).Append("\n|---|---|---|---|\n");
                foreach (var name in rule.Parameters)
                    Row(md, parameters[name]);
            }
        }
        md.Append("\n## ").Append(Texts.RulesEveryParameter).Append("\n\n");
        md.Append(Texts.RulesEveryParameterHint).Append("\n\n");
        md.Append(Texts.RulesEveryParameterHeader).Append("\n|---|---|---|---|---|\n");
        foreach (var p in PolicyLoader.Parameters)
            md.Append($"| `{p.Name}` | `{p.DefaultJson}` | {Cell(Values(p.Expected))} | {Cell(p.Unit)} | {Cell(p.Source)} |\n");
        return md.ToString();
    }

    private static void Row(StringBuilder md, ParameterInfo p) =>
        md.Append($"| `{p.Name}` | `{p.DefaultJson}` | {Cell(p.Unit)} | {Cell(p.Source)} |\n");

    /// <summary>The values policy.json takes, as code: `true` or `false`, `"centre"`.</summary>
    private static string Values(string expected) =>
        System.Text.RegularExpressions.Regex.Replace(expected, @"(?<![`\w])(true|false|""[a-z_]+"")(?![`\w])", "`$1`");

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
}
