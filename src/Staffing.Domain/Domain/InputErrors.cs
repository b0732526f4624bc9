namespace Staffing.Domain;

/// <summary>
/// Located input errors, "FILE:LINE:COLUMN: found X, expected Y" (for JSON "FILE:LINE:COLUMN: KEY: found X,
/// expected Y", or "SOURCE: KEY: …" for overrides that come from no file, such as a what-if request),
/// at most <see cref="PerFile"/> a file, in the order found.
/// </summary>
public sealed class InputErrors
{
    public const int PerFile = 50;

    private readonly List<string> messages = [];
    private readonly Dictionary<string, int> perFile = new(StringComparer.Ordinal);
    private readonly List<string> notes = [];

    public int Count => messages.Count;

    public IReadOnlyList<string> Messages => messages;

    /// <summary>Warnings and detections, for stderr; never fatal.</summary>
    public IReadOnlyList<string> Notes => notes;

    /// <remarks>The position never changes with the language; the words after it do.</remarks>
    public void Add(string file, int line, int column, string found, string expected) =>
        Push(file, $"{file}:{line}:{column}: " + Say.Format(Texts.FoundExpected, found, expected));

    public void AddKey(string file, string key, string found, string expected, (int Line, int Column)? at = null)
    {
        // A key is the input's own text: echoed at most this long.
        if (key.Length > MaxEcho)
            key = key[..MaxEcho] + "…";
        Push(
            file,
            at is { } p
                ? $"{file}:{p.Line}:{p.Column}: {key}: " + Say.Format(Texts.FoundExpected, found, expected)
                : $"{file}: {key}: " + Say.Format(Texts.FoundExpected, found, expected)
        );
    }

    /// <summary>The most characters of the input's own text a message repeats.</summary>
    public const int MaxEcho = 200;

    public void Note(string text) => notes.Add(text);

    private void Push(string file, string message)
    {
        var n = perFile.GetValueOrDefault(file);
        perFile[file] = n + 1;
        if (n < PerFile)
            messages.Add(message);
        else if (n == PerFile)
            messages.Add(Say.Format(Texts.MoreErrors, file, PerFile));
    }

    public static string Quote(string s) =>
        "\"" + (s.Length > 60 ? s[..60] + "…" : s).Replace("\n", "\\n").Replace("\r", "\\r") + "\"";
}

/// <summary>Bad input: the caller prints <see cref="Messages"/> and exits 2.</summary>
public sealed class InputException(IReadOnlyList<string> messages, IReadOnlyList<string> notes)
    : Exception(string.Join(Environment.NewLine, messages))
{
    public IReadOnlyList<string> Messages { get; } = messages;
    public IReadOnlyList<string> Notes { get; } = notes;

    public static InputException Single(string message) => new([message], []);
}
