using System;
using System.Text.Json;
using JiraConnector.Http;

namespace JiraConnector.Paging
{
    /// <summary>For pass-through paths whose shape the module does not know: a bare array is one page
    /// of items, a PageBean ("values" with isLast) or a legacy page (a named array with startAt and
    /// total) is followed with startAt, and any other object is a single item.</summary>
    internal sealed class DetectedPaging : PagingStyle
    {
        private readonly Func<long, JiraRequest> _requestAt;

        public DetectedPaging(Func<long, JiraRequest> requestAt)
        {
            _requestAt = requestAt;
            FirstRequest = requestAt(0);
        }

        public override JiraRequest FirstRequest { get; }

        public override JiraPage ReadPage(JsonElement root, JiraRequest current)
        {
            if (root.ValueKind == JsonValueKind.Array) return new JiraPage(PageItems.FromArray(root), null, null);
            if (root.ValueKind != JsonValueKind.Object) return new JiraPage(new JsonElement[0], null, null);
            var arrayName = PagedArrayName(root);
            if (arrayName == null) return new JiraPage(PageItems.Single(root), null, null);
            var items = CloneArray(root, arrayName);
            var startAt = ReadInt64(root, "startAt") ?? 0;
            var total = ReadInt64(root, "total");
            var nextStart = startAt + items.Count;
            var last = root.TryGetProperty("isLast", out _)
                ? ReadBool(root, "isLast", true)
                : total == null || nextStart >= total.Value;
            if (items.Count == 0) last = true;
            return new JiraPage(items, last ? null : _requestAt(nextStart), total);
        }

        /// <summary>"values" for a PageBean; otherwise the one array of an object that carries startAt
        /// and total (comments, worklogs, issues...). Null when the object is not a page.</summary>
        internal static string? PagedArrayName(JsonElement root)
        {
            if (root.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array &&
                (root.TryGetProperty("isLast", out _) || root.TryGetProperty("startAt", out _))) return "values";
            if (!root.TryGetProperty("startAt", out _) || !root.TryGetProperty("total", out _)) return null;
            string? found = null;
            foreach (var property in root.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Array || property.Name == "warningMessages") continue;
                if (found != null) return null; // two candidate arrays: not a page we can read safely
                found = property.Name;
            }
            return found;
        }
    }
}
