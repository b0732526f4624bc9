using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Staffing.Cli.Localization;

namespace Staffing.Cli.Web;

/// <summary>A person who may use a server beyond loopback: a name, a role, and a password kept only as its hash.</summary>
internal sealed record UserEntry(string Name, string Role, string PasswordHash);

/// <summary>The users file of `serve`: inspectors read, planners also pin, re-plan and adopt. Hashes by ASP.NET Core Identity.</summary>
internal sealed class Users
{
    public const string Planner = "planner";
    public const string Inspector = "inspector";
    public static readonly IReadOnlyList<string> Roles = [Inspector, Planner];

    /// <summary>The file's mark: a file without it was not written by this program and is never replaced.</summary>
    public const string Kind = "staffing-users";

    private readonly PasswordHasher<UserEntry> hasher = new();

    public IReadOnlyList<UserEntry> All { get; }

    private Users(IReadOnlyList<UserEntry> all) => All = all;

    public static Users Load(string path)
    {
        if (!File.Exists(path))
            throw InputException.Single(
                Say.Format(Texts.UsersNoFile, path)
            );
        UsersFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllText(path), UsersJson.Default.UsersFile);
        }
        catch (JsonException ex)
        {
            throw InputException.Single(
                $"{path}:{(ex.LineNumber ?? 0) + 1}:{(ex.BytePositionInLine ?? 0) + 1}: " + Texts.UsersMalformed
            );
        }
        if (file is not { Kind: Kind } || file.Users is null)
            throw InputException.Single(
                Say.Format(Texts.UsersOtherKind, path)
            );
        foreach (var u in file.Users.Where(u => !Roles.Contains(u.Role) || u.Name.Length == 0))
            throw InputException.Single(
                Say.Format(Texts.UsersBadRole, path, InputErrors.Quote(u.Name), InputErrors.Quote(u.Role))
            );
        return new Users(file.Users);
    }

    /// <summary>The user the name and password belong to, or null; a hash in an older format is accepted too.</summary>
    public UserEntry? SignIn(string name, string password)
    {
        // An unknown name costs a hash check too, so the answer's time does not tell which names exist.
        var user = All.FirstOrDefault(u => u.Name == name);
        var checkedAgainst = user ?? Nobody.Value;
        var ok =
            hasher.VerifyHashedPassword(checkedAgainst, checkedAgainst.PasswordHash, password)
            != PasswordVerificationResult.Failed;
        return user is not null && ok ? user : null;
    }

    private static readonly Lazy<UserEntry> Nobody = new(() =>
    {
        var nobody = new UserEntry("", Inspector, "");
        return nobody with
        {
            PasswordHash = new PasswordHasher<UserEntry>().HashPassword(nobody, Guid.NewGuid().ToString("N")),
        };
    });

    /// <summary>Adds or replaces a user in the file (created when missing); the file is replaced whole, atomically.</summary>
    public static void Add(string path, string name, string role, string password)
    {
        if (!Roles.Contains(role))
            throw InputException.Single(Say.Format(Texts.UsersRoleFound, InputErrors.Quote(role)));
        if (name.Length == 0 || name.Any(char.IsControl))
            throw InputException.Single(Say.Format(Texts.UsersNameFound, InputErrors.Quote(name)));
        if (password.Length < 8)
            throw InputException.Single(Texts.UsersShortPassword);
        var others = File.Exists(path) ? Load(path).All.Where(u => u.Name != name) : [];
        var entry = new UserEntry(name, role, "");
        Save(
            path,
            [.. others, entry with { PasswordHash = new PasswordHasher<UserEntry>().HashPassword(entry, password) }]
        );
    }

    public static void Remove(string path, string name)
    {
        var users = Load(path).All;
        if (users.All(u => u.Name != name))
            throw InputException.Single(Say.Format(Texts.UsersNoUser, path, InputErrors.Quote(name)));
        Save(path, [.. users.Where(u => u.Name != name)]);
    }

    private static void Save(string path, IReadOnlyList<UserEntry> users)
    {
        var temp = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(
            temp,
            JsonSerializer.Serialize(
                new UsersFile(Kind, [.. users.OrderBy(u => u.Name, StringComparer.Ordinal)]),
                UsersJson.Default.UsersFile
            )
        );
        File.Move(temp, path, overwrite: true);
    }
}

internal sealed record UsersFile(string Kind, IReadOnlyList<UserEntry>? Users);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    AllowDuplicateProperties = false
)]
[JsonSerializable(typeof(UsersFile))]
internal sealed partial class UsersJson : JsonSerializerContext;
