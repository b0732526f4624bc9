using Staffing.Allocation;
using Staffing.Domain;
using static Staffing.Tests.Allocation.AllocationSupport;
using static Staffing.Tests.Support;

namespace Staffing.Tests.Allocation;

/// <summary>One hand-checkable case per constraint of the model.</summary>
public class ConstraintTests
{
    [Fact]
    public void PoolIsSharedByCoverageRatioTiesToMoreCompensatoryPupils()
    {
        var s = Scenario(
            [Ceip(300, 75, code: "A"), Ceip(300, 50, code: "B"), Ceip(300, 60, code: "C")],
            [new PoolRow("A", Resource.PrimarySupport, 4)]
        );
        foreach (var solver in new[] { "cp-sat", "greedy" })
        {
            var (_, plan) = PlanOf(s, solver);
            // A 3 entitled, B 2, C 2: first units to all (0%), then B and C (1/2 < 2/3... A at 1/3 lowest): A 2, then tie 1/2.
            Assert.Equal(2, plan.Line("A", Resource.PrimarySupport).Allocated);
            Assert.Equal(1, plan.Line("B", Resource.PrimarySupport).Allocated);
            Assert.Equal(1, plan.Line("C", Resource.PrimarySupport).Allocated);
        }
    }

    [Fact]
    public void ShortfallReasonSpeaksInPlannerTerms()
    {
        var s = Scenario(
            [Ceip(300, 75, code: "A"), Ceip(300, 75, code: "B")],
            [new PoolRow("A", Resource.PrimarySupport, 4)]
        );
        var (_, plan) = PlanOf(s);
        Assert.Equal(
            "pool short: A primary_support: 6 entitled, 4 in the pool; this centre is at 2 of 3, like 1 other at 67%",
            plan.Line("A", Resource.PrimarySupport).Reason.En()
        );
    }

    [Fact]
    public void SecondaryPtscGoesWhereASecondSupportPostLetsMoreInstitutesReachIt()
    {
        // A: 100 ESO → 4 posts; B: 52 → 2 posts. Pool 4: A 1, B 1, A 2, then A's third and B's second are equally fair;
        // B's second lets both institutes reach 2 posts and their PTSC posts.
        var s = Scenario(
            [Ies(500, 100, code: "A"), Ies(500, 52, code: "B")],
            [new PoolRow("A", Resource.SecondarySupport, 4), new PoolRow("A", Resource.SecondaryPtsc, 2)]
        );
        var (problem, plan) = PlanOf(s);
        Assert.Equal(2, plan.Line("A", Resource.SecondarySupport).Allocated);
        Assert.Equal(2, plan.Line("B", Resource.SecondarySupport).Allocated);
        Assert.Equal(1, plan.Line("A", Resource.SecondaryPtsc).Allocated);
        Assert.Equal(1, plan.Line("B", Resource.SecondaryPtsc).Allocated);
        Assert.Empty(Verify(s, problem, plan));
    }

    [Fact]
    public void CuttingTheSecondSupportPostRemovesThePtscPost()
    {
        var s = Scenario(
            [Ies(500, 50, code: "A"), Ies(500, 50, code: "B")],
            [new PoolRow("A", Resource.SecondarySupport, 2)]
        );
        var (_, plan) = PlanOf(s);
        Assert.Equal(0, plan.Line("A", Resource.SecondaryPtsc).Allocated);
        Assert.StartsWith(
            "S-PTSC: 1 secondary support post allocated, fewer than 2",
            plan.Line("A", Resource.SecondaryPtsc).Reason.En()
        );
    }

    [Fact]
    public void ItinerantTeachersNeverCrossAreas()
    {
        var a = Ceip(200, 10, justified: true, code: "A") with { Area = "North" };
        var b = Ceip(200, 12, justified: true, code: "B") with { Area = "South" };
        var (_, plan) = PlanOf(Scenario([a, b]));
        // Each is alone in its area: a teacher of its own, never one across areas.
        Assert.Equal(["A", "B"], plan.Itinerants.Select(t => Assert.Single(t.Centres)).ToArray());
        Assert.All(plan.Itinerants, t => Assert.Equal(t.Area, t.Id.Split('-')[0]));
    }

