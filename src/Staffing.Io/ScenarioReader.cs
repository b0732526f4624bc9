using System.Text.Json;
using Staffing.Domain;

namespace Staffing.Io;

/// <summary>Reads and validates a scenario folder against SCENARIO-FORMAT.md; all errors at once.</summary>
public static partial class ScenarioReader
{
    public static readonly string[] CentreColumns =
    [
        "code",
        "name",
        "area",
        "locality",
        "kind",
        "ownership",
        "primary_pupils",
        "primary_comp",
        "cycles",
        "eso_pupils",
        "eso_comp",
        "itinerant_justified",
        "ptsc_need",
        "no_spanish",
        "programme",
        "eoep",
        "lat",
        "lon",
        "specific_group_pupils",
        "ace_pupils",
        "infant_pupils",
        "infant_comp",
    ];

    private static readonly string[] CentreRequired = ["code", "name", "area", "locality", "kind"];
    private static readonly string[] PoolColumns = ["area", "resource", "amount"];
    private static readonly string[] EoepColumns = ["eoep", "area", "psychopedagogues", "ptsc"];
    private static readonly string[] EoepKnown = [.. EoepColumns, "name"];
    private static readonly string[] HoldingColumns = ["code", "resource", "amount", "partner"];
    private static readonly string[] HoldingRequired = ["code", "resource", "amount"];

    /// <summary>
    /// Reads the folder; policy files (a --policy, a what-if variant) apply after the folder's own policy.json, in
    /// order. Throws <see cref="InputException"/> with every error found.
    /// </summary>
    public static Scenario Read(string folder, CsvOptions? options = null, params string?[] policyFiles) =>
        Read(ScenarioSource.Folder(folder), options, policyFiles);

    /// <summary>
    /// As <see cref="Read(string, CsvOptions?, string?[])"/> from any source; <paramref name="overrides"/> (a stored
    /// run's policy overrides, read as a policy.json) apply last.
    /// </summary>
    internal static Scenario Read(
        ScenarioSource folder,
        CsvOptions? options,
        IReadOnlyList<string?> policyFiles,
        string? overrides = null
    )
    {
        options ??= new CsvOptions();
        var errors = new InputErrors();
        if (!folder.Found)
            throw new InputException(
                [Say.Format(Texts.NoScenarioFolder, folder.Name)],
                []
            );

        List<(Centre Centre, int Line)> read = [];
        CsvTable? centreTable = null;
        if (!folder.Has("centres.csv"))
            errors.Add("centres.csv", 1, 1, Say.Format(Texts.FoundNoCentresFile, folder.Name), Texts.ExpectedCentresFile);
        else if (
            (centreTable = CsvTable.Read(() => folder.Open("centres.csv"), "centres.csv", options, errors, CentreColumns, CentreRequired))
            is not null
        )
        {
            read = ReadCentres(centreTable, errors);
            if (centreTable.Rows.Count == 0 && CentreRequired.All(centreTable.Has))
                errors.Add("centres.csv", 2, 1, Texts.FoundNoCentreRows, Texts.ExpectedOneCentre);
        }
        var centres = read.Select(x => x.Centre).ToList();

        // Rows with errors still define their area and code, so other files are not blamed for them.
        var areas = Cells(centreTable, "area").ToHashSet(StringComparer.Ordinal);
        var codes = Cells(centreTable, "code").ToHashSet(StringComparer.Ordinal);

        var teams = Optional(
            folder,
            "eoep.csv",
            options,
            errors,
            EoepKnown,
            EoepColumns,
            t => ReadTeams(t, areas, errors)
        );
        if (teams is not null && centreTable is not null)
        {
            var teamCodes = teams.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
            foreach (var (centre, line) in read)
                if (centre.Eoep is { } team && !teamCodes.Contains(team))
                    errors.Add(
                        "centres.csv",
                        line,
                        centreTable.Column("eoep") + 1,
                        InputErrors.Quote(team),
                        Texts.ExpectedTeamCode
                    );
        }
        var pool = Optional(
            folder,
            "pool.csv",
            options,
            errors,
            PoolColumns,
            PoolColumns,
            t => ReadPool(t, areas, errors)
        );
        var current = Optional(
            folder,
            "current.csv",
            options,
            errors,
            HoldingColumns,
            HoldingRequired,
            t => ReadHoldings(t, codes, errors, locks: false)
        );
        var locks = Optional(
            folder,
            "locks.csv",
            options,
            errors,
            HoldingColumns,
            HoldingRequired,
            t => ReadHoldings(t, codes, errors, locks: true)
        );

        var policy = PolicyLoader.Defaults;
        if (folder.IsFolder("policy.json"))
            errors.Add("policy.json", 1, 1, Texts.FoundFolder, Texts.ExpectedPolicyFile);
        else if (folder.Has("policy.json"))
            policy = PolicyLoader.Override(policy, ReadText(() => folder.Open("policy.json"), "policy.json", errors), "policy.json", errors);
        foreach (var extraPolicyFile in policyFiles.OfType<string>())
        {
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(extraPolicyFile));
            if (Directory.Exists(extraPolicyFile))
                errors.Add(name, 1, 1, Texts.FoundFolder, Texts.ExpectedPolicyFile);
            else if (!File.Exists(extraPolicyFile))
                errors.Add(name, 1, 1, Texts.FoundNoSuchFile, Texts.ExpectedPolicyFile);
            else
                policy = PolicyLoader.Override(policy, ReadText(() => File.OpenRead(extraPolicyFile), name, errors), name, errors);
        }
        if (overrides is not null)
            policy = PolicyLoader.Override(policy, overrides, "policy.json", errors);

