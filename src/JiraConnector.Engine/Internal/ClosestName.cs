using System;
using System.Collections.Generic;
using System.Linq;

namespace JiraConnector.Internal
{
    /// <summary>The known name closest to a misspelt one (by edit distance), for the "did you mean"
    /// of an error: configuration keys, resource names.</summary>
    internal static class ClosestName
    {
        /// <summary>The closest of <paramref name="known"/>, or null when none is near enough to be a typo.</summary>
        public static string? Among(IEnumerable<string> known, string typed)
        {
            var lower = (typed ?? string.Empty).ToLowerInvariant();
            var best = known.Select(k => (Name: k, Distance: Distance(k.ToLowerInvariant(), lower))).OrderBy(p => p.Distance).FirstOrDefault();
            return best.Name != null && best.Distance <= Math.Max(2, lower.Length / 4) ? best.Name : null;
        }

        private static int Distance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                previous = current;
            }
            return previous[b.Length];
        }
    }
}
