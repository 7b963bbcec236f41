using System;
using System.Collections.Generic;
using System.Reflection;

namespace JiraConnector.Errors
{
    /// <summary>Every ErrorId the module reports, in one place. Each id is set where its failure is
    /// raised (on the exception, see <see cref="IJiraError"/>), never worked out later from a
    /// parameter name or a message. The nested class an id sits in is the PowerShell error category
    /// of its records (the classes are named as ErrorCategory's members); tests assert the ids, so
    /// they are stable words.</summary>
    internal static class ErrorIds
    {
        /// <summary>A name, value, file or query the user gave cannot be used.</summary>
        public static class InvalidArgument
        {
            public const string JiraBadRequest = "JiraBadRequest";
            public const string UnknownObject = "UnknownObject";
            public const string ProjectRequired = "ProjectRequired";
            public const string InvalidField = "InvalidField";
            public const string UnknownField = "UnknownField";
            public const string UnknownIdentifierField = "UnknownIdentifierField";
            public const string UnknownUser = "UnknownUser";
            public const string NoKnownColumns = "NoKnownColumns";
            public const string InvalidId = "InvalidId";
            public const string NoSuchTransition = "NoSuchTransition";
            public const string OperationNotSupported = "OperationNotSupported";
            public const string ObjectNotSupported = "ObjectNotSupported";
            public const string ActionNotSupported = "ActionNotSupported";
            public const string StatusNotSupported = "StatusNotSupported";
            public const string NothingToChange = "NothingToChange";
            public const string BadArgument = "InvalidArgument";
            public const string OcnqlSyntaxError = "OcnqlSyntaxError";
            public const string OcnqlInvalidQuery = "OcnqlInvalidQuery";
            public const string UnsupportedFileType = "UnsupportedFileType";
            public const string InvalidConnectionParameter = "InvalidConnectionParameter";
            public const string InvalidCallbackUrl = "InvalidCallbackUrl";
            public const string InvalidWebhookUrl = "InvalidWebhookUrl";
            public const string EmptySignatureKey = "EmptySignatureKey";
            public const string InstanceMismatch = "InstanceMismatch";
            public const string InvalidWebhookPrefix = "InvalidWebhookPrefix";
            public const string WebhookPrefixNotLoopback = "WebhookPrefixNotLoopback";
            public const string WebhookSecretNeedsAdmin = "WebhookSecretNeedsAdmin";
            public const string WebhookJqlRequired = "WebhookJqlRequired";
            public const string WebhookRefreshNeedsDynamic = "WebhookRefreshNeedsDynamic";
            public const string RelayNeedsSecret = "RelayNeedsSecret";
            public const string NoEventRelay = "NoEventRelay";
            public const string SinceWithNextPage = "SinceWithNextPage";
            public const string NextPageOfAnotherResource = "NextPageOfAnotherResource";
            public const string UnknownEventObject = "UnknownEventObject";
            public const string InvalidConfigurationKey = "InvalidConfigurationKey";
            public const string MissingConfigurationKey = "MissingConfigurationKey";
            public const string InvalidConfigurationValue = "InvalidConfigurationValue";
            public const string ConflictingConfigurationKeys = "ConflictingConfigurationKeys";
            public const string InvalidConfigurationFile = "InvalidConfigurationFile";
            public const string InvalidRestPath = "InvalidRestPath";
            public const string InvalidRequestBody = "InvalidRequestBody";
            public const string JournalPathNotFolder = "JournalPathNotFolder";
            public const string DuplicateColumn = "DuplicateColumn";
        }

        /// <summary>What was named is not there.</summary>
        public static class ObjectNotFound
        {
            public const string JiraNotFound = "JiraNotFound";
            public const string JiraOAuthSiteNotFound = "JiraOAuthSiteNotFound";
            public const string InstanceNotFound = "InstanceNotFound";
            public const string NotConnected = "NotConnected";
            public const string BulkJobNotFound = "BulkJobNotFound";
            public const string WebhookNotFound = "WebhookNotFound";
            public const string SourceFileNotFound = "SourceFileNotFound";
        }

        public static class AuthenticationError
        {
            public const string JiraAuthenticationFailed = "JiraAuthenticationFailed";
            public const string JiraOAuthFailed = "JiraOAuthFailed";
            public const string JiraOAuthRefreshTokenRejected = "JiraOAuthRefreshTokenRejected";
        }

        public static class PermissionDenied
        {
            public const string JiraPermissionDenied = "JiraPermissionDenied";
            public const string JiraOAuthAuthorizationDenied = "JiraOAuthAuthorizationDenied";
        }

        public static class ResourceExists
        {
            public const string JiraConflict = "JiraConflict";
            public const string JournalExists = "JournalExists";
            public const string InstanceNameTaken = "InstanceNameTaken";
        }

        public static class LimitsExceeded
        {
            public const string JiraRateLimited = "JiraRateLimited";
        }

        public static class OperationTimeout
        {
            public const string JiraTimeout = "JiraTimeout";
            public const string JiraOAuthSignInTimedOut = "JiraOAuthSignInTimedOut";
            public const string WaitTimeout = "WaitTimeout";
        }

        public static class ConnectionError
        {
            public const string JiraConnectionFailed = "JiraConnectionFailed";
        }

        public static class InvalidResult
        {
            public const string JiraInvalidResponse = "JiraInvalidResponse";
        }

        public static class ResourceUnavailable
        {
            public const string JiraServerError = "JiraServerError";
            public const string JiraCircuitOpen = "JiraCircuitOpen";
            public const string WebhookListenerFailed = "WebhookListenerFailed";
        }

        public static class SecurityError
        {
            public const string JiraOAuthStateMismatch = "JiraOAuthStateMismatch";
            public const string WebhookSignatureMissing = "WebhookSignatureMissing";
            public const string WebhookSignatureInvalid = "WebhookSignatureInvalid";
        }

        public static class InvalidData
        {
            public const string WebhookBodyInvalid = "WebhookBodyInvalid";
            public const string SourceFileChanged = "SourceFileChanged";
            public const string JournalDamaged = "JournalDamaged";
            public const string PollStateInvalid = "PollStateInvalid";
        }

        public static class ResourceBusy
        {
            public const string BulkJobRunning = "BulkJobRunning";
        }

        public static class InvalidOperation
        {
            public const string JiraRequestFailed = "JiraRequestFailed";
            public const string WebhookRegistrationFailed = "WebhookRegistrationFailed";
            public const string BulkJobNotInSession = "BulkJobNotInSession";
        }

        private static readonly Dictionary<string, string> Categories = ReadCatalogue();

        /// <summary>Every id with its category, for the catalogue's own tests.</summary>
        public static IReadOnlyDictionary<string, string> All => Categories;

        /// <summary>The ErrorCategory name of an id ("InvalidOperation" for an unknown one).</summary>
        public static string CategoryOf(string errorId) => Categories.TryGetValue(errorId, out var category) ? category : nameof(InvalidOperation);

        private static Dictionary<string, string> ReadCatalogue()
        {
            var categories = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var group in typeof(ErrorIds).GetNestedTypes(BindingFlags.Public))
            {
                foreach (var field in group.GetFields(BindingFlags.Public | BindingFlags.Static))
                {
                    if (field.IsLiteral && field.GetRawConstantValue() is string id) categories.Add(id, group.Name);
                }
            }
            return categories;
        }
    }
}
