using System.Globalization;
using Staffing.Rules;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Notices;

/// <summary>One centre's notice: what it gets next year, by the rules, why any shortfall, and who comes when.</summary>
public sealed record Notice(
    string Code,
    string Name,
    string Locality,
    string Area,
    string Kind,
    IReadOnlyList<NoticeLine> Lines,
    IReadOnlyList<NoticeShare> Shares,
    IReadOnlyList<NoticeVisit> Visits
);

/// <summary>A resource of the centre in words, its numbers, the reason for a shortfall and the instructions behind it.</summary>
public sealed record NoticeLine(
    string Resource,
    string AllocatedText,
    int Entitled,
    int Allocated,
    string Reason,
    IReadOnlyList<(string Rule, string Instruction)> Rules
)
{
    public int Shortfall => Entitled - Allocated;
}

/// <summary>The itinerant teacher the centre shares: its centres with their days, and the days free.</summary>
public sealed record NoticeShare(string Teacher, string Stage, IReadOnlyList<(string Code, string Name, int Days)> Centres, int FreeDays);

/// <summary>An EOEP person's day at the centre.</summary>
public sealed record NoticeVisit(string Weekday, string Person, string Role, string Team);

/// <summary>The plan as a notice needs it, from a stored run or a plan folder.</summary>
internal sealed record NoticeSource(
    Scenario Scenario,
    IReadOnlyList<(string Code, Resource Resource, int Entitled, int Allocated, string Rules, Explanation Reason)> Lines,
    IReadOnlyList<(string Teacher, Stage Stage, IReadOnlyList<string> Centres, IReadOnlyList<int> Days, int FreeDays)> Teachers,
    IReadOnlyList<(string Eoep, string Person, string Role, int Weekday, string? Centre)> Week
)
{
    public static NoticeSource Of(Scenario s, Plan p) =>
        new(
            s,
            [.. p.Lines.Select(l => (l.Code, l.Resource, l.Entitled, l.Allocated, l.Rules, l.Reason))],
            [.. p.Itinerants.Select(t => (t.Id, t.Stage, (IReadOnlyList<string>)t.Centres, (IReadOnlyList<int>)t.Days, t.FreeDays))],
            [.. (p.Schedule ?? []).Select(x => (x.Eoep, x.Person, x.Role, x.Weekday, x.Centre))]
        );

    public static NoticeSource Of(Scenario s, PlanFiles f) =>
        new(
            s,
            [.. f.Lines.Select(l => (l.Code, l.Resource, l.Entitled, l.Allocated, l.Rules, l.Reason))],
            [.. f.Itinerants.Select(t => (t.Teacher, t.Stage, t.Centres, t.Days, t.FreeDays))],
            [.. (f.Schedule ?? []).Select(x => (x.Eoep, x.Person, x.Role, x.Weekday, x.Centre))]
        );

    /// <summary>Every centre's notice, in code order, in the current language.</summary>
    public IReadOnlyList<Notice> Notices()
    {
        var lines = Lines.ToLookup(l => l.Code);
        var shares = Teachers.SelectMany(t => t.Centres.Select(c => (Centre: c, Teacher: t))).ToLookup(x => x.Centre, x => x.Teacher);
        var visits = Week.Where(w => w.Centre is not null).ToLookup(w => w.Centre!);
        string Name(string code) => Scenario.Find(code)?.Name ?? code;
        return
        [
            .. Scenario
                .Centres.OrderBy(c => c.Code, StringComparer.Ordinal)
                .Select(c => new Notice(
                    c.Code,
                    c.Name,
                    c.Locality,
                    c.Area,
                    c.Kind.ToString(),
                    [
                        .. lines[c.Code]
                            .Where(l => l.Entitled > 0 || l.Allocated > 0)
                            .Select(l => new NoticeLine(
                                Words.Of(l.Resource),
                                Units.Amount(l.Allocated, l.Resource.Unit()),
                                l.Entitled,
                                l.Allocated,
                                Explain.Read(l.Reason),
                                [
                                    .. l.Rules.Split(';', StringSplitOptions.RemoveEmptyEntries)
                                        .Select(id => (id, RuleBook.Find(id) is { } rule ? Explain.Read(rule.InstructionLabel) : "")),
                                ]
                            )),
                    ],
                    [
                        .. shares[c.Code]
                            .Select(t => new NoticeShare(
                                t.Teacher,
                                Words.Of(t.Stage),
                                [.. t.Centres.Select((code, i) => (code, Name(code), t.Days[i]))],
                                t.FreeDays
                            )),
                    ],
                    [
                        .. visits[c.Code]
                            .OrderBy(v => v.Weekday)
                            .ThenBy(v => v.Person, StringComparer.Ordinal)
                            .Select(v => new NoticeVisit(Words.Weekday(v.Weekday), v.Person, Words.Role(v.Role), v.Eoep)),
                    ]
                )),
        ];
    }

    /// <summary>The school year a plan made today is for: the one that starts next September.</summary>
    public static string NextSchoolYear(DateTimeOffset today)
    {
        var start = today.Month >= 9 ? today.Year + 1 : today.Year;
        return $"{start.ToString(CultureInfo.InvariantCulture)}-{(start + 1).ToString(CultureInfo.InvariantCulture)}";
    }
}
