using System;
using JiraConnector.Errors;

namespace JiraConnector.Connection
{
    /// <summary>A configuration that cannot be used, with the key at fault and a stable ErrorId
    /// (InvalidConfigurationKey, MissingConfigurationKey, InvalidConfigurationValue, ...).</summary>
    internal sealed class ConfigurationException : ArgumentException, IJiraError
    {
        public ConfigurationException(string errorId, string key, string message, Exception? inner = null)
            : base(Http.UrlRedactor.Redact(message), inner)
        {
            ErrorId = errorId;
            Key = key;
        }

        public string ErrorId { get; }

        /// <summary>The configuration key at fault (or the file, for a file that cannot be read).</summary>
        public string Key { get; }
    }
}
