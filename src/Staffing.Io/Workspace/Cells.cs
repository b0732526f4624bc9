using Microsoft.Data.Sqlite;

namespace Staffing.Io;

/// <summary>A row's cells by column name: statements name their columns, rows map by name, never by position.</summary>
internal static class Cells
{
    public static string Text(this SqliteDataReader r, string column) => r.GetString(r.GetOrdinal(column));

    public static string? TextOrNull(this SqliteDataReader r, string column) =>
        r.IsDBNull(r.GetOrdinal(column)) ? null : r.Text(column);

    public static int Int(this SqliteDataReader r, string column) => r.GetInt32(r.GetOrdinal(column));

    public static long Long(this SqliteDataReader r, string column) => r.GetInt64(r.GetOrdinal(column));

    public static long? LongOrNull(this SqliteDataReader r, string column) =>
        r.IsDBNull(r.GetOrdinal(column)) ? null : r.Long(column);

    public static double Real(this SqliteDataReader r, string column) => r.GetDouble(r.GetOrdinal(column));

    public static double? RealOrNull(this SqliteDataReader r, string column) =>
        r.IsDBNull(r.GetOrdinal(column)) ? null : r.Real(column);

    public static bool IsNull(this SqliteDataReader r, string column) => r.IsDBNull(r.GetOrdinal(column));
}
