using Staffing.Domain;

namespace Staffing.Rules;

public static class PlanIndicators
{
    /// <summary>G-* indicators per centre and stage with compensatory pupils, from the plan's allocation.</summary>
    public static IEnumerable<StageIndicators> Of(Scenario scenario, Plan plan)
    {
        var alloc = plan.Lines.ToDictionary(l => (l.Code, l.Resource), l => l.Allocated);
        var days = new Dictionary<(string, Stage), int>();
        foreach (var t in plan.Itinerants)
            for (var i = 0; i < t.Centres.Length; i++)
                days[(t.Centres[i], t.Stage)] = t.Days[i];
        foreach (var c in scenario.Centres.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            foreach (var stage in new[] { Stage.Primary, Stage.Secondary })
            {
                if (!c.Teaches(stage) || c.Comp(stage) == 0 || !c.Programme)
                    continue;
                var posts =
                    stage == Stage.Primary
                        ? alloc.GetValueOrDefault((c.Code, Resource.PrimarySupport))
                            + alloc.GetValueOrDefault((c.Code, Resource.CraItinerant))
                        : alloc.GetValueOrDefault((c.Code, Resource.SecondarySupport));
                yield return StageIndicators.For(
                    c,
                    stage,
                    scenario.Policy,
                    posts,
                    days.GetValueOrDefault((c.Code, stage))
                );
            }
        }
    }
}
