namespace JiraConnector.Paging
{
    /// <summary>How many records a read has in all, for -IncludeTotalCount: the count (null when
    /// nothing says) and how sure it is (1.0 exact, below 1 an estimate).</summary>
    internal sealed class RecordTotal
    {
        public static readonly RecordTotal Unknown = new RecordTotal(null, 0.0);

        public RecordTotal(long? count, double accuracy)
        {
            Count = count;
            Accuracy = accuracy;
        }

        public long? Count { get; }

        public double Accuracy { get; }
    }
}
