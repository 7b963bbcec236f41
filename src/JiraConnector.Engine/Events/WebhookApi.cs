using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Paging;
using JiraConnector.Resources;
using JiraConnector.Json;
using JiraConnector.Errors;

namespace JiraConnector.Events
{
    /// <summary>Jira's two webhook APIs behind one surface. Dynamic: rest/api/{2,3}/webhook (Cloud,
    /// OAuth 2.0 apps only; POST answers per-webhook results, DELETE takes a body of ids). Admin:
    /// rest/webhooks/1.0/webhook[/{id}] (administrators, any auth; the only kind with a secret).</summary>
    internal sealed class WebhookApi
    {
        private const string AdminPath = "rest/webhooks/1.0/webhook";
        private const string AdminFilterKey = "issue-related-events-section";

        private readonly JiraInstance _instance;
        private readonly IJiraTrace? _trace;

        public WebhookApi(JiraInstance instance, IJiraTrace? trace)
        {
            _instance = instance;
            _trace = trace;
        }

        /// <summary>Admin when asked for, or when the connection cannot use the dynamic API (only OAuth 2.0 apps may).</summary>
        public static JiraWebhookKind KindFor(JiraInstance instance, bool admin) =>
            admin || instance.AuthType != JiraAuthType.OAuth2 ? JiraWebhookKind.Admin : JiraWebhookKind.Dynamic;

        public async Task<JiraWebhook> RegisterAsync(JiraWebhookKind kind, string url, string[] events, string? jql, string? name, string? secret,
            CancellationToken cancellationToken)
        {
            if (kind == JiraWebhookKind.Admin)
            {
                var body = Json(w =>
                {
                    w.WriteString("name", name ?? "JiraConnector " + url);
                    w.WriteString("url", url);
                    WriteStrings(w, "events", events);
                    w.WriteStartObject("filters");
                    w.WriteString(AdminFilterKey, jql ?? string.Empty);
                    w.WriteEndObject();
                    w.WriteBoolean("excludeBody", false);
                    w.WriteBoolean("enabled", true);
                    if (secret != null) w.WriteString("secret", secret);
                });
                using var created = await _instance.Client.GetJsonAsync(new JiraRequest(HttpMethod.Post, AdminPath, body), _trace, cancellationToken).ConfigureAwait(false);
                return Admin(created.RootElement.Clone());
            }

            var dynamicBody = Json(w =>
            {
                w.WriteString("url", url);
                w.WriteStartArray("webhooks");
                w.WriteStartObject();
                WriteStrings(w, "events", events);
                w.WriteString("jqlFilter", jql);
                w.WriteEndObject();
                w.WriteEndArray();
            });
            var request = new JiraRequest(HttpMethod.Post, _instance.RestPath + "webhook", dynamicBody);
            using var answer = await _instance.Client.GetJsonAsync(request, _trace, cancellationToken).ConfigureAwait(false);
            var result = answer.RootElement.TryGetProperty("webhookRegistrationResult", out var results) && results.ValueKind == JsonValueKind.Array && results.GetArrayLength() > 0
                ? results[0]
                : default;
            var id = result.ValueKind == JsonValueKind.Object ? JsonRead.Int64(result, "createdWebhookId") : null;
            if (id == null)
            {
                var errors = result.ValueKind == JsonValueKind.Object ? JsonRead.Strings(result, "errors") : new string[0];
                throw new JiraApiException(ErrorIds.InvalidOperation.WebhookRegistrationFailed,
                    "Jira did not register the webhook: " + (errors.Length > 0 ? string.Join(" ", errors) : "its answer named no webhook id."),
                    request.ToString(), 200);
            }
            // The answer holds only the id: read the webhook back for its expiry date.
            return await FindDynamicAsync(id.Value, cancellationToken).ConfigureAwait(false)
                   ?? new JiraWebhook(_instance.Name, JiraWebhookKind.Dynamic, id.Value, null, url, events, jql, true, null, result.Clone());
        }

        /// <summary>Every webhook of that kind, streamed page by page (admin: one bare array).</summary>
        public async IAsyncEnumerable<JiraWebhook> ListAsync(JiraWebhookKind kind, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (kind == JiraWebhookKind.Admin)
            {
                using var list = await _instance.Client.GetJsonAsync(new JiraRequest(HttpMethod.Get, AdminPath), _trace, cancellationToken).ConfigureAwait(false);
                if (list.RootElement.ValueKind != JsonValueKind.Array) yield break;
                foreach (var item in list.RootElement.EnumerateArray()) yield return Admin(item.Clone());
                yield break;
            }
            var paging = new OffsetPaging(startAt => new JiraRequest(HttpMethod.Get,
                new QueryString().Add("startAt", startAt).Add("maxResults", 100).AppendTo(_instance.RestPath + "webhook")), "values");
            var reader = new PagedReader(_instance.Client, _trace);
            await foreach (var item in reader.ReadAsync(PageCursor.Start(paging), cancellationToken).ConfigureAwait(false))
            {
                yield return Dynamic(item);
            }
        }

