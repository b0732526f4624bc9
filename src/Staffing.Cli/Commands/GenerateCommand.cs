using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Io;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>`staffing generate`: a synthetic scenario of any size, or one of a real network of centres.</summary>
internal static class GenerateCommand
{
    public static Command Create(IServiceProvider services)
    {
        var centres = new Option<int>("--centres")
        {
            Description = Texts.CentresOption,
            DefaultValueFactory = _ => 1200,
        };
        var areas = new Option<int>("--areas")
        {
            Description = Texts.AreasOption,
            DefaultValueFactory = _ => 5,
        };
        var seed = new Option<int>("--seed")
        {
            Description = Texts.GenerateSeedOption,
            DefaultValueFactory = _ => 1,
        };
        var ratio = new Option<double>("--pool-ratio")
        {
            Description = Texts.PoolRatioOption,
            DefaultValueFactory = _ => 0.8,
        };
        Validation.Add(
            ratio,
            r =>
            {
                var v = r.GetValueOrDefault<double>();
                if (v < 0 || v > 10 || double.IsNaN(v))
                    r.AddError(Say.Format(Texts.PoolRatioFound, v));
            }
        );
        var directory = new Option<string?>("--directory")
        {
            Description = Texts.DirectoryOption,
        };
        var cmd = new Command("generate", Texts.GenerateDescription);
        foreach (var o in new Option[] { centres, areas, seed, ratio, directory })
            cmd.Options.Add(o);
        var output = new OutputOptions(services, cmd, Texts.GenerateOut);
        cmd.SetAction(r =>
        {
            output.Check(r, r.GetValue(directory));
            var pr = r.GetValue(ratio);
            var s = r.GetValue(directory) is { } dir
                ? DirectoryScenario.Build(dir, r.GetValue(seed), pr)
                : ScenarioGenerator.Generate(
                    new ScenarioGenerator.Options(r.GetValue(centres), r.GetValue(areas), r.GetValue(seed), pr)
                );
            output.Write(
                r,
                [r.GetValue(directory)],
                tmp =>
                {
                    ScenarioGenerator.Write(s, tmp.Path);
                    if (r.GetValue(directory) is not null)
                        File.WriteAllText(
                            Path.Combine(tmp.Path, "README.md"),
                            DirectoryScenario.Readme(s, r.GetValue(seed), pr),
                            new System.Text.UTF8Encoding(false)
                        );
                }
            );
            var areaCount = s.Teams!.Select(t => t.Area).Distinct().Count();
            services
                .GetRequiredService<Terminal>()
                .Error.WriteLine(Say.Format(Texts.Generated, s.Centres.Count, areaCount));
            return ExitCode.Ok;
        });
        return cmd;
    }
}
