namespace JiraEmulator.Data;

/// <summary>
/// Who may see a comment or worklog: Type "group" (Value the group name, Identifier its groupId on Cloud) or "role"
/// (Value the project role name). Stored and returned as sent; the emulator does not hide restricted records.
/// </summary>
public sealed record Visibility(string Type, string Value, string? Identifier);
