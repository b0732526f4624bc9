using Staffing.Domain;
using Staffing.Io;
using Staffing.Rules;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Reports;

// What the report's pages show, as the Razor components take it (public: components' parameters are).

/// <remarks>
/// <paramref name="OnePageCentres"/>: a region of more centres gets an index and pages (Madrid's 1,148 stay one page,
/// 6.6 MB); <paramref name="CentresPerPage"/>: the most on one page (about 4 MB with traces in both languages).
/// </remarks>
public sealed record ReportLayout(int OnePageCentres, int CentresPerPage)
{
    public static readonly ReportLayout Default = new(2_000, 500);
}

public sealed record ReportModel(
    PlanSummary Summary,
    IReadOnlyList<ReportArea> Areas,
    byte[] AreasChart,
    ReportConcentration? Concentration,
    IReadOnlyList<ReportChange>? Changes,
    IReadOnlyList<ReportCentre> Centres,
    IReadOnlyList<ItinerantRow> Itinerants,
    IReadOnlyList<ReportPerson> Week,
    IReadOnlyList<IndicatorCsvRow> Indicators,
    IReadOnlyDictionary<string, string> TeamNames,
    ReportPaging? Paging = null
);

/// <summary>A large region's report in pages: the folder beside the index, its pages, and the page of each centre.</summary>
public sealed record ReportPaging(
    string Folder,
    IReadOnlyList<ReportPageLink> Pages,
    IReadOnlyDictionary<string, string> PageOf
);

/// <remarks>
/// <paramref name="File"/>: relative to the index; <paramref name="Part"/> of <paramref name="Parts"/> of an area;
/// <paramref name="Short"/>: its centres' pool rows with a shortfall.
/// </remarks>
public sealed record ReportPageLink(
    string File,
    string Area,
    int Part,
    int Parts,
    IReadOnlyList<string> Centres,
    IReadOnlyList<PlanRow> Short
)
{
    /// <summary>The page's shortfall in words, each unit kind apart ("" when none).</summary>
    public string Shortfall => Short.Count == 0 ? "" : ReportHtml.ShortfallOf(Short);

    /// <summary>The area, and its part when it has several, in the current language.</summary>
    public string Title => Parts == 1 ? Area : Say.Format(Texts.ReportPagePart, Area, Part, Parts);
}

public sealed record ReportArea(
    string Area,
    string Funding,
    string Resource,
    long Entitled,
    long Allocated,
    long Shortfall,
    decimal Cost
);

public sealed record ReportConcentration(byte[] SharesChart, IReadOnlyList<Equity.EquityRow> Equity);

public sealed record ReportChange(string Code, string Resource, int BaseAllocated, int Allocated, int Entitled);

public sealed record ReportCentre(
    string Code,
    Centre? Centre,
    int Shortfall,
    IReadOnlyList<PlanRow> Lines,
    IReadOnlyList<TraceLine>? Trace
);

/// <remarks><paramref name="Days"/>: a centre's code a weekday, <see cref="Reserved"/>, or empty.</remarks>
public sealed record ReportPerson(string Eoep, string Person, string Role, IReadOnlyList<string> Days)
{
    public const string Reserved = "reserved";
}
