using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Allocation;

namespace Staffing.Cli.Commands;

/// <summary>The options of every command that plans: --solver, --time-limit, --workers (and --seed for plan).</summary>
public sealed class SolveOptions
{
    private const string TimeLimit = "--time-limit",
        Workers = "--workers",
        Seed = "--seed";

    private readonly Option<string> solver;

    /// <summary>Adds --solver (with the command's default), --time-limit and --workers to the command.</summary>
    public SolveOptions(Command command, string defaultSolver = "cp-sat", bool seed = false)
    {
        solver = new Option<string>("--solver")
        {
            Description = Say.Format(Texts.SolverOption, defaultSolver),
            DefaultValueFactory = _ => defaultSolver,
        };
        var timeLimit = new Option<double>(TimeLimit)
        {
            Description = Texts.TimeLimitOption,
            DefaultValueFactory = _ => 60,
        };
        Validation.Add(
            timeLimit,
            r =>
            {
                var limit = r.GetValueOrDefault<double>();
                if (limit <= 0 || double.IsNaN(limit))
                    r.AddError(Say.Format(Texts.TimeLimitFound, limit));
            }
        );
        var workers = new Option<int>(Workers)
        {
            Description = Texts.WorkersOption,
            DefaultValueFactory = _ => Math.Min(Environment.ProcessorCount, 64),
        };
        Validation.Add(
            workers,
            r =>
            {
                var n = r.GetValueOrDefault<int>();
                if (n is < 1 or > 64)
                    r.AddError(Say.Format(Texts.WorkersFound, n));
            }
        );
        foreach (var o in new Option[] { solver, timeLimit, workers })
            command.Options.Add(o);
        if (seed)
            command.Options.Add(new Option<int>(Seed) { Description = Texts.SeedOption, DefaultValueFactory = _ => 0 });
    }

    public string Solver(ParseResult r) => r.GetValue(solver)!;

    /// <summary>The longest --time-limit taken as given: a day; more (or Infinity) is capped, with a note.</summary>
    public const double MaxTimeLimit = 86_400;

    public static SolveSettings Settings(ParseResult r, Console console)
    {
        var limit = r.GetValue<double>(TimeLimit);
        if (limit > MaxTimeLimit)
        {
            console.Notes([Say.Format(Texts.TimeLimitCapped, limit, MaxTimeLimit)]);
            limit = MaxTimeLimit;
        }
        return new(
            limit,
            r.GetValue<int>(Workers),
            r.CommandResult.Command.Options.Any(o => o.Name == Seed) ? r.GetValue<int>(Seed) : 0,
            new Progress(console),
            console.Interrupted,
            console.Started?.Elapsed.TotalSeconds ?? 0
        );
    }

    /// <summary>Planning with the command's solver and settings, the solver name checked before any work.</summary>
    public Func<Scenario, Plan> Planning(ParseResult r, IServiceProvider services, Console console)
    {
        var planner = services.GetRequiredService<Planner>();
        var name = Solver(r);
        planner.Allocator(name);
        var settings = Settings(r, console) with { Progress = null };
        return s => planner.Plan(s, name, settings).Plan;
    }
}