        /// <summary>Every webhook of a kind (there are few): the list the cmdlets show.</summary>
        public async Task<IReadOnlyList<JiraWebhook>> ListAllAsync(JiraWebhookKind kind, CancellationToken cancellationToken)
        {
            var hooks = new List<JiraWebhook>();
            await foreach (var hook in ListAsync(kind, cancellationToken).ConfigureAwait(false)) hooks.Add(hook);
            return hooks;
        }

        public async Task UnregisterAsync(JiraWebhookKind kind, long id, CancellationToken cancellationToken)
        {
            var request = kind == JiraWebhookKind.Admin
                ? new JiraRequest(HttpMethod.Delete, AdminPath + "/" + id.ToString(CultureInfo.InvariantCulture))
                : new JiraRequest(HttpMethod.Delete, _instance.RestPath + "webhook", Json(w => WriteIds(w, new[] { id })));
            using var response = await _instance.Client.SendAsync(request, _trace, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Extends the app's dynamic webhooks (those with <paramref name="ids"/>, or all)
        /// to 30 days from now, as Jira's PUT webhook/refresh does, and reads them back with their
        /// new expiry. Ids that are not the app's are left out of the answer: Jira ignores them.</summary>
        public async Task<IReadOnlyList<JiraWebhook>> RefreshAsync(ICollection<long>? ids, CancellationToken cancellationToken)
        {
            var chosen = Chosen(await ListAllAsync(JiraWebhookKind.Dynamic, cancellationToken).ConfigureAwait(false), ids);
            if (chosen.Count == 0) return chosen;
            var request = new JiraRequest(HttpMethod.Put, _instance.RestPath + "webhook/refresh", Json(w => WriteIds(w, chosen.Select(h => h.Id))));
            using (await _instance.Client.SendAsync(request, _trace, cancellationToken).ConfigureAwait(false))
            {
            }
            return Chosen(await ListAllAsync(JiraWebhookKind.Dynamic, cancellationToken).ConfigureAwait(false), chosen.Select(h => h.Id).ToList());
        }

        private static IReadOnlyList<JiraWebhook> Chosen(IReadOnlyList<JiraWebhook> hooks, ICollection<long>? ids) =>
            ids == null ? hooks : hooks.Where(h => ids.Contains(h.Id)).ToList();

        private async Task<JiraWebhook?> FindDynamicAsync(long id, CancellationToken cancellationToken)
        {
            await foreach (var hook in ListAsync(JiraWebhookKind.Dynamic, cancellationToken).ConfigureAwait(false))
            {
                if (hook.Id == id) return hook;
            }
            return null;
        }

        private JiraWebhook Admin(JsonElement json)
        {
            // Admin webhooks carry their id only at the end of "self".
            var self = JsonRead.String(json, "self") ?? string.Empty;
            var tail = self.Substring(self.LastIndexOf('/') + 1);
            long.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var id);
            var filters = JsonRead.Child(json, "filters");
            var jql = filters == null ? null : JsonRead.String(filters.Value, AdminFilterKey);
            return new JiraWebhook(_instance.Name, JiraWebhookKind.Admin, id, JsonRead.String(json, "name"), JsonRead.String(json, "url") ?? string.Empty,
                JsonRead.Strings(json, "events"), string.IsNullOrEmpty(jql) ? null : jql, JsonRead.Bool(json, "enabled") ?? true, null, json);
        }

        private JiraWebhook Dynamic(JsonElement json)
        {
            var expires = JsonRead.Int64(json, "expirationDate");
            return new JiraWebhook(_instance.Name, JiraWebhookKind.Dynamic, JsonRead.Int64(json, "id") ?? 0, null, JsonRead.String(json, "url") ?? string.Empty,
                JsonRead.Strings(json, "events"), JsonRead.String(json, "jqlFilter"), true,
                expires == null ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(expires.Value), json);
        }

        private static void WriteIds(Utf8JsonWriter w, IEnumerable<long> ids)
        {
            w.WriteStartArray("webhookIds");
            foreach (var id in ids) w.WriteNumberValue(id);
            w.WriteEndArray();
        }

        private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
        {
            w.WriteStartArray(name);
            foreach (var value in values) w.WriteStringValue(value);
            w.WriteEndArray();
        }

        private static string Json(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                write(w);
                w.WriteEndObject();
            }
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }
    }
}
