using System;

namespace JiraConnector.Errors
{
    /// <summary>Bad input: its ErrorId, the parameter it came through, and a message that stays as
    /// written (without .NET's "(Parameter 'x')").</summary>
    internal sealed class JiraArgumentException : ArgumentException, IJiraError
    {
        public JiraArgumentException(string errorId, string message, string? paramName = null, Exception? inner = null) : base(message, paramName, inner)
        {
            ErrorId = errorId;
            Text = Http.UrlRedactor.Redact(message);
        }

        public string ErrorId { get; }

        private string Text { get; }

        public override string Message => Text;
    }
}
