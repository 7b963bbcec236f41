namespace JiraConnector.Paging
{
    /// <summary>What part of a read the caller wants: PowerShell's -Skip and -First, and the
    /// -PageSize it asked for (endpoints may serve less).</summary>
    internal sealed class ReadRange
    {
        public ReadRange(ulong skip, ulong first, int pageSize)
        {
            Skip = skip;
            First = first;
            PageSize = pageSize;
        }

        public static readonly ReadRange Everything = new ReadRange(0, ulong.MaxValue, Resources.ReadOptions.DefaultPageSize);

        public ulong Skip { get; }

        public ulong First { get; }

        public int PageSize { get; }
    }
}
