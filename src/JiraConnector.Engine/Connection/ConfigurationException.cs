using System;

namespace JiraConnector.Connection
{
    /// <summary>A configuration that cannot be used, with the key at fault and a stable ErrorId
    /// (InvalidConfigurationKey, MissingConfigurationKey, InvalidConfigurationValue, ...).</summary>
    internal sealed class ConfigurationException : ArgumentException
    {
        public ConfigurationException(string errorId, string key, string message, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Key = key;
        }

        public string ErrorId { get; }

        /// <summary>The configuration key at fault (or the file, for a file that cannot be read).</summary>
        public string Key { get; }

        public const string InvalidKey = "InvalidConfigurationKey";
        public const string MissingKey = "MissingConfigurationKey";
        public const string InvalidValue = "InvalidConfigurationValue";
        public const string ConflictingKeys = "ConflictingConfigurationKeys";
        public const string InvalidFile = "InvalidConfigurationFile";
    }
}
