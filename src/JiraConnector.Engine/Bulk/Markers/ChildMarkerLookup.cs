using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Resources;
using JiraConnector.Json;
using JiraConnector.Bulk.Jobs;

namespace JiraConnector.Bulk.Markers
{
    /// <summary>Finds, among an incident's comments or worklogs, the one a job's row created, by the
    /// marker property its create carried: how a lost answer is settled without creating the record
    /// twice. Each deployment gives those properties out differently. Cloud shows a worklog's with
    /// expand=properties, but a comment's only through comment/list (the issue's comment list takes
    /// expand=renderedBody alone). Data Center 8.4.3 has no comment/list, so each comment's marker is
    /// read from the comment property resource; and it has no worklog properties at all, so there a
    /// worklog cannot be marked (CanMark is false).</summary>
    internal sealed class ChildMarkerLookup
    {
        /// <summary>Cloud's default page of an issue's comments (Data Center's is 50, and it may clamp).</summary>
        private const int CommentPage = 100;

        /// <summary>The issue worklog list's default and largest page.</summary>
        private const int WorklogPage = 5000;

        /// <summary>comment/list takes up to 1000 ids; its answer carries every comment's body, so
        /// it is asked for a page of the issue's comments at a time.</summary>
        private const int IdsPerList = CommentPage;

        private readonly BulkContext _context;
        private readonly bool _comments;

        public ChildMarkerLookup(BulkContext context, bool comments)
        {
            _context = context;
            _comments = comments;
        }

        private bool Cloud => _context.Instance.Deployment == JiraDeployment.Cloud;

        /// <summary>Whether creates carry the marker, and so whether a lost answer can be settled.</summary>
        public bool CanMark => _comments || Cloud;

        /// <summary>What a row fails with when its answer was lost and CanMark is false.</summary>
        public static string CannotCheckMessage =>
            "Jira's answer was lost and the job could not check whether this worklog was created: Jira Data Center's worklogs carry no properties to mark them. " +
            "Look at the incident's worklogs for a duplicate before uploading it again.";

        /// <summary>The id of the issue's record that carries this row's marker, or null.</summary>
        /// <param name="issuePath">"issue/KEY", escaped.</param>
        /// <param name="row">The row whose marker ({"job": this job, "row": row}) is looked for.</param>
        public Task<string?> FindAsync(string issuePath, long row) =>
            _comments ? FindCommentAsync(issuePath, row) : FindWorklogAsync(issuePath, row);

        private async Task<string?> FindWorklogAsync(string issuePath, long row)
        {
            for (long startAt = 0; ;)
            {
                using var page = await BulkHttp.SendAsync(_context, Rest.Get(_context.Instance, issuePath + "/worklog",
                    new QueryString().Add("startAt", startAt).Add("maxResults", WorklogPage).Add("expand", "properties"))).ConfigureAwait(false);
                if (page == null || !(Array(page.RootElement, "worklogs") is JsonElement items)) return null;
                foreach (var item in items.EnumerateArray())
                {
                    if (Carries(item, row)) return JsonRead.String(item, "id");
                }
                startAt += items.GetArrayLength();
                if (!HasMore(page.RootElement, items, startAt)) return null;
            }
        }

        /// <summary>Walks the issue's comments newest first, a page at a time: a comment the job has
        /// just made is most likely on the first page, and comments added meanwhile push older ones
        /// down (seen twice at worst), never past the walk.</summary>
        private async Task<string?> FindCommentAsync(string issuePath, long row)
        {
            for (long startAt = 0; ;)
            {
                var ids = new List<string>();
                bool more;
                using (var page = await BulkHttp.SendAsync(_context, Rest.Get(_context.Instance, issuePath + "/comment",
                    new QueryString().Add("startAt", startAt).Add("maxResults", CommentPage).Add("orderBy", "-created"))).ConfigureAwait(false))
                {
                    if (page == null || !(Array(page.RootElement, "comments") is JsonElement items)) return null;
                    foreach (var item in items.EnumerateArray())
                    {
                        if (JsonRead.String(item, "id") is string id) ids.Add(id);
                    }
                    startAt += items.GetArrayLength();
                    more = HasMore(page.RootElement, items, startAt);
                }
                var found = Cloud ? await FromCommentListAsync(ids, row).ConfigureAwait(false) : await FromCommentPropertiesAsync(ids, row).ConfigureAwait(false);
                if (found != null || !more) return found;
            }
        }

