using System;
using System.Threading.Tasks;
using JiraConnector.Paging;

namespace JiraConnector.Resources
{
    /// <summary>What a query adds to a plain paged read: records the client must still filter out,
    /// a projection to the selected fields, a total from elsewhere (approximate-count) and a limit.</summary>
    internal sealed class RecordSelection
    {
        public static readonly RecordSelection All = new RecordSelection();

        public Func<JiraRecord, bool>? Filter { get; set; }

        public Func<JiraRecord, object>? Project { get; set; }

        /// <summary>The total, given the one the endpoint reported (null when it reports none);
        /// without it the endpoint's total counts, exactly.</summary>
        public Func<long?, Task<RecordTotal>>? Total { get; set; }

        public ulong Limit { get; set; } = ulong.MaxValue;
    }
}
