using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Staffing.Domain;

public static class ScenarioHash
{
    /// <summary>SHA-256 of the parsed scenario in canonical order, so shuffled rows give the same hash.</summary>
    public static string Of(Scenario s)
    {
        var sb = new StringBuilder();
        static string F(double? d) => d?.ToString("R", CultureInfo.InvariantCulture) ?? "";
        foreach (var c in s.Centres.OrderBy(c => c.Code, StringComparer.Ordinal))
            sb.Append(
                CultureInfo.InvariantCulture,
                $"centre|{c.Code}|{c.Name}|{c.Area}|{c.Locality}|{c.Kind}|{c.Ownership}|{c.PrimaryPupils}|{c.PrimaryComp}|{c.Cycles}|{c.EsoPupils}|{c.EsoComp}|{c.ItinerantJustified}|{c.PtscNeed}|{c.NoSpanish}|{c.Programme}|{c.Eoep}|{F(c.Lat)}|{F(c.Lon)}|{c.SpecificGroupPupils}|{c.AcePupils}|{c.InfantPupils}|{c.InfantComp}\n"
            );
        foreach (var p in (s.Pool ?? []).OrderBy(p => p.Area, StringComparer.Ordinal).ThenBy(p => p.Resource))
            sb.Append(CultureInfo.InvariantCulture, $"pool|{p.Area}|{p.Resource.Name()}|{p.Amount}\n");
        foreach (var t in (s.Teams ?? []).OrderBy(t => t.Code, StringComparer.Ordinal))
            sb.Append(
                CultureInfo.InvariantCulture,
                $"eoep|{t.Code}|{t.Area}|{t.Psychopedagogues}|{t.Ptsc}{(t.Name is null ? "" : "|" + t.Name)}\n"
            );
        foreach (var (tag, rows) in new[] { ("current", s.Current), ("lock", s.Locks) })
        foreach (var h in (rows ?? []).OrderBy(h => h.Code, StringComparer.Ordinal).ThenBy(h => h.Resource))
            sb.Append(CultureInfo.InvariantCulture, $"{tag}|{h.Code}|{h.Resource.Name()}|{h.Amount}|{h.Partner}\n");
        // A parameter added after plans were first hashed ("hash_default": false) enters the hash only when set away
        // from its default, so a plan made before it keeps its hash.
        foreach (var (k, v) in s.Policy.Values)
            if (PolicyLoader.Find(k) is not { HashDefault: false } info || v != info.DefaultJson)
                sb.Append(CultureInfo.InvariantCulture, $"policy|{k}|{v}\n");
        sb.Append(
            CultureInfo.InvariantCulture,
            $"files|{s.Pool is not null}|{s.Teams is not null}|{s.Current is not null}|{s.Locks is not null}\n"
        );
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
