using System.Text;
using Staffing.Rules;

namespace Staffing.Cli.Reports;

/// <summary>docs/rules.md, written from the rule classes and the parameter file so it cannot drift from them.</summary>
public static class RulesDocument
{
    public static string Markdown()
    {
        var md = new StringBuilder();
        md.Append(
            """
            # The staffing rules

            Written by `staffing rules --format md` from the rule classes (`src/Staffing.Domain/Rules/`) and the
            parameter file (`src/Staffing.Domain/Policy/policy.defaults.json`); a test fails when this page is stale.

            The regulation is the Resolución of 21 July 2006 of the Viceconsejería de Educación of the Comunidad de
            Madrid on compensatory education. For each rule: the instruction it comes from, the regulation's own
            words (in Spanish, as published), the reading the project chose where the text leaves room (marked as
            such: a reading, not the text), and the parameters that govern it. A what-if changes parameters in a
            `policy.json`; see [scenario-format.md](scenario-format.md).

            """
        );
        var parameters = PolicyLoader.Parameters.ToDictionary(p => p.Name);
        foreach (var rule in RuleBook.All)
        {
            md.Append($"\n## {rule.Id} ({rule.Instruction})\n\n");
            if (rule.Gives is { } r)
                md.Append($"Gives: `{r.Name()}` ({r.Unit()}); rules column `{rule.Chain}`.\n\n");
            else
                md.Append("Gives no staff: a condition, a referral or an indicator.\n\n");
            md.Append($"> {rule.Text}\n\n");
            md.Append($"**Reading chosen by the project:** {rule.Reading}\n\n");
            if (rule.Parameters.Count == 0)
                md.Append("Parameters: none.\n");
            else
            {
                md.Append("| parameter | default | unit | source |\n|---|---|---|---|\n");
                foreach (var name in rule.Parameters)
                    Row(md, parameters[name]);
            }
        }
        md.Append("\n## Every parameter\n\n");
        md.Append("Each with its type and allowed range, as `policy.json` checks it.\n\n");
        md.Append("| parameter | default | type and range | unit | source |\n|---|---|---|---|---|\n");
        foreach (var p in PolicyLoader.Parameters)
            md.Append($"| `{p.Name}` | `{p.DefaultJson}` | {Cell(p.Expected)} | {Cell(p.Unit)} | {Cell(p.Source)} |\n");
        return md.ToString();
    }

    private static void Row(StringBuilder md, ParameterInfo p) =>
        md.Append($"| `{p.Name}` | `{p.DefaultJson}` | {Cell(p.Unit)} | {Cell(p.Source)} |\n");

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
}
