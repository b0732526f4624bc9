using static Staffing.Tests.Support;

namespace Staffing.Tests.Allocation;

/// <summary>`staffing verify` accepts the optimizer's plans and rejects each hand-broken property.</summary>
public class VerifierTests
{
    private static string PlanFolder()
    {
        var output = Path.Combine(TempDir(), "plan");
        Assert.Equal(0, Run("plan", Sample, "--out", output).Exit);
        return output;
    }

    private static (int Exit, string Out) Broken(string file, Func<string, string> edit)
    {
        var plan = PlanFolder();
        var path = Path.Combine(plan, file);
        File.WriteAllText(path, edit(File.ReadAllText(path)));
        var (exit, output, _) = Run("verify", Sample, plan);
        return (exit, output);
    }

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsTheOptimizersPlans()
    {
        foreach (var solver in new[] { "cp-sat", "greedy" })
        {
            var output = Path.Combine(TempDir(), "plan");
            Assert.Equal(0, Run("plan", Sample, "--out", output, "--solver", solver).Exit);
            var (exit, text, err) = Run("verify", Sample, output);
            Assert.True(exit == 0, text + err);
        }
    }

    [Fact]
    public void RejectsAWrongEntitlement()
    {
        var (exit, text) = Broken(
            "plan.csv",
            t => Replace(t, "28002944,primary_support,2,", "28002944,primary_support,3,")
        );
        Assert.Equal(1, exit);
        Assert.Contains("28002944 primary_support P-SUPPORT: entitled 3 in the plan, 2 by the rules", text);
    }

    [Fact]
    public void RejectsAnOverdrawnPool()
    {
        var (exit, text) = Broken(
            "plan.csv",
            t => Replace(t, "28002944,primary_support,2,1,1,", "28002944,primary_support,2,2,0,")
        );
        Assert.Equal(1, exit);
        Assert.Contains("Madrid-Sur primary_support pool: Madrid-Sur uses 13 posts, the pool holds 12", text);
    }

    [Fact]
    public void RejectsAPtscPostWithoutTwoSupportPosts()
    {
        var (exit, text) = Broken(
            "plan.csv",
            t => Replace(t, "28040702,secondary_support,3,2,1,", "28040702,secondary_support,3,1,2,")
        );
        Assert.Equal(1, exit);
        Assert.Contains(
            "28040702 secondary_ptsc S-PTSC: a PTSC post with 1 secondary support posts allocated, fewer than 2",
            text
        );
    }

    [Fact]
    public void RejectsAnItinerantTeacherAcrossAreas()
    {
        var (exit, text) = Broken("itinerants.csv", t => Replace(t, "28000315,28000376", "28000315,28002968"));
        Assert.Equal(1, exit);
        Assert.Contains("Madrid-Este-P-001 primary_itinerant P-ITINERANT: pairs centres of different areas", text);
    }

    [Fact]
    public void RejectsAnIneligibleItinerantCentre()
    {
        var (exit, text) = Broken("itinerants.csv", t => Replace(t, "28000315,28000376", "28000315,28000066"));
        Assert.Equal(1, exit);
        Assert.Contains(
            "28000066 primary_itinerant P-ITINERANT: teacher Madrid-Este-P-001: the centre is not eligible",
            text
        );
    }

    [Fact]
    public void RejectsAnEoepPersonInTwoCentresTheSameDay()
    {
        var (exit, text) = Broken(
            "eoep-schedule.csv",
            t => t + "EG-GETAFE,EG-GETAFE-psy-1,psychopedagogue,monday,28002944\n"
        );
        Assert.Equal(1, exit);
        Assert.Contains("EG-GETAFE-psy-1 psychopedagogue P-PSYCHO: in 2 places on monday", text);
    }

    [Fact]
    public void RejectsScheduleDaysThatDoNotMatchThePlan()
    {
        var (exit, text) = Broken(
            "eoep-schedule.csv",
            t =>
                string.Join(
                    "\n",
                    t.Split('\n')
                        .Where(l =>
                            !l.StartsWith("EG-PARLA,EG-PARLA-psy-1,psychopedagogue,monday", StringComparison.Ordinal)
                        )
                )
        );
        Assert.Equal(1, exit);
        Assert.Contains("psychopedagogue_days P-PSYCHO:", text);
        Assert.Contains("in eoep-schedule.csv", text);
    }

    [Fact]
    public void RejectsABrokenLock()
    {
        var plan = PlanFolder();
        var scenario = TempDir();
        foreach (var f in Directory.GetFiles(Sample, "*.csv"))
            File.Copy(f, Path.Combine(scenario, Path.GetFileName(f)));
        File.WriteAllText(
            Path.Combine(scenario, "locks.csv"),
            "code,resource,amount,partner\n28002944,primary_support,2,\n"
        );
        var (exit, text, _) = Run("verify", scenario, plan);
        Assert.Equal(1, exit);
        Assert.Contains("28002944 primary_support lock: locked at 2, allocated 1", text);
    }

    [Fact]
    public void RejectsAnUnfairPlan()
    {
        // Move a unit from a centre at 2 of 3 to one... the reverse: take one from a centre at 1 of 2 and give it to one at 2 of 3.
        var (exit, text) = Broken(
            "plan.csv",
            t =>
                Replace(
                    Replace(t, "28002944,primary_support,2,1,1,", "28002944,primary_support,2,0,2,"),
                    "28003286,primary_support,3,2,1,",
                    "28003286,primary_support,3,3,0,"
                )
        );
        Assert.Equal(1, exit);
        Assert.Contains(
            "28002944 primary_support fairness: one unit from 28003286 (3 of 3) to this centre (0 of 2) would raise the smaller coverage ratio",
            text
        );
    }
}
