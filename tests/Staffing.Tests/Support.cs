using Staffing.Domain;

namespace Staffing.Tests;

public static class Support
{
    public static Policy Defaults => Staffing.Domain.PolicyLoader.Defaults;

    public static Policy With(string json)
    {
        var errors = new Staffing.Domain.InputErrors();
        var p = Staffing.Domain.PolicyLoader.Override(Defaults, json, "policy.json", errors);
        Assert.Empty(errors.Messages);
        return p;
    }

    public static Centre Ceip(int pupils, int comp, int cycles = 3, bool justified = false, string code = "C1") =>
        Centre.Create(code, CentreKind.CEIP, pupils, comp) with
        {
            Cycles = cycles,
            ItinerantJustified = justified,
        };

    public static Centre Ies(int pupils, int comp, bool justified = false, string code = "I1") =>
        Centre.Create(code, CentreKind.IES, esoPupils: pupils, esoComp: comp) with
        {
            ItinerantJustified = justified,
        };

    public static Centre Cra(int pupils, int comp, bool justified = false, string code = "R1") =>
        Centre.Create(code, CentreKind.CRA, pupils, comp) with
        {
            ItinerantJustified = justified,
        };

    public static Centre Concertado(this Centre c) => c with { Ownership = Ownership.Concertado };

    public static Staffing.Rules.Entitlement Entitle(Centre c, Policy? p = null) =>
        Staffing.Rules.RuleBook.Entitle(c, p ?? Defaults);

    /// <summary>One rule on its own, with the facts the earlier rules give: its number and its reason.</summary>
    public static (int Result, string Because) Apply(Staffing.Rules.Rule rule, Centre c, Policy? p = null)
    {
        var policy = p ?? Defaults;
        var facts = Staffing.Rules.RuleBook.Facts(c, policy);
        var result = rule.Evaluate(c, policy, facts);
        return (result, rule.Because(c, policy, facts, result).En());
    }

    /// <summary>An explanation as the contract's files write it (English, codes): what the tests read.</summary>
    public static string En(this Explanation e) => Staffing.Cli.Localization.Explain.Contract(e);

    /// <summary>An explanation as a reader of <paramref name="language"/> reads it.</summary>
    public static string In(this Explanation e, string language) => Staffing.Cli.Localization.Explain.Wording.Read(e, language);

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Staffing.sln")))
                dir = dir.Parent;
            return dir?.FullName
                ?? throw new InvalidOperationException("Staffing.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Sample => Path.Combine(RepoRoot, "scenarios", "sample");

    /// <summary>The program in this process, with no locale from the machine running the tests: English unless asked.</summary>
    public static (int Exit, string Out, string Err) Run(params string[] args) => RunWith(_ => null, args);

    /// <summary>The program with these environment variables (LANG, LC_ALL…), for what follows the locale.</summary>
    public static (int Exit, string Out, string Err) RunWith(Func<string, string?> environment, params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = global::Staffing.Cli.App.Run(args, o, e, environment: environment);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>A campaign runs in batches, each its own process and seed: FUZZ_SEED shifts every fuzz test's seed.</summary>
    public static int FuzzSeed(int seed) =>
        seed + (int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var shift) ? shift : 0);

    public static string TempDir()
    {
        var d = Path.Combine(Path.GetTempPath(), "staffing-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(d);
        return d;
    }

    /// <summary>A scenario folder from file texts (name → content).</summary>
    public static string Scenario(params (string File, string Text)[] files)
    {
        var d = TempDir();
        foreach (var (f, t) in files)
            File.WriteAllText(Path.Combine(d, f), t);
        return d;
    }

    public const string CentresHeader =
        "code,name,area,locality,kind,ownership,primary_pupils,primary_comp,cycles,eso_pupils,eso_comp,itinerant_justified,ptsc_need,no_spanish,eoep,lat,lon\n";
}
