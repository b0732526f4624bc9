using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Cli.Reports;

namespace Staffing.Cli.Commands;

/// <summary>`staffing rules`: the rule book and its parameters, as docs/rules.md is written.</summary>
public static class RulesCommand
{
    public static Command Create(IServiceProvider services)
    {
        var format = new Option<string>("--format") { Description = "md (Markdown)", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md");
        var cmd = new Command(
            "rules",
            "Every rule with its instruction, the regulation's words, the reading chosen and its parameters "
                + "(docs/rules.md is this command's output)"
        );
        cmd.Options.Add(format);
        cmd.SetAction(r =>
        {
            services.GetRequiredService<Console>().Out.Write(RulesDocument.Markdown());
            return ExitCode.Ok;
        });
        return cmd;
    }
}
