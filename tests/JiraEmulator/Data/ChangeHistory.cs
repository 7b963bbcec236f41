namespace JiraEmulator.Data;

/// <summary>One changelog entry (a set of field changes made at once by one user).</summary>
public sealed record ChangeHistory(long Id, User Author, DateTimeOffset Created, IReadOnlyList<ChangeItem> Items);

/// <summary>One field change. FieldType is "jira" for system fields and "custom" for custom fields, as in Jira.</summary>
public sealed record ChangeItem(string Field, string FieldType, string FieldId, string? From, string? FromString, string? To, string? ToText);
