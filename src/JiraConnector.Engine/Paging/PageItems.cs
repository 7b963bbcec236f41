using System.Collections.Generic;
using System.Text.Json;

namespace JiraConnector.Paging
{
    /// <summary>Copies the items of an answer out of its document (so the document can be disposed):
    /// a bare array, an array at a property path, or the answer itself as one item.</summary>
    internal static class PageItems
    {
        public static IReadOnlyList<JsonElement> FromArray(JsonElement array)
        {
            if (array.ValueKind != JsonValueKind.Array) return new JsonElement[0];
            var items = new List<JsonElement>(array.GetArrayLength());
            foreach (var item in array.EnumerateArray()) items.Add(item.Clone());
            return items;
        }

        /// <summary>The array at a path such as ["fields", "attachment"]; an empty path means the root.</summary>
        public static IReadOnlyList<JsonElement> AtPath(JsonElement root, IReadOnlyList<string> path)
        {
            var current = root;
            foreach (var name in path)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current)) return new JsonElement[0];
            }
            return FromArray(current);
        }

        public static IReadOnlyList<JsonElement> Single(JsonElement root) => new[] { root.Clone() };
    }
}
