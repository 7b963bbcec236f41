using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Issues;

/// <summary>
/// A validated IssueUpdateDetails body ({fields, update}). Parsing collects Jira's per-field errors
/// ({"errors":{"summary":"You must specify a summary of the issue."}}) instead of stopping at the first,
/// and changes nothing, so a failed create or edit leaves no trace.
/// </summary>
public sealed class IssueInput
{
    public const string CannotBeSet = "Field '{0}' cannot be set. It is not on the appropriate screen, or unknown.";

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public Project? Project { get; private set; }
    public IssueType? IssueType { get; private set; }
    public Optional<string> Summary { get; private set; }
    public Optional<string?> Description { get; private set; }
    public Optional<Priority> Priority { get; private set; }
    public Optional<User?> Assignee { get; private set; }
    public Optional<User> Reporter { get; private set; }
    public ListEdit<string> Labels { get; } = new();
    public ListEdit<ProjectComponent> Components { get; } = new();
    public ListEdit<ProjectVersion> FixVersions { get; } = new();
    public ListEdit<ProjectVersion> AffectsVersions { get; } = new();
    public Optional<double?> StoryPoints { get; private set; }
    public Optional<Sprint?> Sprint { get; private set; }
    public Optional<DateOnly?> DueDate { get; private set; }
    public Optional<long?> OriginalEstimate { get; private set; }
    public Optional<long?> RemainingEstimate { get; private set; }
    public List<string> CommentsToAdd { get; } = [];
    public JsonArray? Properties { get; private set; }
    public string? TransitionId { get; private set; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>Components and versions name their project's items, so they are resolved once every field is read
    /// (the project of a create may come after them).</summary>
    private readonly List<(string Field, string Verb, JsonNode? Value)> projectItems = [];

    /// <param name="editing">The issue an edit changes; null for a create.</param>
    public static IssueInput Parse(JsonObject body, JiraData data, ApiContext api, Issue? editing)
    {
        bool creating = editing is null;
        var input = new IssueInput();
        if (body["fields"] is JsonObject fields)
        {
            foreach (var (name, value) in fields) input.SetField(name, value, data, api, creating);
        }
        else if (body["fields"] is not null)
        {
            input.Errors["fields"] = "The 'fields' value must be an object.";
        }
        if (body["update"] is JsonObject update)
        {
            foreach (var (name, operations) in update) input.ApplyOperations(name, operations, data, api);
        }
        if (body["transition"] is JsonObject transition)
            input.TransitionId = transition["id"]?.ToString();
        if (body["properties"] is JsonArray properties) input.Properties = properties;
        if ((input.Project ?? editing?.Project) is { } project) input.ResolveProjectItems(project, data);

        if (creating)
        {
            if (input.Project is null && !input.Errors.ContainsKey("project")) input.Errors["project"] = "Specify a valid project ID or key";
            if (input.IssueType is null && !input.Errors.ContainsKey("issuetype")) input.Errors["issuetype"] = "Specify an issue type";
            if (!input.Summary.HasValue && !input.Errors.ContainsKey("summary")) input.Errors["summary"] = "You must specify a summary of the issue.";
        }
        return input;
    }

    private void SetField(string name, JsonNode? value, JiraData data, ApiContext api, bool creating)
    {
        switch (name)
        {
            case "project" when creating:
                Project = Reference(value) is { } p ? data.FindProject(p) : null;
                if (Project is null) Errors["project"] = "Specify a valid project ID or key";
                break;
            case "issuetype":
                string? type = Reference(value);
                IssueType = Catalog.IssueTypes.FirstOrDefault(t => t.Id == type || string.Equals(t.Name, type, StringComparison.OrdinalIgnoreCase));
                if (IssueType is null) Errors["issuetype"] = type is null ? "Specify an issue type" : "The issue type selected is invalid.";
                break;
            case "summary":
                SetSummary(value);
                break;
            case "description":
                SetDescription(value, api);
                break;
            case "priority":
                string? priority = Reference(value);
                var found = Catalog.Priorities.FirstOrDefault(p => p.Id == priority || string.Equals(p.Name, priority, StringComparison.OrdinalIgnoreCase));
                if (found is null) Errors["priority"] = "The priority selected is invalid.";
                else Priority = new(found);
                break;
            case "assignee":
                if (value is null) { Assignee = new(null); break; }
                var assignee = ResolveUser(value, data, api);
                if (assignee is null) Errors["assignee"] = $"User '{Reference(value)}' does not exist.";
                else if (!assignee.Active) Errors["assignee"] = $"User '{assignee.DisplayName}' cannot be assigned issues.";
                else Assignee = new(assignee);
                break;
            case "reporter":
                var reporter = value is null ? null : ResolveUser(value, data, api);
                if (reporter is null) Errors["reporter"] = "Reporter is required.";
                else Reporter = new(reporter);
                break;
            case "labels":
                if (value is not JsonArray labels) { Errors["labels"] = "The labels must be an array of strings."; break; }
                var list = new List<string>();
                foreach (var label in labels)
                {
                    string text = label?.GetValueKind() == JsonValueKind.String ? label.GetValue<string>() : "";
                    if (!ValidLabel(text)) return;
                    if (!list.Contains(text)) list.Add(text);
                }
                Labels.Set = list.ToArray();
                break;
            case "components" or "fixVersions" or "versions":
                if (value is JsonArray) projectItems.Add((name, "set", value));
                else Errors[name] = $"The {name} must be an array of {{id}} or {{name}} objects.";
                break;
            case Catalog.StoryPointsField:
                SetStoryPoints(value);
                break;
            case "timetracking":
                SetTimeTracking(value);
                break;
            case Fields.Sprint:
                SetSprint(value, data);
                break;
            case "duedate":
                if (value is null) DueDate = new(null);
                else if (value.GetValueKind() == JsonValueKind.String
                    && DateOnly.TryParseExact(value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)) DueDate = new(due);
                else Errors["duedate"] = "Error parsing date string: " + value.ToJsonString() + " (use yyyy-MM-dd).";
                break;
            default:
                Errors[name] = string.Format(CultureInfo.InvariantCulture, CannotBeSet, name);
                break;
        }
    }

    private void ApplyOperations(string name, JsonNode? operations, JiraData data, ApiContext api)
    {
        if (operations is not JsonArray list)
        {
            Errors[name] = $"The update operations for '{name}' must be an array.";
            return;
        }
        foreach (var operation in list.OfType<JsonObject>())
        {
            foreach (var (verb, value) in operation)
            {
                switch (name, verb)
                {
                    case ("labels", "add"):
                        if (value?.GetValueKind() == JsonValueKind.String && ValidLabel(value.GetValue<string>())) Labels.Add.Add(value.GetValue<string>());
                        break;
                    case ("labels", "remove"):
                        if (value?.GetValueKind() == JsonValueKind.String) Labels.Remove.Add(value.GetValue<string>());
                        break;
                    case ("timetracking", "edit"):
                        SetTimeTracking(value);
                        break;
                    case ("components" or "fixVersions" or "versions", "add" or "remove"):
                        projectItems.Add((name, verb, value));
                        break;
                    case ("comment", "add"):
                        if (value is JsonObject comment && Adf.TryRead(comment["body"], out string? body) && body is not null) CommentsToAdd.Add(body);
                        else Errors["comment"] = "The comment body is required.";
                        break;
                    case (_, "set"):
                        SetField(name, value?.DeepClone(), data, api, creating: false);
                        break;
                    default:
                        Errors[name] = $"The operation '{verb}' is not supported for the field '{name}'.";
                        break;
                }
            }
        }
    }

    /// <summary>Each {id} or {name} must be one of the project's components (or versions), as Jira checks them.</summary>
    private void ResolveProjectItems(Project project, JiraData data)
    {
        foreach (var (field, verb, value) in projectItems)
        {
            if (field == "components")
                Apply(Components, verb, value, field, "Component", data.Components.All().Where(c => c.Project == project), c => c.Id, c => c.Name);
            else
                Apply(field == "fixVersions" ? FixVersions : AffectsVersions, verb, value, field, "Version",
                    data.Versions.All().Where(v => v.Project == project), v => v.Id, v => v.Name);
        }
    }

    private void Apply<T>(ListEdit<T> edit, string verb, JsonNode? value, string field, string what, IEnumerable<T> candidates,
        Func<T, long> id, Func<T, string> name)
    {
        var choices = candidates.ToList();
        T? Resolve(JsonNode? reference)
        {
            string? byId = (reference as JsonObject)?["id"]?.ToString(), byName = (reference as JsonObject)?.GetString("name");
            var found = choices.FirstOrDefault(c => byId is not null ? id(c).ToString(CultureInfo.InvariantCulture) == byId : string.Equals(name(c), byName, StringComparison.OrdinalIgnoreCase));
            if (found is null) Errors[field] = byId is not null ? $"{what} id '{byId}' is not valid" : $"{what} name '{byName}' is not valid";
            return found;
        }
        switch (verb)
        {
            case "set":
                edit.Set = ((JsonArray)value!).Select(Resolve).OfType<T>().Distinct().ToArray();
                break;
            case "add" when Resolve(value) is { } added:
                edit.Add.Add(added);
                break;
            case "remove" when Resolve(value) is { } removed:
                edit.Remove.Add(removed);
                break;
        }
    }

    private void SetSummary(JsonNode? value)
    {
        string? text = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        if (string.IsNullOrWhiteSpace(text)) Errors["summary"] = "You must specify a summary of the issue.";
        else if (text.Length > 255) Errors["summary"] = "Summary must be less than 255 characters.";
        else if (text.Contains('\n')) Errors["summary"] = "The summary is invalid because it contains newline characters.";
        else Summary = new(text);
    }

    private void SetDescription(JsonNode? value, ApiContext api)
    {
        // v3 takes ADF only; v2 takes a plain string only, as in Jira.
        bool ok = value is null
            || (api.Version >= 3 ? value is JsonObject && Adf.TryRead(value, out _) : value.GetValueKind() == JsonValueKind.String);
        if (!ok)
        {
            Errors["description"] = api.Version >= 3
                ? "Operation value must be an Atlassian Document (see the Atlassian Document Format)."
                : "Operation value must be a string";
            return;
        }
        Adf.TryRead(value, out string? text);
        Description = new(text);
    }

    /// <summary>{originalEstimate, remainingEstimate} as Jira durations ("1w 2d 3h"); a member left out stays as it is,
    /// null clears it.</summary>
    private void SetTimeTracking(JsonNode? value)
    {
        if (value is not JsonObject tracking)
        {
            Errors["timetracking"] = "The time tracking value must be an object {originalEstimate, remainingEstimate}.";
            return;
        }
        Optional<long?> Read(string member)
        {
            if (!tracking.ContainsKey(member)) return default;
            string? text = tracking.GetString(member);
            if (text is null) return new(null);
            if (JiraDuration.TryParse(text) is { } seconds) return new(seconds);
            Errors["timetracking"] = $"The {member} '{text}' is not a valid duration: use a format like 3w 4d 12h.";
            return default;
        }
        if (Read("originalEstimate") is { HasValue: true } original) OriginalEstimate = original;
        if (Read("remainingEstimate") is { HasValue: true } remaining) RemainingEstimate = remaining;
    }

    /// <summary>The sprint field takes a sprint's id (or null: the backlog); only an open sprint can take issues.</summary>
    private void SetSprint(JsonNode? value, JiraData data)
    {
        if (value is null) { Sprint = new(null); return; }
        var sprint = value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue(out long id) ? data.Sprints.Find(id) : null;
        if (sprint is null) Errors[Fields.Sprint] = $"Number value expected as the Sprint id, and the sprint '{value.ToJsonString()}' must exist.";
        else if (!sprint.IsOpen) Errors[Fields.Sprint] = "Issue can be assigned only active or future sprints.";
        else Sprint = new(sprint);
    }

    private void SetStoryPoints(JsonNode? value)
    {
        if (value is null) { StoryPoints = new(null); return; }
        if (value.GetValueKind() == JsonValueKind.Number) StoryPoints = new(value.GetValue<double>());
        else Errors[Catalog.StoryPointsField] = "Operation value must be a number.";
    }

    private bool ValidLabel(string text)
    {
        if (string.IsNullOrEmpty(text)) { Errors["labels"] = "A label must not be empty."; return false; }
        if (text.Any(char.IsWhiteSpace)) { Errors["labels"] = $"The label '{text}' contains spaces which is invalid."; return false; }
        if (text.Length > 255) { Errors["labels"] = "The label must not exceed 255 characters."; return false; }
        return true;
    }

    /// <summary>{"key":"X"}, {"id":"1"}, {"name":"X"}, or a bare string.</summary>
    private static string? Reference(JsonNode? value) => value switch
    {
        JsonObject o => (o["id"] ?? o["key"] ?? o["name"] ?? o["accountId"])?.ToString(),
        JsonValue v => v.ToString(),
        _ => null,
    };

    private static User? ResolveUser(JsonNode value, JiraData data, ApiContext api)
    {
        // Cloud addresses users by accountId only; Data Center by name (or key).
        string? id = value is JsonObject o
            ? (api.IsCloud ? o["accountId"] : o["name"] ?? o["key"])?.ToString()
            : value.ToString();
        if (id is null) return null;
        return api.IsCloud ? data.Users.FirstOrDefault(u => u.AccountId == id) : data.Users.FirstOrDefault(u => u.Name == id || u.Key == id);
    }
}

/// <summary>An edit of a field with several values: a whole new value (set), and values to add and to remove.</summary>
public sealed class ListEdit<T>
{
    public T[]? Set { get; set; }
    public List<T> Add { get; } = [];
    public List<T> Remove { get; } = [];

    /// <summary>The field's value after the edit, in order, without duplicates.</summary>
    public T[] Apply(T[] current)
    {
        var values = (Set ?? current).ToList();
        foreach (var value in Add) if (!values.Contains(value)) values.Add(value);
        values.RemoveAll(Remove.Contains);
        return values.ToArray();
    }
}

/// <summary>A value that may be absent, distinct from a value that is null (a field set to null).</summary>
public readonly record struct Optional<T>(T Value)
{
    public bool HasValue { get; } = true;
}
