using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Staffing.Io;

namespace Staffing.Cli.Commands;

/// <summary>`staffing show`: a stored run in words, and written as the plan folder of the contract.</summary>
public static class ShowCommand
{
    public static Command Create(IServiceProvider services)
    {
        var cmd = new Command(
            "show",
            "A stored run: how it was solved, its locks, pins and adoption; with --out, its plan folder "
                + "(read by verify, report and other tools)"
        );
        cmd.Arguments.Add(WorkspaceOptions.Run);
        cmd.Options.Add(WorkspaceOptions.Db);
        var output = new OutputOptions(services, cmd, "Write the run as a plan folder here", required: false);
        var scenarioOut = new OutputOptions(
            services,
            cmd,
            "Write the run's scenario here: its files as imported, locks.csv with the locks it was solved with, "
                + "policy.json with its overrides (so verify and report read it as the run saw it)",
            required: false,
            name: "--scenario"
        );
        cmd.SetAction(r =>
        {
            var console = services.GetRequiredService<Console>();
            output.Check(r);
            scenarioOut.Check(r);
            var workspace = WorkspaceOptions.Open(r);
            var run = workspace.Run(r.GetValue(WorkspaceOptions.Run));
            var scenario = workspace.Scenario(run.ScenarioId)!;
            var o = console.Out;
            o.WriteLine($"run {run.Id} \"{run.Name}\" of scenario {scenario.Id} {scenario.Name}");
            o.WriteLine($"  stored {run.CreatedAt} by {run.Who}" + (run.ParentId is { } p ? $", from run {p}" : ""));
            if (run.Note.Length > 0)
                o.WriteLine($"  note: {run.Note}");
            var time = run.Settings.TimeLimit.ToString(CultureInfo.InvariantCulture);
            o.WriteLine(
                $"  {run.Status}, {run.Settings.Solver}, time limit {time} s, seed {run.Settings.Seed}, "
                    + $"{run.Seconds.ToString("0.###", CultureInfo.InvariantCulture)} s"
                    + (run.PolicyOverrides is null ? "" : ", with policy overrides")
            );
            o.WriteLine($"  shortfall: {RunsCommand.ShortfallText(run.Shortfall)}");
            if (workspace.Adopted(run.ScenarioId) is { } a)
                o.WriteLine(
                    a.RunId == run.Id
                        ? $"  adopted {a.AdoptedAt} by {a.Who}" + (a.Note.Length > 0 ? $": {a.Note}" : "")
                        : $"  not adopted (run {a.RunId} is)"
                );
            var locks = workspace.Locks(run.Id);
            o.WriteLine($"  locks solved with: {locks.Count}");
            foreach (var l in locks)
                o.WriteLine($"    {Lock(l)}");
            var pins = workspace.Pins(run.Id);
            o.WriteLine(
                $"  pins for the next run: {pins.Count}" + (pins.Count > 0 ? $" (staffing plan --from {run.Id})" : "")
            );
            foreach (var pin in pins)
                o.WriteLine($"    pin {pin.Id}: {Workspace.Describe(pin)}, {pin.CreatedAt}");
            if (output.Given(r))
            {
                var s = workspace.ScenarioOf(run);
                var plan = workspace.Plan(run.Id);
                output.Write(r, [], tmp => PlanWriter.Write(tmp, s, plan));
                console.Error.WriteLine($"run {run.Id} written as a plan folder");
            }
            if (scenarioOut.Given(r))
            {
                scenarioOut.Write(r, [], tmp => WriteScenario(workspace, run, tmp));
                console.Error.WriteLine($"run {run.Id}'s scenario written, with its {locks.Count} locks");
            }
            return ExitCode.Ok;
        });
        return cmd;
    }

    /// <summary>The run's scenario as a folder: the stored files, its locks as locks.csv, its overrides merged into policy.json.</summary>
    private static void WriteScenario(Workspace workspace, RunInfo run, string folder)
    {
        workspace.WriteFiles(run.ScenarioId, folder);
        var locks = Path.Combine(folder, "locks.csv");
        File.Delete(locks);
        if (workspace.Locks(run.Id) is { Count: > 0 } held)
            CsvFile.Write(locks, held.Select(h => new HoldingCsvRow(h.Code, h.Resource, h.Amount, h.Partner)));
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
            ? $"{l.Code} {l.Resource.Name()} = {l.Amount} (partner {partner})"
            : $"{l.Code} {l.Resource.Name()} = {l.Amount}";
}
