using System.Text;
using System.Text.Json;

namespace Staffing.Domain;

/// <summary>
/// Where the top-level keys of a JSON object and their values start (line and column, 1-based, columns in
/// characters), for messages that point at the key or value at fault; JsonElement keeps no positions.
/// </summary>
public sealed record JsonPositions(
    (int Line, int Column) Root,
    IReadOnlyList<(string Name, (int Line, int Column) Key, (int Line, int Column) Value)> Keys
)
{
    public static JsonPositions Of(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(
            bytes,
            new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow }
        );
        var keys = new List<(string, (int, int), (int, int))>();
        (int, int) root = (1, 1);
        var first = true;
        while (reader.Read())
        {
            if (first)
            {
                root = Position(bytes, (int)reader.TokenStartIndex);
                first = false;
            }
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                continue;
            var name = reader.GetString() ?? "";
            var key = Position(bytes, (int)reader.TokenStartIndex);
            reader.Read();
            keys.Add((name, key, Position(bytes, (int)reader.TokenStartIndex)));
            reader.Skip();
        }
        return new JsonPositions(root, keys);
    }

    /// <summary>
    /// Where the first string (key or value) stands whose escapes do not make text, a lone surrogate such as
    /// "\ud800"; null when every string is text. JSON's grammar allows them, .NET's strings cannot hold them.
    /// </summary>
    public static (int Line, int Column)? BrokenText(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(
            bytes,
            new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow }
        );
        try
        {
            while (reader.Read())
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                    try
                    {
                        reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        return Position(bytes, (int)reader.TokenStartIndex);
                    }
        }
        catch (JsonException)
        {
            // Malformed JSON is the parser's to answer.
        }
        return null;
    }

    private static (int Line, int Column) Position(byte[] bytes, int offset)
    {
        var line = 1;
        var start = 0;
        for (var i = 0; i < offset; i++)
            if (bytes[i] == (byte)'\n')
                (line, start) = (line + 1, i + 1);
        return (line, Encoding.UTF8.GetCharCount(bytes, start, offset - start) + 1);
    }
}
