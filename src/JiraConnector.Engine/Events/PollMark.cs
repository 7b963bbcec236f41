using System;
using System.Collections.Generic;
using System.Globalization;

namespace JiraConnector.Events
{
    /// <summary>Where polling goes on from. JQL compares dates to the minute, so every poll asks
    /// again for the whole minute it starts in: the incidents already reported in that window are
    /// remembered by key and updated time (to the millisecond), and reported once. An incident that
    /// changes again has a new updated time, so it is reported again, as it should be.</summary>
    internal sealed class PollMark
    {
        private readonly object _gate = new object();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private DateTimeOffset? _from;

        /// <summary>The instant the next poll starts from (null: never polled).</summary>
        public DateTimeOffset? From
        {
            get { lock (_gate) return _from; }
        }

        /// <summary>The start of the minute of <see cref="From"/>: what JQL can express.</summary>
        public static DateTimeOffset FloorMinute(DateTimeOffset value) =>
            new DateTimeOffset(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

        public void Reset(DateTimeOffset from)
        {
            lock (_gate)
            {
                _from = from;
                _seen.Clear();
            }
        }

        /// <summary>True the first time an incident's state is offered at or after the window's start.</summary>
        public bool TryClaim(string key, DateTimeOffset updated)
        {
            lock (_gate)
            {
                if (_from == null || updated < FloorMinute(_from.Value)) return false;
                return _seen.Add(Token(key, updated));
            }
        }

        /// <summary>After a complete read: move on to <paramref name="next"/> (never back), and forget
        /// what lies before its minute, since no later poll asks for it again.</summary>
        public void Advance(DateTimeOffset next)
        {
            lock (_gate)
            {
                if (_from == null || next <= _from.Value) return;
                _from = next;
                var floor = FloorMinute(next).UtcTicks;
                _seen.RemoveWhere(token => long.Parse(token.Substring(token.LastIndexOf('|') + 1), CultureInfo.InvariantCulture) < floor);
            }
        }

        /// <summary>Takes a mark saved by an earlier process (-StatePath).</summary>
        public void Restore(DateTimeOffset from, IEnumerable<string> seen)
        {
            lock (_gate)
            {
                _from = from;
                _seen.Clear();
                foreach (var token in seen) _seen.Add(token);
            }
        }

        /// <summary>What -StatePath saves: the mark and the incident states claimed in its minute.</summary>
        public (DateTimeOffset? From, string[] Seen) Snapshot()
        {
            lock (_gate) return (_from, new List<string>(_seen).ToArray());
        }

        public int SeenCount
        {
            get { lock (_gate) return _seen.Count; }
        }

        private static string Token(string key, DateTimeOffset updated) => key + "|" + updated.UtcTicks.ToString(CultureInfo.InvariantCulture);
    }
}