        if (errors.Count > 0)
            throw new InputException(errors.Messages, errors.Notes);
        return new Scenario(centres, pool, teams, current, locks, policy) { Notes = errors.Notes };
    }

    private static IEnumerable<string> Cells(CsvTable? t, string column)
    {
        var i = t?.Column(column) ?? -1;
        return i < 0
            ? []
            : t!.Rows.Where(r => i < r.Fields.Length && r.Fields[i].Trim().Length > 0).Select(r => r.Fields[i].Trim());
    }

    private static string ReadText(Func<Stream> open, string file, InputErrors errors)
    {
        try
        {
            using var reader = new StreamReader(open());
            return reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(file, 1, 1, Say.Format(Texts.FoundUnreadable, ex.Message), Texts.ExpectedReadable);
            return "{}";
        }
    }

    private static List<T>? Optional<T>(
        ScenarioSource folder,
        string file,
        CsvOptions options,
        InputErrors errors,
        string[] known,
        string[] required,
        Func<CsvTable, List<T>> read
    )
    {
        if (!folder.Has(file))
            return null;
        var table = CsvTable.Read(() => folder.Open(file), file, options, errors, known, required);
        if (table is null)
            return [];
        return required.All(table.Has) ? read(table) : [];
    }

    private static List<(Centre, int)> ReadCentres(CsvTable t, InputErrors errors)
    {
        var result = new List<(Centre, int)>();
        if (!CentreRequired.All(t.Has))
            return result;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var r = new RowReader(t, row, errors);
            var code = r.Required("code");
            if (code.Length > 0 && !seen.TryAdd(code, row.Line))
                r.Error("code", InputErrors.Quote(code), Say.Format(Texts.ExpectedUniqueCode, seen[code]));
            var name = r.Required("name");
            var area = r.Required("area");
            if (area == PoolRow.AllAreas)
                r.Error("area", "\"*\"", Texts.ExpectedAreaName);
            var locality = r.Required("locality");
            var kindText = r.Required("kind");
            var kindOk =
                Enum.TryParse(kindText, ignoreCase: true, out CentreKind kind) && !int.TryParse(kindText, out _);
            if (kindText.Length > 0 && !kindOk)
                r.Error("kind", InputErrors.Quote(kindText), Say.Format(Texts.ExpectedOneOf, "CEIP, IES, CEIPSO, CRA"));
            var ownership = Ownership.Public;
            switch (r.Text("ownership")?.ToLowerInvariant())
            {
                case null or "public" or "pública" or "publica":
                    break;
                case "concertado" or "concertada":
                    ownership = Ownership.Concertado;
                    // A CRA is a public school by definition (RULES.md, P-CONCERTADO).
                    if (kindOk && kind == CentreKind.CRA)
                        r.Error("ownership", "\"concertado\"", Texts.ExpectedPublicCra);
                    break;
                case var other:
                    r.Error("ownership", InputErrors.Quote(other), Texts.ExpectedOwnership);
                    break;
            }

            var (pp, pc) = StageCounts(r, kind, "primary_pupils", "primary_comp", kind.TeachesPrimary(), kindOk);
            var (ep, ec) = StageCounts(r, kind, "eso_pupils", "eso_comp", kind.TeachesEso(), kindOk);
            var cycles = r.Int("cycles", 1, 3) ?? 3;
            var justified = r.Bool("itinerant_justified") ?? false;
            var need = r.Int("ptsc_need", 1, 3) ?? 1;
            var noSpanish = r.Int("no_spanish") ?? 0;
            var programme = r.Bool("programme") ?? (pc + ec > 0);
            var eoep = r.Text("eoep");
            var lat = r.Decimal("lat", -90, 90);
            var lon = r.Decimal("lon", -180, 180);
            if (lat.HasValue != lon.HasValue && !r.Failed)
                r.Error(lat.HasValue ? "lon" : "lat", Texts.FoundEmptyCell, Texts.ExpectedLatLon);
            var specific = r.Int("specific_group_pupils") ?? 0;
            var ace = r.Int("ace_pupils") ?? 0;
            var infantPupils = r.Int("infant_pupils") ?? 0;
            var infantComp = r.Int("infant_comp") ?? 0;
            // An institute teaches no infant stage: its counts are an error, as ESO counts are for a CEIP.
            if (kindOk && kind == CentreKind.IES)
                foreach (var (col, n) in new[] { ("infant_pupils", infantPupils), ("infant_comp", infantComp) })
                    if (n > 0)
                        r.Error(
                            col,
                            n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            Say.Format(Texts.ExpectedNoStageCount, col, "IES")
                        );
            if (infantComp > infantPupils && !r.Failed)
                r.Error(
                    "infant_comp",
                    infantComp.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Say.Format(Texts.ExpectedAtMost, "infant_pupils", infantPupils)
                );
            if (!r.Failed)
                result.Add(
                    (
                        new Centre(
                            code,
                            name,
                            area,
                            locality,
                            kind,
                            ownership,
                            pp,
                            pc,
                            cycles,
                            ep,
                            ec,
                            justified,
                            need,
                            noSpanish,
                            programme,
                            eoep,
                            lat,
                            lon,
                            specific,
                            ace
                        )
                        {
                            InfantPupils = infantPupils,
                            InfantComp = infantComp,
                        },
                        row.Line
                    )
                );
        }
        return result;
    }

    /// <summary>A stage's (pupils, compensatory) pair: required where the kind teaches it, absent (or 0) where not.</summary>
    private static (int, int) StageCounts(
        RowReader r,
        CentreKind kind,
        string pupilsCol,
        string compCol,
        bool teaches,
        bool kindOk
    )
    {
        var pupils = r.Int(pupilsCol);
        var comp = r.Int(compCol);
        if (!kindOk)
            return (0, 0);
        if (teaches)
        {
            if (pupils is null && r.Text(pupilsCol) is null)
                r.Error(pupilsCol, Texts.FoundEmptyCell, Say.Format(Texts.ExpectedPupils, pupilsCol, kind));
            if (comp is null && r.Text(compCol) is null)
                r.Error(
                    compCol,
                    Texts.FoundEmptyCell,
                    Say.Format(Texts.ExpectedCompensatory, compCol, kind)
                );
            if (pupils is { } p && comp is { } c && c > p)
                r.Error(
                    compCol,
                    c.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Say.Format(Texts.ExpectedAtMost, pupilsCol, p)
                );
            return (pupils ?? 0, comp ?? 0);
        }
        {
            if (pupils > 0)
                r.Error(
                    pupilsCol,
                    pupils.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Say.Format(Texts.ExpectedNoStageCount, pupilsCol, kind)
                );
            if (comp > 0)
                r.Error(
                    compCol,
                    comp.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Say.Format(Texts.ExpectedNoStageCount, compCol, kind)
                );
        }
        return (0, 0);
    }
}
