using System;
using JiraConnector.Errors;

namespace JiraConnector.Http
{
    /// <summary>A Jira call that failed, with what the user needs to act on it: the request (never
    /// its credentials), the HTTP status, Jira's own messages and a stable ErrorId.</summary>
    public sealed class JiraApiException : Exception, IJiraError
    {
        internal JiraApiException(string errorId, string message, string request, int? statusCode, Exception? inner = null)
            : base(UrlRedactor.Redact(message), inner)
        {
            ErrorId = errorId;
            Request = UrlRedactor.Redact(request);
            StatusCode = statusCode;
        }

        /// <summary>A stable word such as JiraNotFound or JiraAuthenticationFailed (see ErrorIds).</summary>
        public string ErrorId { get; }

        /// <summary>Method and URL path of the failed call.</summary>
        public string Request { get; }

        /// <summary>The HTTP status, or null when no response arrived.</summary>
        public int? StatusCode { get; }

        /// <summary>Jira's error body as it came, for callers that read structured errors (issue/bulk
        /// answers 400 with one error per element). Internal: it is never shown as is.</summary>
        internal string? ResponseBody { get; private set; }

        internal static JiraApiException FromResponse(JiraRequest request, int status, string reason, string? body)
        {
            var errors = JiraErrorBody.Parse(body);
            var detail = errors.ToString();
            var advice = status == 401
                ? " Check the user name and API token (or personal access token), then run Connect-JiraInstance again."
                : string.Empty;
            var message = $"Jira answered {status} {reason} to {request}." +
                (detail.Length > 0 ? " " + detail : string.Empty) + advice;
            return new JiraApiException(JiraApiException.IdForStatus(status), message, request.ToString(), status) { ResponseBody = body };
        }

        /// <summary>The ErrorId of a Jira answer with this HTTP status.</summary>
        internal static string IdForStatus(int status)
        {
            switch (status)
            {
                case 400: return ErrorIds.InvalidArgument.JiraBadRequest;
                case 401: return ErrorIds.AuthenticationError.JiraAuthenticationFailed;
                case 403: return ErrorIds.PermissionDenied.JiraPermissionDenied;
                case 404: return ErrorIds.ObjectNotFound.JiraNotFound;
                case 409: return ErrorIds.ResourceExists.JiraConflict;
                case 429: return ErrorIds.LimitsExceeded.JiraRateLimited;
                default: return status >= 500 ? ErrorIds.ResourceUnavailable.JiraServerError : ErrorIds.InvalidOperation.JiraRequestFailed;
            }
        }
    }
}
