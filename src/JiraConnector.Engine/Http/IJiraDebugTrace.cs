namespace JiraConnector.Http
{
    /// <summary>A trace that also wants -Debug detail: the headers of each request and response,
    /// with every credential already replaced by ***. Optional, so existing traces need not change.</summary>
    internal interface IJiraDebugTrace : IJiraTrace
    {
        /// <summary>False when nobody reads debug lines, so the pipeline skips building them.</summary>
        bool DebugEnabled { get; }

        void Debug(string line);
    }
}
