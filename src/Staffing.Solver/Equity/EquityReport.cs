using Staffing.Solver;
using System.Globalization;
using Staffing.Allocation;
using Staffing.Domain;

namespace Staffing.Equity;

public sealed record EquityRow(
    string Level,
    string Area,
    string Locality,
    Stage Stage,
    int Centres,
    long Pupils,
    long Compensatory,
    double? Dissimilarity,
    double? DissimilarityLow,
    double? DissimilarityHigh,
    double? Isolation,
    double? Exposure,
    double? Gini,
    int AbovePriority,
    double? PostsPer100,
    double? EoepDaysPer100,
    double? CoverageGini,
    Explanation Warning,
    OwnershipSplit Ownership
);

/// <summary>
/// How compensatory pupils are spread between public and concertado schools (what the local segregation pacts
/// measure): each sector's share of the compensatory pupils against its share of all pupils, the ratio of the two
/// (1 = its fair share, below 1 fewer), and D between the two sectors taken as two schools. Null without both sectors.
/// </summary>
public sealed record OwnershipSplit(
    double? PublicShareCompensatory,
    double? PublicSharePupils,
    double? PublicRatio,
    double? ConcertadoShareCompensatory,
    double? ConcertadoSharePupils,
    double? ConcertadoRatio,
    double? SectorDissimilarity
)
{
    public static OwnershipSplit Of(IReadOnlyList<Centre> centres, Stage stage)
    {
        Unit Sector(Ownership o)
        {
            var mine = centres.Where(c => c.Ownership == o).ToList();
            return new Unit(mine.Sum(c => c.Pupils(stage)), mine.Sum(c => c.Comp(stage)));
        }
        var (pub, con) = (Sector(Ownership.Public), Sector(Ownership.Concertado));
        long pupils = pub.Pupils + con.Pupils,
            comp = pub.Minority + con.Minority;
        double? Share(long part, long whole) => whole == 0 ? null : (double)part / whole;
        double? Ratio(double? a, double? b) => a is { } x && b is { } y && y > 0 ? x / y : null;
        var (pc, pp) = (Share(pub.Minority, comp), Share(pub.Pupils, pupils));
        var (cc, cp) = (Share(con.Minority, comp), Share(con.Pupils, pupils));
        var both = pub.Pupils > 0 && con.Pupils > 0;
        return new OwnershipSplit(
            pc,
            pp,
            Ratio(pc, pp),
            cc,
            cp,
            Ratio(cc, cp),
            both ? Segregation.Dissimilarity([pub, con]) : null
        );
    }
}

/// <summary>Segregation of compensatory pupils per region, area and locality and stage, beside the staff the plan gives them.</summary>
public static class EquityReport
{
    public const int BootstrapSamples = 200;
    public const int MinCentres = 3;
    public const int MinCompensatory = 30;

    public static IReadOnlyList<EquityRow> Compute(AllocationProblem problem, Plan? plan, bool byLocality, int seed)
    {
        var s = problem.Scenario;
        var lines = plan?.Lines.ToLookup(l => l.Code);
        var rows = new List<EquityRow>();
        var groups = new List<(string Level, string Area, string Locality, List<Centre> Centres)>
        {
            ("region", "*", "*", [.. s.Centres]),
        };
        foreach (var a in s.Centres.GroupBy(c => c.Area).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            groups.Add(("area", a.Key, "*", [.. a]));
            if (byLocality)
                foreach (var l in a.GroupBy(c => c.Locality).OrderBy(g => g.Key, StringComparer.Ordinal))
                    groups.Add(("locality", a.Key, l.Key, [.. l]));
        }
        foreach (var (level, area, locality, centres) in groups)
        foreach (var stage in new[] { Stage.Primary, Stage.Secondary })
        {
            var teaching = centres
                .Where(c => c.Teaches(stage) && c.Pupils(stage) > 0)
                .OrderBy(c => c.Code, StringComparer.Ordinal)
                .ToList();
            if (teaching.Count == 0)
                continue;
            var units = teaching.Select(c => new Unit(c.Pupils(stage), c.Comp(stage))).ToList();
            var comp = units.Sum(u => (long)u.Minority);
            var (low, high) = Segregation.DissimilarityInterval(
                units,
                BootstrapSamples,
                seed ^ StableHash(level + area + locality + stage)
            );
            var above = teaching.Count(c => Rules.PPriority.Crosses(c.Comp(stage), c.Pupils(stage), problem.Policy));
            double? posts = null,
                days = null,
                coverage = null;
            if (lines is not null && comp > 0)
            {
                var mine = teaching.SelectMany(c => lines[c.Code]).Where(l => l.Resource.StageOf() == stage).ToList();
                posts =
                    100.0
                    * mine.Where(l => !l.Resource.IsEoepDays())
                        .Sum(l => l.Resource.IsItinerant() ? 1.0 / problem.Policy.ItinerantShare : l.Allocated)
                    / comp;
                days =
                    stage == Stage.Primary
                        ? 100.0 * mine.Where(l => l.Resource.IsEoepDays()).Sum(l => l.Allocated) / comp
                        : null;
                coverage = Segregation.GiniOf([
                    .. mine.Where(l => l.Funding == Funding.Pool && l.Entitled > 0)
                        .Select(l => (double)l.Allocated / l.Entitled),
                ]);
            }
            var warning =
                teaching.Count < MinCentres
                    ? Explanation.Of(nameof(Texts.ReasonSmallUnitCentres), teaching.Count, MinCentres)
                : comp < MinCompensatory
                    ? Explanation.Of(nameof(Texts.ReasonSmallUnitPupils), comp, MinCompensatory)
                : Explanation.None;
            rows.Add(
                new EquityRow(
                    level,
                    area,
                    locality,
                    stage,
                    teaching.Count,
                    units.Sum(u => (long)u.Pupils),
                    comp,
                    Segregation.Dissimilarity(units),
                    low,
                    high,
                    Segregation.Isolation(units),
                    Segregation.Exposure(units),
                    Segregation.Gini(units),
                    above,
                    posts,
                    days,
                    coverage,
                    warning,
                    OwnershipSplit.Of(teaching, stage)
                )
            );
        }
        return rows;
    }

    /// <summary>A hash that does not change between runs (string.GetHashCode does), for per-unit seeds.</summary>
    private static int StableHash(string s)
    {
        unchecked
        {
            var h = (int)2166136261;
            foreach (var ch in s)
                h = (h ^ ch) * 16777619;
            return h;
        }
    }

    public static string F(double? v) => v?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "";
}
