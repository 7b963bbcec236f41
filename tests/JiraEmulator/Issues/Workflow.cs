using System.Text.Json;
using JiraEmulator.Data;
using JiraEmulator.Rendering;

namespace JiraEmulator.Issues;

/// <summary>
/// A simplified global workflow: from any status you may go to any other. Transition ids are stable
/// ("11" to Backlog, "21" to To Do, "31" In Progress, "41" In Review, "51" Done) like Jira's default ids.
/// </summary>
public static class Workflow
{
    public sealed record Transition(string Id, string Name, Status To);

    public static readonly IReadOnlyList<Transition> All = Catalog.Statuses
        .Select((s, i) => new Transition(((i + 1) * 10 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name, s))
        .ToArray();

    public static IEnumerable<Transition> TransitionsFrom(Status status) => All.Where(t => t.To != status);

    public static Transition? Find(string? id) => All.FirstOrDefault(t => t.Id == id);

    public static void WriteTransition(Utf8JsonWriter writer, Transition transition, ApiContext api)
    {
        writer.WriteStartObject();
        writer.WriteString("id", transition.Id);
        writer.WriteString("name", transition.Name);
        writer.WritePropertyName("to");
        CatalogRenderer.WriteStatus(writer, transition.To, api);
        writer.WriteBoolean("hasScreen", false);
        writer.WriteBoolean("isGlobal", true);
        writer.WriteBoolean("isInitial", false);
        writer.WriteBoolean("isAvailable", true);
        writer.WriteBoolean("isConditional", false);
        writer.WriteBoolean("looped", false);
        // The spec says "looped"; a live round-trip showed "isLooped" on the wire: send both.
        writer.WriteBoolean("isLooped", false);
        writer.WriteEndObject();
    }
}
