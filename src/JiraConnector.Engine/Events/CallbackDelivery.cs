using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Errors;

namespace JiraConnector.Events
{
    /// <summary>Delivers events to the instance's event.notification.callback.url the way the
    /// connector does: POST {"message":{"eventId", "events":[{objectType, objectId, eventType,
    /// elementKey, date}], "raw":...}} with an Elements-Webhook-Id header, and when
    /// event.notification.signature.key is set, Elements-Webhook-Signature: sha256=&lt;base64
    /// HMAC-SHA256 of the raw body&gt;. One notification per event, carrying that event's raw JSON.</summary>
    internal static class CallbackDelivery
    {
        public static bool IsEnabled(JiraInstance? instance) =>
            instance != null && instance.Events.Enabled && instance.Events.CallbackUrl != null;

        public static async Task DeliverAsync(JiraInstance instance, JiraEvent ev, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var settings = instance.Events;
            var url = settings.CallbackUrl!;
            var eventId = Guid.NewGuid().ToString();
            var body = Body(eventId, instance.Name, ev, DateTimeOffset.UtcNow);
            var outcome = await CallbackSender.PostAsync(instance, url, body, eventId, settings.SignatureKey, trace, cancellationToken).ConfigureAwait(false);
            trace?.Write($"POST {UrlRedactor.Redact(url)} (event {ev}) -> {outcome.Text}");
            if (!outcome.Delivered)
            {
                throw new EventDeliveryException($"Could not deliver the {ev} event to the callback URL: {outcome.Text}.", outcome.Status, null);
            }
        }

        internal static byte[] Body(string eventId, string instanceName, JiraEvent ev, DateTimeOffset sentAt)
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
                w.WriteStartObject();
                w.WriteString("objectType", ev.ObjectType);
                w.WriteString("objectId", ev.ObjectId);
                w.WriteString("eventType", ev.EventType.ToString());
                w.WriteString("elementKey", "jira");
                w.WriteString("date", ev.Date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                if (ev.Source == JiraEventSource.Polling)
                {
                    w.WriteString("pollDate", sentAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
                }
                w.WriteEndObject();
                w.WriteEndArray();
                w.WritePropertyName("raw");
                ev.Json.WriteTo(w);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            return buffer.ToArray();
        }
    }

    /// <summary>A callback URL that refused an event or could not be reached.</summary>
    internal sealed class EventDeliveryException : Exception, IJiraError
    {
        public string ErrorId => ErrorIds.ConnectionError.EventCallbackFailed;

        public EventDeliveryException(string message, int? statusCode, Exception? inner) : base(message, inner)
        {
            StatusCode = statusCode;
        }

        public int? StatusCode { get; }
    }
}
