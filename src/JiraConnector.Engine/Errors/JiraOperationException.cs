using System;

namespace JiraConnector.Errors
{
    /// <summary>A request the module refuses or cannot carry out, for a reason other than its
    /// arguments (a journal already there, a job still running, a file changed since the start).</summary>
    internal sealed class JiraOperationException : InvalidOperationException, IJiraError
    {
        public JiraOperationException(string errorId, string message, Exception? inner = null) : base(Http.UrlRedactor.Redact(message), inner)
        {
            ErrorId = errorId;
        }

        public string ErrorId { get; }
    }
}
