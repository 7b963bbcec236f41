using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Errors;

namespace JiraConnector.Connection
{
    /// <summary>A fixed Bearer token: a Data Center personal access token.</summary>
    internal sealed class BearerTokenAuthenticator : IJiraAuthenticator
    {
        private readonly string _token;

        public BearerTokenAuthenticator(string token)
        {
            if (string.IsNullOrEmpty(token)) throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidConnectionParameter, "The personal access token is empty.", nameof(token));
            _token = token;
        }

        public JiraAuthType AuthType => JiraAuthType.PersonalAccessToken;

        // A PAT does not name its user; Connect-JiraInstance fills the user in from /myself.
        public string UserHint => string.Empty;

        public Task ApplyAsync(HttpRequestMessage request, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            return Task.CompletedTask;
        }

        public override string ToString() => "Bearer (personal access token)";
    }
}
