using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace JiraConnector.Query
{
    /// <summary>OCNQL LIKE: % stands for any run of characters, everything else (including _) is
    /// literal, and case does not matter.</summary>
    internal static class LikePattern
    {
        // The evaluator asks for the same pattern once per record; building a Regex costs a few
        // microseconds each time, so patterns are kept. Bounded: a long session may see many.
        private static readonly ConcurrentDictionary<string, Regex> Compiled = new ConcurrentDictionary<string, Regex>(StringComparer.Ordinal);

        public static Regex ToRegex(string pattern)
        {
            if (Compiled.TryGetValue(pattern, out var cached)) return cached;
            if (Compiled.Count >= 256) Compiled.Clear();
            return Compiled.GetOrAdd(pattern, Build);
        }

        private static Regex Build(string pattern)
        {
            var text = new StringBuilder("^");
            var parts = pattern.Split('%');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0) text.Append(".*");
                text.Append(Regex.Escape(parts[i]));
            }
            return new Regex(text.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
        }

        // Characters that always end a word in Jira's (Lucene's Unicode) tokenizer.
        private static readonly char[] WordBreaks = { ' ', '\t', '\r', '\n', '(', ')', '"', '!', '?' };

        // Characters that end a word only when no letter or digit follows them: Lucene keeps
        // "node.js", "don't", "1,000", "10:30" and "a;b" (between digits) as single tokens, so a
        // word cut out of those would not be in the index and ~ would lose the issue.
        private static readonly char[] SoftBreaks = { '.', ',', ';', ':', '\'' };

        /// <summary>The words of a pattern that any text matching it must contain as whole words
        /// (and, with a trailing *, words that must start a word), for a JQL ~ search that narrows the
        /// set on the server. Words touching a % on their left could be the tail of a longer word, so
        /// they are left out; so are words joined to others by soft breaks (node.js) and words with
        /// characters Jira's text search treats specially.</summary>
        public static IReadOnlyList<string> SearchTerms(string pattern, bool anchored = true)
        {
            var terms = new List<string>();
            var segments = pattern.Split('%');
            for (var s = 0; s < segments.Length; s++)
            {
                var segment = segments[s];
                var openLeft = s > 0 || !anchored;
                var openRight = s < segments.Length - 1 || !anchored;
                var chunks = segment.Split(WordBreaks);
                for (var w = 0; w < chunks.Length; w++)
                {
                    // A soft break at the edge of a chunk sits next to a hard break or the end of the
                    // segment, so it does break there; inside the chunk it may not.
                    var word = chunks[w].Trim(SoftBreaks);
                    if (word.Length < 3 || !IsPlainWord(word) || StopWords.Contains(word)) continue;
                    var touchesLeft = w == 0 && openLeft;
                    var touchesRight = w == chunks.Length - 1 && openRight;
                    if (touchesLeft) continue;
                    terms.Add(touchesRight ? StemSafePrefix(word) : word);
                }
            }
            return terms;
        }

        // Jira's text index drops these, so searching for them would narrow nothing (or fail).
        private static readonly HashSet<string> StopWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "and", "are", "but", "for", "into", "not", "such", "that", "the", "their", "then", "there", "these", "they",
            "this", "was", "will", "with",
        };

        /// <summary>Jira stems indexed words ("bugs" is indexed as "bug") but not wildcard terms, so
        /// "bugs*" would miss it. Stemmers change only the end of a word; its first three letters
        /// stay, so a three-letter prefix still finds every match.</summary>
        private static string StemSafePrefix(string word) => word.Substring(0, 3) + "*";

        private static bool IsPlainWord(string word)
        {
            foreach (var c in word)
            {
                if (!char.IsLetterOrDigit(c)) return false;
            }
            return true;
        }
    }
}
