using System;
using System.Management.Automation;
using JiraConnector.Http;

namespace JiraConnector.Cmdlets
{
    /// <summary>Maps the module's failures to ErrorRecords with a stable ErrorId and a fitting category.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(JiraApiException exception, object? target) =>
            new ErrorRecord(exception, exception.ErrorId, CategoryOf(exception.ErrorId), target);

        public static ErrorRecord InvalidArgument(Exception exception, string errorId, object? target) =>
            new ErrorRecord(exception, errorId, ErrorCategory.InvalidArgument, target);

        public static ErrorRecord NotFound(string message, string errorId, object? target) =>
            new ErrorRecord(new ItemNotFoundException(message), errorId, ErrorCategory.ObjectNotFound, target);

        private static ErrorCategory CategoryOf(string errorId)
        {
            switch (errorId)
            {
                case JiraErrorId.AuthenticationFailed: return ErrorCategory.AuthenticationError;
                case JiraErrorId.PermissionDenied: return ErrorCategory.PermissionDenied;
                case JiraErrorId.NotFound: return ErrorCategory.ObjectNotFound;
                case JiraErrorId.BadRequest: return ErrorCategory.InvalidArgument;
                case JiraErrorId.Conflict: return ErrorCategory.ResourceExists;
                case JiraErrorId.RateLimited: return ErrorCategory.LimitsExceeded;
                case JiraErrorId.Timeout: return ErrorCategory.OperationTimeout;
                case JiraErrorId.ConnectionFailed: return ErrorCategory.ConnectionError;
                case JiraErrorId.InvalidResponse: return ErrorCategory.InvalidResult;
                case JiraErrorId.ServerError: return ErrorCategory.ResourceUnavailable;
                case JiraErrorId.CircuitOpen: return ErrorCategory.ResourceUnavailable;
                case JiraErrorId.OAuthRefreshTokenRejected: return ErrorCategory.AuthenticationError;
                case JiraErrorId.OAuthFailed: return ErrorCategory.AuthenticationError;
                case JiraErrorId.OAuthStateMismatch: return ErrorCategory.SecurityError;
                case JiraErrorId.OAuthAuthorizationDenied: return ErrorCategory.PermissionDenied;
                case JiraErrorId.OAuthSiteNotFound: return ErrorCategory.ObjectNotFound;
                case JiraErrorId.OAuthSignInTimedOut: return ErrorCategory.OperationTimeout;
                default: return ErrorCategory.InvalidOperation;
            }
        }
    }
}
