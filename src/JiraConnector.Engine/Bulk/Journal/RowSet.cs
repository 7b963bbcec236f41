using System.Collections.Generic;

namespace JiraConnector.Bulk.Journal
{
    /// <summary>A set of row numbers as a growable bitmap: 100,000 rows take 12.5 KB, so a resume
    /// can remember every finished row without memory growing with the file.</summary>
    internal sealed class RowSet
    {
        private readonly List<ulong> _words = new List<ulong>();

        public int Count { get; private set; }

        public bool Contains(long row)
        {
            if (row < 0) return false;
            var word = (int)(row >> 6);
            return word < _words.Count && (_words[word] & (1UL << (int)(row & 63))) != 0;
        }

        public bool Add(long row)
        {
            var word = (int)(row >> 6);
            while (_words.Count <= word) _words.Add(0);
            var bit = 1UL << (int)(row & 63);
            if ((_words[word] & bit) != 0) return false;
            _words[word] |= bit;
            Count++;
            return true;
        }

        public IEnumerable<long> Items()
        {
            for (var word = 0; word < _words.Count; word++)
            {
                if (_words[word] == 0) continue;
                for (var bit = 0; bit < 64; bit++)
                {
                    if ((_words[word] & (1UL << bit)) != 0) yield return ((long)word << 6) + bit;
                }
            }
        }
    }
}
