using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;

namespace JiraConnector.Connection
{
    /// <summary>Credentials that can be renewed (an OAuth access token): on a 401 the HTTP client asks
    /// for a fresh token once and sends the request again.</summary>
    internal interface IRefreshableAuthenticator : IJiraAuthenticator
    {
        /// <summary>Renews the credentials that <paramref name="rejected"/> carried, unless another
        /// request renewed them meanwhile. Throws a JiraApiException when renewal is refused.</summary>
        Task RefreshAfterRejectionAsync(HttpRequestMessage rejected, IJiraTrace? trace, CancellationToken cancellationToken);
    }
}
