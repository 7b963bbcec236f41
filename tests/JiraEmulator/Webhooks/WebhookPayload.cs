using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using JiraEmulator.Events;
using JiraEmulator.Rendering;

namespace JiraEmulator.Webhooks;

/// <summary>Jira's webhook body: {timestamp, webhookEvent, issue_event_type_name, user, issue, changelog?, comment?, worklog?, matchedWebhookIds?}.</summary>
public static class WebhookPayload
{
    public static byte[] Build(JiraEvent e, ApiContext api, IReadOnlyList<long>? matchedWebhookIds)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("timestamp", e.Timestamp.ToUnixTimeMilliseconds());
            w.WriteString("webhookEvent", e.WebhookEvent);
            if (e.IssueEventTypeName is not null) w.WriteString("issue_event_type_name", e.IssueEventTypeName);
            w.WritePropertyName("user");
            UserRenderer.Write(w, e.User, api);
            w.WritePropertyName("issue");
            IssueRenderer.Write(w, e.Issue, FieldSelection.Parse([], "*navigable"), api);
            if (e.Changelog is { } history)
            {
                w.WritePropertyName("changelog");
                RecordRenderer.WriteHistory(w, history, api);
            }
            if (e.Comment is { } comment)
            {
                w.WritePropertyName("comment");
                RecordRenderer.WriteComment(w, comment, api);
            }
            if (e.Worklog is { } worklog)
            {
                w.WritePropertyName("worklog");
                RecordRenderer.WriteWorklog(w, worklog, api);
            }
            if (e.PropertyKey is { } key)
            {
                w.WriteStartObject("property");
                w.WriteString("key", key);
                w.WritePropertyName("value");
                if (e.Issue.HasProperties && e.Issue.Properties.TryGetValue(key, out var value) && value is not null) value.WriteTo(w);
                else w.WriteNullValue();
                w.WriteEndObject();
            }
            if (matchedWebhookIds is not null)
            {
                w.WriteStartArray("matchedWebhookIds");
                foreach (var id in matchedWebhookIds) w.WriteNumberValue(id);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
