namespace JiraConnector
{
    /// <summary>Which kind of Jira answers: decides the REST version and the search endpoint.</summary>
    public enum JiraDeployment
    {
        /// <summary>Jira Cloud: /rest/api/3, ADF text, search/jql with nextPageToken.</summary>
        Cloud,
        /// <summary>Jira Data Center or Server: /rest/api/2, plain text, search with startAt.</summary>
        DataCenter,
    }

    /// <summary>How the module authenticates to an instance.</summary>
    public enum JiraAuthType
    {
        /// <summary>User name (or e-mail) with an API token or password.</summary>
        Basic,
        /// <summary>A Data Center personal access token sent as a Bearer token.</summary>
        PersonalAccessToken,
        /// <summary>OAuth 2.0 (3LO) access token.</summary>
        OAuth2,
    }
}
