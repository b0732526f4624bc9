using Staffing.Domain;

namespace Staffing.Io;

/// <summary>trends.csv: a centre's or an area's expected yearly change of compensatory pupils.</summary>
public static class TrendsReader
{
    public static IReadOnlyList<Trend> Read(string path, Scenario s)
    {
        var errors = new InputErrors();
        var table = CsvTable.Read(
            path,
            "trends.csv",
            new CsvOptions(),
            errors,
            ["code", "area", "growth", "spread"],
            ["growth"]
        );
        var result = new List<Trend>();
        if (table is not null && errors.Count == 0)
            foreach (var row in table.Rows)
            {
                var r = new RowReader(table, row, errors);
                var code = r.Text("code");
                var area = r.Text("area");
                if ((code is null) == (area is null))
                    r.Error(
                        code is null ? "code" : "area",
                        code is null ? Texts.FoundEmptyCell : InputErrors.Quote(area!),
                        Texts.ExpectedCodeOrArea
                    );
                else if (code is not null && s.Find(code) is null)
                    r.Error("code", InputErrors.Quote(code), Texts.ExpectedCentreCode);
                else if (area is not null && !s.Centres.Any(c => c.Area == area))
                    r.Error("area", InputErrors.Quote(area), Texts.ExpectedArea);
                var g = r.Decimal("growth", -1, 10);
                if (g is null && r.Text("growth") is null)
                    r.Error("growth", Texts.FoundEmptyCell, Texts.ExpectedGrowth);
                var sd = r.Decimal("spread", 0, 10);
                if (!r.Failed)
                    result.Add(new Trend(code, area, g!.Value, sd));
            }
        if (errors.Count > 0)
            throw new InputException(errors.Messages, errors.Notes);
        return result;
    }
}
