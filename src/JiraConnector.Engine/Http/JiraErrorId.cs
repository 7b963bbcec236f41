namespace JiraConnector.Http
{
    /// <summary>The ErrorIds the module reports; tests assert them, so they are stable words.</summary>
    internal static class JiraErrorId
    {
        public const string AuthenticationFailed = "JiraAuthenticationFailed";
        public const string PermissionDenied = "JiraPermissionDenied";
        public const string NotFound = "JiraNotFound";
        public const string BadRequest = "JiraBadRequest";
        public const string Conflict = "JiraConflict";
        public const string RateLimited = "JiraRateLimited";
        public const string ServerError = "JiraServerError";
        public const string RequestFailed = "JiraRequestFailed";
        public const string Timeout = "JiraTimeout";
        public const string ConnectionFailed = "JiraConnectionFailed";
        public const string InvalidResponse = "JiraInvalidResponse";
        public const string CircuitOpen = "JiraCircuitOpen";
        public const string OAuthFailed = "JiraOAuthFailed";
        public const string OAuthRefreshTokenRejected = "JiraOAuthRefreshTokenRejected";
        public const string OAuthSiteNotFound = "JiraOAuthSiteNotFound";
        public const string OAuthStateMismatch = "JiraOAuthStateMismatch";
        public const string OAuthAuthorizationDenied = "JiraOAuthAuthorizationDenied";
        public const string OAuthSignInTimedOut = "JiraOAuthSignInTimedOut";

        public static string ForStatus(int status)
        {
            switch (status)
            {
                case 400: return BadRequest;
                case 401: return AuthenticationFailed;
                case 403: return PermissionDenied;
                case 404: return NotFound;
                case 409: return Conflict;
                case 429: return RateLimited;
                default: return status >= 500 ? ServerError : RequestFailed;
            }
        }
    }
}