        /// <summary>Cloud: POST comment/list?expand=properties. The operation names no paging
        /// parameters, yet answers a PageBean: a page that ends short (isLast false) is followed by
        /// asking again for the ids it did not return.</summary>
        private async Task<string?> FromCommentListAsync(List<string> ids, long row)
        {
            var remaining = ids.Where(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)).ToList();
            while (remaining.Count > 0)
            {
                var chunk = remaining.Take(IdsPerList).ToList();
                var body = "{\"ids\":[" + string.Join(",", chunk) + "]}";
                var request = new JiraRequest(HttpMethod.Post, new QueryString().Add("expand", "properties").AppendTo(_context.Instance.RestPath + "comment/list"),
                    new System.ArraySegment<byte>(Encoding.UTF8.GetBytes(body)), safeToRepeat: true);
                var returned = new HashSet<string>();
                bool last;
                using (var page = await BulkHttp.SendAsync(_context, request).ConfigureAwait(false))
                {
                    if (page == null || !(Array(page.RootElement, "values") is JsonElement values)) return null;
                    foreach (var item in values.EnumerateArray())
                    {
                        var id = JsonRead.String(item, "id");
                        if (id == null) continue;
                        if (Carries(item, row)) return id;
                        returned.Add(id);
                    }
                    last = JsonRead.Bool(page.RootElement, "isLast") ?? true;
                }
                // Ids a last page left out are comments gone or hidden from the caller.
                if (last || returned.Count == 0) remaining.RemoveRange(0, chunk.Count);
                else remaining.RemoveAll(returned.Contains);
            }
            return null;
        }

        /// <summary>Data Center: GET comment/{id}/properties/jiraconnector.bulk for each comment
        /// (404 when the comment has no marker).</summary>
        private async Task<string?> FromCommentPropertiesAsync(List<string> ids, long row)
        {
            foreach (var id in ids)
            {
                try
                {
                    using var property = await BulkHttp.SendAsync(_context, Rest.Get(_context.Instance,
                        "comment/" + Rest.Segment(id) + "/properties/" + Rest.Segment(BulkMarker.PropertyKey))).ConfigureAwait(false);
                    if (property != null && JsonRead.Child(property.RootElement, "value") is JsonElement value && BulkMarker.IsMarkOf(value, _context.JobId, row)) return id;
                }
                catch (JiraApiException ex) when (ex.StatusCode == 404)
                {
                }
            }
            return null;
        }

        /// <summary>Whether a record's "properties" list holds this row's marker.</summary>
        private bool Carries(JsonElement item, long row)
        {
            if (!(Array(item, "properties") is JsonElement properties)) return false;
            foreach (var property in properties.EnumerateArray())
            {
                if (JsonRead.String(property, "key") == BulkMarker.PropertyKey && JsonRead.Child(property, "value") is JsonElement value &&
                    BulkMarker.IsMarkOf(value, _context.JobId, row)) return true;
            }
            return false;
        }

        private static JsonElement? Array(JsonElement root, string name) =>
            JsonRead.Child(root, name) is JsonElement array && array.ValueKind == JsonValueKind.Array ? array : (JsonElement?)null;

        /// <summary>Offset paging by total: an empty page ends the walk whatever the total says.</summary>
        private static bool HasMore(JsonElement page, JsonElement items, long next) =>
            items.GetArrayLength() > 0 && JsonRead.Int64(page, "total") is long total && next < total;
    }
}
