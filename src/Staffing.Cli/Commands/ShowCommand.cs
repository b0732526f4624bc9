using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Io;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Commands;

/// <summary>`staffing show`: a stored run in words, and written as the plan folder of the contract.</summary>
internal static class ShowCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
"show", Texts.ShowDescription);
        var runArgument = WorkspaceOptions.AddRun(cmd);
        WorkspaceOptions.AddDb(cmd);
        var output = new OutputOptions(services, cmd, Texts.ShowOut, required: false);
        var scenarioOut = new OutputOptions(
            services,
            cmd,
            Texts.ShowScenarioOut,
            required: false,
            name: "--scenario"
        );
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Terminal>();
            output.Check(r);
            scenarioOut.Check(r);
            var workspace = WorkspaceOptions.Open(r);
            var run = workspace.Run(r.GetValue(runArgument));
            var scenario = workspace.Scenario(run.ScenarioId)!;
            var o = console.Out;
            o.WriteLine(Say.Format(Texts.ShowRun, run.Id, run.Name, scenario.Id, scenario.Name));
            o.WriteLine(
                Say.Format(Texts.ShowStored, Explain.Moment(run.CreatedAt), run.Who)
                    + (run.ParentId is { } p ? Say.Format(Texts.ShowFromRun, p) : "")
            );
            if (run.Note.Length > 0)
                o.WriteLine(Say.Format(Texts.ShowNote, run.Note));
            o.WriteLine(
                Say.Format(
                    Texts.ShowSolved,
                    Words.Status(run.Status),
                    run.Settings.Solver,
                    run.Settings.TimeLimit,
                    run.Settings.Seed,
                    Figures.Number(run.Seconds, Figures.Current)
                ) + (run.PolicyOverrides is null ? "" : Texts.ShowWithOverrides)
            );
            o.WriteLine(Say.Format(Texts.ShowShortfall, RunsCommand.ShortfallText(run.Shortfall)));
            if (workspace.Adopted(run.ScenarioId) is { } a)
                o.WriteLine(
                    a.RunId == run.Id
                        ? Say.Format(Texts.ShowAdopted, Explain.Moment(a.AdoptedAt), a.Who) + (a.Note.Length > 0 ? $": {a.Note}" : "")
                        : Say.Format(Texts.ShowNotAdopted, a.RunId)
                );
            var locks = workspace.Locks(run.Id);
            o.WriteLine(Say.Format(Texts.ShowLocks, locks.Count));
            foreach (var l in locks)
                o.WriteLine($"    {Lock(l)}");
            var pins = workspace.Pins(run.Id);
            o.WriteLine(
                Say.Format(Texts.ShowPins, pins.Count) + (pins.Count > 0 ? Say.Format(Texts.ShowPinsFrom, run.Id) : "")
            );
            foreach (var pin in pins)
                o.WriteLine(Say.Format(Texts.ShowPin, pin.Id, Workspace.Describe(pin), Explain.Moment(pin.CreatedAt)));
            if (output.Given(r))
            {
                var (s, plan) = workspace.ScenarioAndPlan(run);
                output.Write(r, [], tmp => PlanWriter.Write(tmp, s, plan, Explain.Wording));
                console.Error.WriteLine(Say.Format(Texts.ShowWritten, run.Id));
            }
            if (scenarioOut.Given(r))
            {
                scenarioOut.Write(r, [], tmp => WriteScenario(workspace, run, tmp.Path));
                console.Error.WriteLine(Say.Format(Texts.ShowScenarioWritten, run.Id, locks.Count));
            }
            return ExitCode.Ok;
        });
        return cmd;
    }

    /// <summary>The run's scenario as a folder: the stored files, its locks as locks.csv, its overrides merged into policy.json.</summary>
    private static void WriteScenario(Workspace workspace, RunInfo run, string folder)
    {
        // Read first: stored files or overrides that do not read as a scenario are answered, never merged.
        _ = workspace.ScenarioOf(run);
        workspace.WriteFiles(run.ScenarioId, folder);
        var locks = Path.Combine(folder, "locks.csv");
        File.Delete(locks);
        if (workspace.Locks(run.Id) is { Count: > 0 } held)
            CsvFile.Write(locks, held);
        if (run.PolicyOverrides is not { } overrides)
            return;
        var policy = Path.Combine(folder, "policy.json");
        var merged = File.Exists(policy)
            ? System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(policy))!.AsObject()
            : [];
        foreach (var (key, value) in System.Text.Json.Nodes.JsonNode.Parse(overrides)!.AsObject())
            merged[key] = value?.DeepClone();
        File.WriteAllText(
            policy,
            merged.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true })
        );
    }

    public static string Lock(Holding l) =>
        l.Partner is { } partner
            ? Say.Format(Texts.LockWithPartner, l.Code, l.Resource.Name(), l.Amount, partner)
            : $"{l.Code} {l.Resource.Name()} = {l.Amount}";
}
