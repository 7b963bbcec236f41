namespace JiraEmulator.Data;

/// <summary>
/// A field as GET field lists it: Jira's id, display name, schema (type, items, and the system id or the custom field
/// type) and the flags. Custom fields carry CustomType and CustomId; system fields neither.
/// </summary>
public sealed record FieldDefinition(string Id, string Name, string Type, string? Items, bool Navigable, bool Orderable, bool Searchable,
    string[] Clauses, string? CustomType = null, long? CustomId = null, string? Description = null, string? SearcherKey = null)
{
    public bool Custom => CustomType is not null;

    /// <summary>What an edit may do to the field (IssueUpdateDetails' update verbs); null when the emulator does not let a
    /// create or edit set it. The create metadata lists exactly the fields that have operations.</summary>
    public string[]? Operations { get; init; }

    /// <summary>Whether a create must give the field (project, issue type, summary).</summary>
    public bool Required { get; init; }
}

/// <summary>
/// Every field an emulated issue carries (and issuekey, which JQL knows), with the names, schemas and flags Jira
/// Cloud's GET field gives them. One list serves GET field, field/search, expand=names and the create metadata, so a
/// field the renderer writes cannot be missing from the catalog (a contract test holds the two together).
/// </summary>
public static class Fields
{
    private static readonly string[] Set = ["set"], AddSetRemove = ["add", "set", "remove"];

    public const string StoryPoints = "customfield_10016";

    /// <summary>Jira Software's sprint field; Cloud numbers it 10020 on most sites, and the emulator uses it on both deployments.</summary>
    public const string Sprint = "customfield_10020";

    public static readonly IReadOnlyList<FieldDefinition> All =
    [
        new("summary", "Summary", "string", null, true, true, true, ["summary"]) { Operations = Set, Required = true },
        new("description", "Description", "string", null, true, true, true, ["description"]) { Operations = Set },
        new("status", "Status", "status", null, true, false, true, ["status"]),
        new("issuetype", "Issue Type", "issuetype", null, true, true, true, ["issuetype", "type"]) { Operations = [], Required = true },
        new("priority", "Priority", "priority", null, true, true, true, ["priority"]) { Operations = Set },
        new("project", "Project", "project", null, true, false, true, ["project"]) { Operations = Set, Required = true },
        new("assignee", "Assignee", "user", null, true, true, true, ["assignee"]) { Operations = Set },
        new("reporter", "Reporter", "user", null, true, true, true, ["reporter"]) { Operations = Set },
        new("creator", "Creator", "user", null, true, false, true, ["creator"]),
        new("labels", "Labels", "array", "string", true, true, true, ["labels"]) { Operations = AddSetRemove },
        new("created", "Created", "datetime", null, true, false, true, ["created", "createdDate"]),
        new("updated", "Updated", "datetime", null, true, false, true, ["updated", "updatedDate"]),
        new("resolution", "Resolution", "resolution", null, true, true, true, ["resolution"]),
        new("resolutiondate", "Resolved", "datetime", null, true, false, true, ["resolutiondate", "resolved"]),
        new("statuscategorychangedate", "Status Category Changed", "datetime", null, true, false, true, ["statusCategoryChangedDate"]),
        new("issuekey", "Key", "string", null, true, false, true, ["id", "issue", "issuekey", "key"]),
        new("components", "Components", "array", "component", true, true, true, ["component"]) { Operations = AddSetRemove },
        new("fixVersions", "Fix versions", "array", "version", true, true, true, ["fixVersion"]) { Operations = AddSetRemove },
        new("versions", "Affects versions", "array", "version", true, true, true, ["affectedVersion"]) { Operations = AddSetRemove },
        new("duedate", "Due date", "date", null, true, true, true, ["due", "duedate"]) { Operations = Set },
        new("subtasks", "Sub-tasks", "array", "issuelinks", true, false, false, ["subtasks"]),
        new("issuelinks", "Linked Issues", "array", "issuelinks", true, true, true, ["issueLink"]),
        new("watches", "Watchers", "watches", null, true, false, false, ["watchers"]),
        new("timespent", "Time Spent", "number", null, true, false, false, ["timespent"]),
        new("aggregatetimespent", "Σ Time Spent", "number", null, true, false, false, []),
        new("timeoriginalestimate", "Original estimate", "number", null, true, false, true, ["originalEstimate", "timeoriginalestimate"]),
        new("aggregatetimeoriginalestimate", "Σ Original Estimate", "number", null, true, false, false, []),
        new("timeestimate", "Remaining Estimate", "number", null, true, false, true, ["remainingEstimate", "timeestimate"]),
        new("aggregatetimeestimate", "Σ Remaining Estimate", "number", null, true, false, false, []),
        new("progress", "Progress", "progress", null, true, false, false, ["progress"]),
        new("aggregateprogress", "Σ Progress", "progress", null, true, false, false, []),
        new("workratio", "Work Ratio", "number", null, true, false, true, ["workratio"]),
        new("timetracking", "Time tracking", "timetracking", null, false, true, true, []) { Operations = ["set", "edit"] },
        new("comment", "Comment", "comments-page", null, false, true, true, ["comment"]),
        new("worklog", "Log Work", "array", "worklog", false, true, true, []),
        new("attachment", "Attachment", "array", "attachment", false, true, true, ["attachments"]),
        new(StoryPoints, "Story point estimate", "number", null, true, true, true, ["cf[10016]", "Story point estimate"],
            "com.atlassian.jira.plugin.system.customfieldtypes:float", 10016, "Measurement of complexity and/or size of a requirement.",
            "com.atlassian.jira.plugin.system.customfieldtypes:exactnumber") { Operations = Set },
        new(Sprint, "Sprint", "array", "json", true, true, true, ["cf[10020]", "Sprint"],
            "com.pyxis.greenhopper.jira:gh-sprint", 10020, "Jira Software sprint field",
            "com.pyxis.greenhopper.jira:gh-sprint-searcher") { Operations = Set },
    ];

    public static FieldDefinition? Find(string id) => All.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase));
}
