using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace JiraConnector.Events
{
    /// <summary>What the connector sends to the instance's event.notification.callback.url:
    /// {"message":{"eventId", "instanceName", "elementKey", "events":[{objectType, objectId,
    /// eventType, elementKey, date}], "raw":...}}. A notification carries up to 10 polled or 20
    /// received events; raw is Jira's JSON of its one event, or an array of them in the order of
    /// events when it carries several. <see cref="Relay.EventRelay"/> queues and sends it.</summary>
    internal static class CallbackDelivery
    {
        public static bool IsEnabled(JiraInstance? instance) =>
            instance != null && instance.Events.Enabled && instance.Events.CallbackUrl != null;

        internal static byte[] Body(string eventId, string instanceName, IReadOnlyList<JiraEvent> events, DateTimeOffset sentAt)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteStartObject("message");
                w.WriteString("eventId", eventId);
                w.WriteString("instanceName", instanceName);
                w.WriteString("elementKey", "jira");
                w.WriteStartArray("events");
                foreach (var ev in events) WriteEvent(w, ev, sentAt);
                w.WriteEndArray();
                w.WritePropertyName("raw");
                if (events.Count == 1) events[0].Json.WriteTo(w);
                else
                {
                    w.WriteStartArray();
                    foreach (var ev in events) ev.Json.WriteTo(w);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            return buffer.ToArray();
        }

        private static void WriteEvent(Utf8JsonWriter w, JiraEvent ev, DateTimeOffset sentAt)
        {
            w.WriteStartObject();
            w.WriteString("objectType", ev.ObjectType);
            w.WriteString("objectId", ev.ObjectId);
            w.WriteString("eventType", ev.EventType.ToString());
            w.WriteString("elementKey", "jira");
            w.WriteString("date", Utc(ev.Date));
            if (ev.Source == JiraEventSource.Polling) w.WriteString("pollDate", Utc(sentAt));
            w.WriteEndObject();
        }

        private static string Utc(DateTimeOffset date) =>
            date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }
}
