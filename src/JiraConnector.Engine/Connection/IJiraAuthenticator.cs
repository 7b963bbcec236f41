using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;

namespace JiraConnector.Connection
{
    /// <summary>Puts credentials on an outgoing request. Implementations keep the secret private:
    /// it never appears in a property, ToString, or message.</summary>
    internal interface IJiraAuthenticator
    {
        JiraAuthType AuthType { get; }

        /// <summary>The user the credentials claim to be, safe to show (never the secret).</summary>
        string UserHint { get; }

        Task ApplyAsync(HttpRequestMessage request, IJiraTrace? trace, CancellationToken cancellationToken);
    }
}