    [Fact]
    public void ItinerantPairsPreferTheSameLocalityAndSplitTheWeekByPupils()
    {
        var a = Ceip(200, 10, justified: true, code: "A");
        var b = Ceip(200, 20, justified: true, code: "B") with { Locality = "Far" };
        var c = Ceip(200, 5, justified: true, code: "C");
        var d = Ceip(200, 18, justified: true, code: "D") with { Locality = "Far" };
        foreach (var solver in new[] { "cp-sat", "greedy" })
        {
            var (_, plan) = PlanOf(Scenario([a, b, c, d], [new PoolRow("A", Resource.PrimaryItinerant, 2)]), solver);
            Assert.Equal(["A C", "B D"], plan.Itinerants.Select(t => string.Join(" ", t.Centres)).ToArray());
            var t = plan.Itinerants[0];
            Assert.Equal([3, 2], t.Days.ToArray()); // 5 × 10/15 = 3.33, 5 × 5/15 = 1.67: floors 3 and 1, the remainder to C
            Assert.Equal("A-P-001", t.Id);
            Assert.True(t.SameLocality);
        }
    }

    [Fact]
    public void WhenTeachersAreShortTheCentresWithMorePupilsAreServedFirst()
    {
        // One teacher, four eligible centres: B (20), A (10) and D (8) are served, two and the odd one, across
        // localities; C (5) waits.
        var a = Ceip(200, 10, justified: true, code: "A");
        var b = Ceip(200, 20, justified: true, code: "B") with { Locality = "Far" };
        var c = Ceip(200, 5, justified: true, code: "C");
        var d = Ceip(200, 8, justified: true, code: "D");
        foreach (var solver in new[] { "cp-sat", "greedy" })
        {
            var (_, plan) = PlanOf(Scenario([a, b, c, d], [new PoolRow("A", Resource.PrimaryItinerant, 1)]), solver);
            Assert.Equal(["A", "B", "D"], Assert.Single(plan.Itinerants).Centres.ToArray());
            Assert.StartsWith("pool short", plan.Line("C", Resource.PrimaryItinerant).Reason.En());
        }
    }

    [Fact]
    public void EoepDaysComeFromTheCentresOwnTeamOnePersonOneCentreADay()
    {
        var centres = Enumerable.Range(1, 4).Select(i => Ceip(100, 60, code: $"C{i}") with { Eoep = "E1" }).ToList(); // 2 psycho days each
        var s = Scenario(centres, teams: [new EoepTeam("E1", "A", 1, 2)]);
        var (problem, plan) = PlanOf(s);
        Assert.Equal(5, plan.Lines.Where(l => l.Resource == Resource.PsychopedagogueDays).Sum(l => l.Allocated));
        Assert.Contains(
            plan.Lines,
            l =>
                l.Resource == Resource.PsychopedagogueDays
                && l.Reason.En().StartsWith(
                    "team full: EOEP E1 psychopedagogues: 1 × 5 days = 5 days a week for 8 entitled",
                    StringComparison.Ordinal
                )
        );
        var schedule = plan.Schedule!.Value;
        Assert.All(schedule.GroupBy(x => (x.Person, x.Weekday)), g => Assert.Single(g));
        Assert.Empty(Verify(s, problem, plan));
    }

    [Fact]
    public void ReservedDaysShrinkEachPersonsWeek()
    {
        var centres = Enumerable.Range(1, 3).Select(i => Ceip(100, 60, code: $"C{i}") with { Eoep = "E1" }).ToList();
        var s = Scenario(centres, teams: [new EoepTeam("E1", "A", 1, 1)], policy: With("{\"eoep_reserved_days\": 1}"));
        var (_, plan) = PlanOf(s);
        Assert.Equal(4, plan.Lines.Where(l => l.Resource == Resource.PsychopedagogueDays).Sum(l => l.Allocated));
        Assert.Single(plan.Schedule!.Value, x => x.Person == "E1-psy-1" && x.Centre is null);
    }

    [Fact]
    public void LocksHoldExactly()
    {
        var s = Scenario(
            [Ceip(300, 75, code: "A"), Ceip(300, 75, code: "B")],
            [new PoolRow("A", Resource.PrimarySupport, 4)],
            locks: [new Holding("B", Resource.PrimarySupport, 1, null)]
        );
        var (_, plan) = PlanOf(s);
        Assert.Equal(3, plan.Line("A", Resource.PrimarySupport).Allocated);
        Assert.Equal("lock: locks.csv fixes primary_support at 1", plan.Line("B", Resource.PrimarySupport).Reason.En());
    }

