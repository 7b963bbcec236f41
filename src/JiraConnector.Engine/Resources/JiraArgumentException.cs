using System;

namespace JiraConnector.Resources
{
    /// <summary>Bad input found by the resource layer. ParamName says which parameter (the cmdlet
    /// picks the ErrorId from it); the message stays as written, without .NET's "(Parameter 'x')".</summary>
    internal sealed class JiraArgumentException : ArgumentException
    {
        public JiraArgumentException(string message, string paramName) : base(message, paramName)
        {
            Text = message;
        }

        private string Text { get; }

        public override string Message => Text;
    }
}
