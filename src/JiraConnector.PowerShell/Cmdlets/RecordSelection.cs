using System;

namespace JiraConnector.Cmdlets
{
    /// <summary>What a query adds to a plain paged read: records the client must still filter out,
    /// a projection to the selected fields, a total from elsewhere (approximate-count) and a limit.</summary>
    internal sealed class RecordSelection
    {
        public static readonly RecordSelection All = new RecordSelection();

        public Func<JiraRecord, bool>? Filter { get; set; }

        public Func<JiraRecord, object>? Project { get; set; }

        /// <summary>The total and its accuracy (1.0 exact, between 0 and 1 an estimate), given the
        /// total the endpoint reported (null when it reports none).</summary>
        public Func<long?, (long? Count, double Accuracy)>? Total { get; set; }

        public ulong Limit { get; set; } = ulong.MaxValue;
    }
}