    [Fact]
    public void MaxLossPerCentreKeepsAFloorAboveFairness()
    {
        // Fairness alone gives A 1 and B 1; A holds 3 now and may lose at most 1.
        var s = Scenario(
            [Ceip(300, 75, code: "A"), Ceip(300, 75, code: "B")],
            [new PoolRow("A", Resource.PrimarySupport, 2)],
            current: [new Holding("A", Resource.PrimarySupport, 3, null)],
            policy: With("{\"max_loss_per_centre\": 1}")
        );
        var (_, plan) = PlanOf(s);
        Assert.Equal(2, plan.Line("A", Resource.PrimarySupport).Allocated);
        Assert.Equal(0, plan.Line("B", Resource.PrimarySupport).Allocated);
    }

    [Fact]
    public void ALockedPartnerIsTheOnlyPartner()
    {
        Centre C(string code, int comp) => Ceip(200, comp, justified: true, code: code);
        var s = Scenario(
            [C("A", 20), C("B", 19), C("C", 5), C("D", 4)],
            locks: [new Holding("A", Resource.PrimaryItinerant, 1, "D")]
        );
        var (_, plan) = PlanOf(s);
        Assert.Contains(plan.Itinerants, t => t.Centres.SequenceEqual(["A", "D"]));
        Assert.All(plan.Itinerants, t => Assert.Equal(2, t.Centres.Length));
    }

    [Fact]
    public void AForbiddenPairIsNeverMade()
    {
        Centre C(string code, int comp) => Ceip(200, comp, justified: true, code: code);
        var s = Scenario(
            [C("A", 20), C("B", 19), C("C", 5), C("D", 4)],
            locks: [new Holding("A", Resource.PrimaryItinerant, 0, "B")]
        );
        var (_, plan) = PlanOf(s);
        Assert.DoesNotContain(plan.Itinerants, t => t.Centres.Contains("A") && t.Centres.Contains("B"));
        Assert.Equal(2, plan.Itinerants.Length);
    }

    [Fact]
    public void EachCentreHoldsOneShareAStage()
    {
        var s = Scenario([.. Enumerable.Range(0, 7).Select(i => Ceip(200, 10 + i, justified: true, code: $"C{i}"))]);
        var (_, plan) = PlanOf(s);
        var shares = plan.Itinerants.SelectMany(t => t.Centres).ToList();
        Assert.Equal(shares.Count, shares.Distinct().Count());
    }

    [Fact]
    public void ConflictingLocksAreExplainedAndNoPlanIsMade()
    {
        var s = Scenario(
            [Ceip(300, 75, code: "A"), Ceip(300, 50, code: "B")],
            [new PoolRow("A", Resource.PrimarySupport, 3)],
            locks:
            [
                new Holding("A", Resource.PrimarySupport, 3, null),
                new Holding("B", Resource.PrimarySupport, 2, null),
                new Holding("B", Resource.PsychopedagogueDays, 1, null),
            ]
        );
        var ex = Assert.Throws<LockConflictException>(() => PlanOf(s));
        Assert.Contains(
            "lock A primary_support=3, lock B primary_support=2: together 5 of A primary_support, which holds 3, over by 2",
            ex.Conflicts.Select(c => c.En())
        );
        Assert.Contains("lock B psychopedagogue_days=1: above the entitlement of 0, over by 1", ex.Conflicts.Select(c => c.En()));
    }

    [Fact]
    public void ContinuityKeepsThisYearsPostsAmongEquallyFairPlans()
    {
        // Two identical centres, one post: fairness cannot choose; the one holding it now keeps it.
        var s = Scenario(
            [Ceip(300, 30, code: "A"), Ceip(300, 30, code: "B")],
            [new PoolRow("A", Resource.PrimarySupport, 1)],
            current: [new Holding("B", Resource.PrimarySupport, 1, null)]
        );
        var (_, plan) = PlanOf(s);
        Assert.Equal(1, plan.Line("B", Resource.PrimarySupport).Allocated);
        var (_, fresh) = PlanOf(s with { Current = null });
        Assert.Equal(1, fresh.Line("A", Resource.PrimarySupport).Allocated); // tie: same pupils, the lower code
    }
}

/// <summary>Cases the fuzzer found.</summary>
public class FuzzFoundTests
{
    [Fact]
    public void APriorityCentreWithoutATeamKeepsAShortfallWithThatReason()
    {
        var s = AllocationSupport.Scenario([Support.Ceip(100, 60, code: "A")], teams: [new EoepTeam("E1", "A", 1, 1)]);
        foreach (var solver in new[] { "cp-sat", "greedy" })
        {
            var (_, plan) = AllocationSupport.PlanOf(s, solver);
            Assert.Equal(0, plan.Line("A", Resource.PsychopedagogueDays).Allocated);
            Assert.StartsWith("no EOEP team", plan.Line("A", Resource.PsychopedagogueDays).Reason.En());
        }
    }
}
