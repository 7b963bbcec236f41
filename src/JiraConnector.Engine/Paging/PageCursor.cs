using JiraConnector.Http;

namespace JiraConnector.Paging
{
    /// <summary>Where a paged read stopped: the request of the page that holds the next unread item
    /// and that item's index in it. Kept in the instance's session state so -NextPage continues.</summary>
    internal sealed class PageCursor
    {
        public PageCursor(PagingStyle style, JiraRequest page, int offset)
        {
            Style = style;
            Page = page;
            Offset = offset;
        }

        public PagingStyle Style { get; }

        public JiraRequest Page { get; }

        public int Offset { get; }

        public static PageCursor Start(PagingStyle style) => new PageCursor(style, style.FirstRequest, 0);
    }
}
