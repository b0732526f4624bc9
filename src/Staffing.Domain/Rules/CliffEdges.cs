using Staffing.Domain;

namespace Staffing.Rules;

/// <summary>How one compensatory pupil more or fewer (of the same enrolment) would change a centre's entitlement.</summary>
public sealed record CliffEdge(Stage Stage, int Change, Resource? Resource, int From, int To, string Rule, Explanation Text);

public static class CliffEdges
{
    public static IReadOnlyList<CliffEdge> Of(Centre c, Policy p)
    {
        var result = new List<CliffEdge>();
        var basis = RuleBook.Entitle(c, p);
        foreach (var stage in new[] { Stage.Primary, Stage.Secondary })
        {
            if (!c.Teaches(stage))
                continue;
            foreach (var change in new[] { 1, -1 })
            {
                var comp = c.Comp(stage) + change;
                if (comp < 0 || comp > c.Pupils(stage))
                    continue;
                var moved = stage == Stage.Primary ? c with { PrimaryComp = comp } : c with { EsoComp = comp };
                // An explicit programme flag stays as given; the default follows the counts.
                var other = RuleBook.Entitle(moved, p);
                var words = Explanation.Of(
                    (stage, change > 0) switch
                    {
                        (Stage.Primary, true) => nameof(Texts.BecauseCliffMorePrimary),
                        (Stage.Primary, false) => nameof(Texts.BecauseCliffFewerPrimary),
                        (_, true) => nameof(Texts.BecauseCliffMoreEso),
                        _ => nameof(Texts.BecauseCliffFewerEso),
                    },
                    comp,
                    c.Pupils(stage)
                );
                if (basis.Facts.Priority != other.Facts.Priority)
                    result.Add(
                        new CliffEdge(
                            stage,
                            change,
                            null,
                            basis.Facts.Priority ? 1 : 0,
                            other.Facts.Priority ? 1 : 0,
                            "P-PRIORITY",
                            Explanation.Of(
                                other.Facts.Priority ? nameof(Texts.BecauseCliffPriority) : nameof(Texts.BecauseCliffEndPriority),
                                words
                            )
                        )
                    );
                foreach (var r in Vocabulary.Resources)
                {
                    int from = basis.Amount(r),
                        to = other.Amount(r);
                    if (from == to)
                        continue;
                    var rule = (other.Line(r) ?? basis.Line(r))!.Rules.Split(';')[^1];
                    result.Add(
                        new CliffEdge(
                            stage,
                            change,
                            r,
                            from,
                            to,
                            rule,
                            Explanation.Of(nameof(Texts.BecauseCliffChange), words, r, from, to, rule)
                        )
                    );
                }
            }
        }
        return result;
    }
}
