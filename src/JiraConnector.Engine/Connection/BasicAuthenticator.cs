using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Errors;

namespace JiraConnector.Connection
{
    /// <summary>HTTP Basic: e-mail and API token on Cloud, user name and password on Data Center.</summary>
    internal sealed class BasicAuthenticator : IJiraAuthenticator
    {
        private readonly string _encoded;

        public BasicAuthenticator(string userName, string secret)
        {
            if (string.IsNullOrEmpty(userName)) throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidConnectionParameter, "The user name is empty.", nameof(userName));
            if (string.IsNullOrEmpty(secret)) throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidConnectionParameter, "The API token or password is empty.", nameof(secret));
            UserHint = userName;
            _encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + secret));
        }

        public JiraAuthType AuthType => JiraAuthType.Basic;

        public string UserHint { get; }

        public Task ApplyAsync(HttpRequestMessage request, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _encoded);
            return Task.CompletedTask;
        }

        public override string ToString() => "Basic " + UserHint;
    }
}
