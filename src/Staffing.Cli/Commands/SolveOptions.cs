using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Allocation;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>The options of every command that plans: --solver, --time-limit, --workers (and --seed for plan).</summary>
internal sealed class SolveOptions
{
    private readonly Option<string> solver;
    private readonly Option<double> timeLimit;
    private readonly Option<int> workers;

    /// <summary>The solver's seed, for a command that offers it (plan); another command's --seed is its own (a bootstrap, a Monte Carlo run), the solver's is 0.</summary>
    private readonly Option<int>? seed;

    /// <summary>Adds --solver (with the command's default), --time-limit and --workers to the command.</summary>
    public SolveOptions(Command command, string defaultSolver = "cp-sat", bool withSeed = false)
    {
        solver = new Option<string>("--solver")
        {
            Description = Say.Format(Texts.SolverOption, defaultSolver),
            DefaultValueFactory = _ => defaultSolver,
        };
        timeLimit = new Option<double>("--time-limit")
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
        workers = new Option<int>("--workers")
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
        if (!withSeed)
            return;
        seed = new Option<int>("--seed") { Description = Texts.SeedOption, DefaultValueFactory = _ => 0 };
        command.Options.Add(seed);
    }

    public string Solver(ParseResult r) => r.GetValue(solver)!;

    /// <summary>The longest --time-limit taken as given: a day; more (or Infinity) is capped, with a note.</summary>
    public const double MaxTimeLimit = 86_400;

    public SolveSettings Settings(ParseResult r, Terminal console)
    {
        var limit = r.GetValue(timeLimit);
        if (limit > MaxTimeLimit)
        {
            console.Notes([Say.Format(Texts.TimeLimitCapped, limit, MaxTimeLimit)]);
            limit = MaxTimeLimit;
        }
        return new(
            limit,
            r.GetValue(workers),
            seed is null ? 0 : r.GetValue(seed),
            new ProgressLines(console),
            console.Interrupted,
            console.Started?.Elapsed.TotalSeconds ?? 0
        );
    }

    /// <summary>Planning with the command's solver and settings, the solver name checked before any work.</summary>
    public Func<Scenario, Plan> Planning(ParseResult r, IServiceProvider services, Terminal console)
    {
        var planner = services.GetRequiredService<Planner>();
        var name = Solver(r);
        planner.Allocator(name);
        var settings = Settings(r, console) with { Progress = null };
        return s => planner.Plan(s, name, settings).Plan;
    }
}
