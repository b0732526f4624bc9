using Staffing.Solver;
using System.Collections.Immutable;
using Staffing.Domain;
using Staffing.Rules;

namespace Staffing.Allocation;

/// <summary>One centre's entitlement to one resource, what the allocators share out.</summary>
public sealed record Demand(Centre Centre, Resource Resource, int Entitled, string Rules, Funding Funding)
{
    // Identity, not value: a demand is made once per problem and is a key in every hot dictionary.
    public bool Equals(Demand? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    public string Code => Centre.Code;

    public int Comp => Centre.Comp(Resource.StageOf());
}

/// <summary>A capacity a set of demands draws on: a pool row, or an EOEP team's people in one role.</summary>
/// <remarks>Amounts are posts, days a week, or for itinerant resources teachers (however many centres each serves).</remarks>
public sealed record Capacity(string Key, Explanation Label, Resource Resource, int Amount)
{
    private readonly int hash = Key.GetHashCode(StringComparison.Ordinal);

    public bool Equals(Capacity? other) => other is not null && hash == other.hash && Key == other.Key;

    public override int GetHashCode() => hash;

    /// <summary>The pool row's (area, resource), or null for a team capacity.</summary>
    public PoolRow? Pool { get; init; }

    public string? Team { get; init; }
}

/// <summary>
/// The allocation problem, built from the domain once: the demands, the capacities each demand draws on,
/// the locks, this year's holdings. Knows nothing of any solver.
/// </summary>
public sealed class AllocationProblem
{
    public Scenario Scenario { get; }
    public Policy Policy => Scenario.Policy;
    public ImmutableArray<Entitlement> Entitlements { get; }
    public ImmutableArray<Demand> Demands { get; }
    public ImmutableArray<Capacity> Capacities { get; }

    private readonly Dictionary<Demand, ImmutableArray<Capacity>> capacitiesOf = [];
    private readonly Dictionary<(string, Resource), Demand> demandOf = [];
    private readonly Dictionary<(string, Resource), Holding> locks = [];
    private readonly Dictionary<(string, Resource), Holding> current = [];

    [System.Runtime.CompilerServices.MethodImpl(
        System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization
    )]
    public AllocationProblem(Scenario scenario)
    {
        Scenario = scenario;
        var p = scenario.Policy;
        Entitlements =
        [
            .. scenario.Centres.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => RuleBook.Entitle(c, p)),
        ];
        Demands =
        [
            .. Entitlements.SelectMany(e =>
                e.Lines.Select(l => new Demand(e.Centre, l.Resource, l.Entitled, l.Rules, l.Funding))
            ),
        ];
        foreach (var d in Demands)
            demandOf[(d.Code, d.Resource)] = d;
        foreach (var h in scenario.Locks ?? [])
            locks[(h.Code, h.Resource)] = h;
        foreach (var h in scenario.Current ?? [])
            current[(h.Code, h.Resource)] = h;

        var caps = new List<Capacity>();
        var poolCaps = new Dictionary<(string, Resource), Capacity>();
        foreach (var row in (scenario.Pool ?? []).OrderBy(r => r.Area, StringComparer.Ordinal).ThenBy(r => r.Resource))
        {
            var cap = new Capacity(
                $"pool {row.Area} {row.Resource.Name()}",
                row.Area == PoolRow.AllAreas
                    ? Explanation.Of(nameof(Texts.ReasonAllAreas), row.Resource)
                    : Explanation.Of(nameof(Texts.ReasonAreaPool), row.Area, row.Resource),
                row.Resource,
                row.Amount
            )
            {
                Pool = row,
            };
            poolCaps[(row.Area, row.Resource)] = cap;
            caps.Add(cap);
        }
        var teamCaps = new Dictionary<(string, Resource), Capacity>();
        foreach (var team in (scenario.Teams ?? []).OrderBy(t => t.Code, StringComparer.Ordinal))
        {
            foreach (
                var (resource, people, role) in new[]
                {
                    (Resource.PsychopedagogueDays, team.Psychopedagogues, nameof(Texts.ReasonTeamPsychopedagogues)),
                    (Resource.PtscDays, team.Ptsc, nameof(Texts.ReasonTeamPtsc)),
                }
            )
            {
                var cap = new Capacity(
                    $"team {team.Code} {resource.Name()}",
                    Explanation.Of(role, team.Code),
                    resource,
                    people * p.EoepDaysPerPerson
                )
                {
                    Team = team.Code,
                };
                teamCaps[(team.Code, resource)] = cap;
                caps.Add(cap);
            }
        }
        foreach (var d in Demands)
        {
            var list = ImmutableArray.CreateBuilder<Capacity>();
            if (d.Funding == Funding.Pool)
            {
                if (poolCaps.TryGetValue((d.Centre.Area, d.Resource), out var a))
                    list.Add(a);
                if (poolCaps.TryGetValue((PoolRow.AllAreas, d.Resource), out var all))
                    list.Add(all);
                if (scenario.Teams is not null && d.Resource.IsEoepDays())
                {
                    if (d.Centre.Eoep is { } t && teamCaps.TryGetValue((t, d.Resource), out var tc))
                        list.Add(tc);
                    else
                    {
                        var none = NoTeam(d);
                        caps.Add(none);
                        list.Add(none);
                    }
                }
            }
            capacitiesOf[d] = list.ToImmutable();
        }
        Capacities = [.. caps];
    }

    private static Capacity NoTeam(Demand d) =>
        new($"no team {d.Code} {d.Resource.Name()}", Explanation.Of(nameof(Texts.ReasonNoTeamLabel)), d.Resource, 0);

    public ImmutableArray<Capacity> CapacitiesOf(Demand d) => capacitiesOf[d];

    public Demand? Find(string code, Resource r) => demandOf.GetValueOrDefault((code, r));

    public Holding? Lock(string code, Resource r) => locks.GetValueOrDefault((code, r));

    public IEnumerable<Holding> Locks => locks.Values;

    public Holding? Current(string code, Resource r) => current.GetValueOrDefault((code, r));

    private IReadOnlyList<(string A, string B, Stage Stage)>? currentPairs;

    /// <summary>This year's itinerant pairs (current.csv), each once, in code order; computed once, asked per component.</summary>
    public IReadOnlyList<(string A, string B, Stage Stage)> CurrentPairs =>
        currentPairs ??= [
            .. (Scenario.Current ?? [])
                .Where(h => h.Resource.IsItinerant() && h.Partner is not null)
                .Select(h =>
                    string.CompareOrdinal(h.Code, h.Partner) < 0
                        ? (h.Code, h.Partner!, h.Resource.StageOf())
                        : (h.Partner!, h.Code, h.Resource.StageOf())
                )
                .Distinct()
                .OrderBy(t => t.Item1, StringComparer.Ordinal)
                .ThenBy(t => t.Item2, StringComparer.Ordinal),
        ];

    /// <summary>Whether a demand is shared out under scarcity (public pool, or concertado in the pool).</summary>
    public static bool Allocatable(Demand d) => d.Funding == Funding.Pool;

    /// <summary>The contract's tie order: more compensatory pupils in the stage, then the lower code.</summary>
    public static int TieOrder(Demand a, Demand b)
    {
        var c = b.Comp.CompareTo(a.Comp);
        return c != 0 ? c : string.CompareOrdinal(a.Code, b.Code);
    }
}
