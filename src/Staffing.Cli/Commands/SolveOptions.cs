using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Allocation;

namespace Staffing.Cli.Commands;

/// <summary>The options of every command that plans: --solver, --time-limit, --workers (and --seed for plan).</summary>
public sealed class SolveOptions
{
    public static readonly Option<double> TimeLimit = new("--time-limit")
    {
        Description = "Seconds the optimizer may take in all (best plan found is kept)",
        DefaultValueFactory = _ => 60,
    };

    public static readonly Option<int> Workers = new("--workers")
    {
        Description = "Independent parts solved at once (default: the cores); the output is the same for any value",
        DefaultValueFactory = _ => Math.Min(Environment.ProcessorCount, 64),
    };

    public static readonly Option<int> Seed = new("--seed")
    {
        Description = "Solver random seed",
        DefaultValueFactory = _ => 0,
    };

    private readonly Option<string> solver;

    static SolveOptions()
    {
        Validation.Add(
            TimeLimit,
            r =>
            {
                var limit = r.GetValueOrDefault<double>();
                if (limit <= 0 || double.IsNaN(limit))
                    r.AddError(
                        $"--time-limit: found {limit.ToString(CultureInfo.InvariantCulture)}, "
                            + "expected a number of seconds > 0"
                    );
            }
        );
        Validation.Add(
            Workers,
            r =>
            {
                var workers = r.GetValueOrDefault<int>();
                if (workers is < 1 or > 64)
                    r.AddError($"--workers: found {workers}, expected 1 to 64");
            }
        );
    }

    /// <summary>Adds --solver (with the command's default), --time-limit and --workers to the command.</summary>
    public SolveOptions(Command command, string defaultSolver = "cp-sat", bool seed = false)
    {
        solver = new Option<string>("--solver")
        {
            Description =
                "cp-sat or greedy" + (defaultSolver == "cp-sat" ? " (default cp-sat)" : $" (default {defaultSolver})"),
            DefaultValueFactory = _ => defaultSolver,
        };
        foreach (var o in new Option[] { solver, TimeLimit, Workers })
            command.Options.Add(o);
        if (seed)
            command.Options.Add(Seed);
    }

    public string Solver(ParseResult r) => r.GetValue(solver)!;

    /// <summary>The longest --time-limit taken as given: a day; more (or Infinity) is capped, with a note.</summary>
    public const double MaxTimeLimit = 86_400;

    public static SolveSettings Settings(ParseResult r, Console console)
    {
        var limit = r.GetValue(TimeLimit);
        if (limit > MaxTimeLimit)
        {
            console.Error.WriteLine(
                $"note: --time-limit {limit.ToString(CultureInfo.InvariantCulture)} capped at {MaxTimeLimit.ToString(CultureInfo.InvariantCulture)} s (a day)"
            );
            limit = MaxTimeLimit;
        }
        return new(
            limit,
            r.GetValue(Workers),
            r.GetValue(Seed),
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
