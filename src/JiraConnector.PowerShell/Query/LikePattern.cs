using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace JiraConnector.Query
{
    /// <summary>OCNQL LIKE: % stands for any run of characters, everything else (including _) is
    /// literal, and case does not matter.</summary>
    internal static class LikePattern
    {
        public static Regex ToRegex(string pattern)
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

        private static readonly char[] WordSeparators = { ' ', '\t', '\r', '\n', ',', '.', ';', ':', '!', '?', '(', ')', '"', '\'' };

        /// <summary>The words of a pattern that any text matching it must contain as whole words
        /// (and, with a trailing *, words that must start a word), for a JQL ~ search that narrows the
        /// set on the server. Words touching a % on their left could be the tail of a longer word, so
        /// they are left out; words with characters Jira's text search treats specially are too.</summary>
        public static IReadOnlyList<string> SearchTerms(string pattern, bool anchored = true)
        {
            var terms = new List<string>();
            var segments = pattern.Split('%');
            for (var s = 0; s < segments.Length; s++)
            {
                var segment = segments[s];
                var openLeft = s > 0 || !anchored;
                var openRight = s < segments.Length - 1 || !anchored;
                var words = segment.Split(WordSeparators);
                for (var w = 0; w < words.Length; w++)
                {
                    var word = words[w];
                    if (word.Length < 3 || !IsPlainWord(word) || StopWords.Contains(word)) continue;
                    var touchesLeft = w == 0 && openLeft;
                    var touchesRight = w == words.Length - 1 && openRight;
                    if (touchesLeft) continue;
                    terms.Add(touchesRight ? word + "*" : word);
                }
            }
            return terms;
        }

        // Jira's text index drops these, so searching for them would narrow nothing (or fail).
        private static readonly HashSet<string> StopWords = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase)
        {
            "and", "are", "but", "for", "into", "not", "such", "that", "the", "their", "then", "there", "these", "they",
            "this", "was", "will", "with",
        };

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
