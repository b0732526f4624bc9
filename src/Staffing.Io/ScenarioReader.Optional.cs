using System.Text.Json;
using Staffing.Domain;

namespace Staffing.Io;

// The optional files' rows: pool.csv, eoep.csv, current.csv and locks.csv.
public static partial class ScenarioReader
{
    private static List<PoolRow> ReadPool(CsvTable t, HashSet<string> areas, InputErrors errors)
    {
        var result = new List<PoolRow>();
        var seen = new Dictionary<(string, Resource), int>();
        foreach (var row in t.Rows)
        {
            var r = new RowReader(t, row, errors);
            var area = r.Required("area");
            if (area.Length > 0 && area != PoolRow.AllAreas && !areas.Contains(area))
                r.Error("area", InputErrors.Quote(area), Texts.ExpectedPoolArea);
            var resource = Resource(r);
            var amount = r.Int("amount");
            if (amount is null && r.Text("amount") is null)
                r.Error("amount", Texts.FoundEmptyCell, Say.Format(Texts.ExpectedCount, "amount"));
            if (!r.Failed && !seen.TryAdd((area, resource), row.Line))
                r.Error(
                    "resource",
                    InputErrors.Quote(resource.Name()),
                    Say.Format(Texts.ExpectedOnePoolRow, seen[(area, resource)])
                );
            if (!r.Failed)
                result.Add(new PoolRow(area, resource, amount!.Value));
        }
        return result;
    }

    private static Resource Resource(RowReader r)
    {
        var text = r.Required("resource");
        if (text.Length > 0 && !Vocabulary.TryParseResource(text, out var resource))
            r.Error("resource", InputErrors.Quote(text), Say.Format(Texts.ExpectedOneOf, Vocabulary.ResourceList));
        else
            Vocabulary.TryParseResource(text, out resource);
        return resource;
    }

    private static List<EoepTeam> ReadTeams(CsvTable t, HashSet<string> areas, InputErrors errors)
    {
        var result = new List<EoepTeam>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var r = new RowReader(t, row, errors);
            var code = r.Required("eoep");
            if (code.Length > 0 && !seen.TryAdd(code, row.Line))
                r.Error("eoep", InputErrors.Quote(code), Say.Format(Texts.ExpectedUniqueTeam, seen[code]));
            var area = r.Required("area");
            if (area.Length > 0 && !areas.Contains(area))
                r.Error("area", InputErrors.Quote(area), Texts.ExpectedArea);
            var psy = r.Int("psychopedagogues");
            if (psy is null && r.Text("psychopedagogues") is null)
                r.Error("psychopedagogues", Texts.FoundEmptyCell, Say.Format(Texts.ExpectedCount, "psychopedagogues"));
            var ptsc = r.Int("ptsc");
            if (ptsc is null && r.Text("ptsc") is null)
                r.Error("ptsc", Texts.FoundEmptyCell, Say.Format(Texts.ExpectedCount, "ptsc"));
            if (!r.Failed)
                result.Add(new EoepTeam(code, area, psy!.Value, ptsc!.Value, r.Text("name")));
        }
        return result;
    }

    private static List<Holding> ReadHoldings(CsvTable t, HashSet<string> centres, InputErrors errors, bool locks)
    {
        var result = new List<Holding>();
        var seen = new Dictionary<(string, Resource), int>();
        foreach (var row in t.Rows)
        {
            var r = new RowReader(t, row, errors);
            var code = r.Required("code");
            if (code.Length > 0 && !centres.Contains(code))
                r.Error("code", InputErrors.Quote(code), Texts.ExpectedCentreCode);
            var resource = Resource(r);
            var itinerant = resource.IsItinerant();
            var amount = locks && itinerant ? r.Int("amount", 0, 1) : r.Int("amount");
            if (amount is null && r.Text("amount") is null)
                r.Error("amount", Texts.FoundEmptyCell, Say.Format(Texts.ExpectedCount, "amount"));
            var partner = r.Text("partner");
            if (partner is not null)
            {
                if (!r.Failed && !itinerant)
                    r.Error(
                        "partner",
                        InputErrors.Quote(partner),
                        Texts.ExpectedNoPartner
                    );
                else if (!centres.Contains(partner))
                    r.Error("partner", InputErrors.Quote(partner), Texts.ExpectedCentreCode);
                else if (partner == code)
                    r.Error("partner", InputErrors.Quote(partner), Texts.ExpectedOtherCentre);
            }
            if (!r.Failed && !seen.TryAdd((code, resource), row.Line))
                r.Error(
                    "resource",
                    InputErrors.Quote(resource.Name()),
                    Say.Format(Texts.ExpectedOneHoldingRow, seen[(code, resource)])
                );
            if (!r.Failed)
                result.Add(new Holding(code, resource, amount!.Value, partner));
        }
        return result;
    }
}
