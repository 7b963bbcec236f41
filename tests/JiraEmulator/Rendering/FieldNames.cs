using JiraEmulator.Data;

namespace JiraEmulator.Rendering;

/// <summary>Display names for expand=names: the field catalog's, so that names and GET field agree.</summary>
public static class FieldNames
{
    public static string DisplayName(string field) => Fields.Find(field)?.Name ?? char.ToUpperInvariant(field[0]) + field[1..];
}
