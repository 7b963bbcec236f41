using System;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Errors;

namespace JiraConnector.Connection.OAuth
{
    /// <summary>One browser sign-in: a loopback listener on the callback URL, a fresh random state,
    /// and the authorize URL to open. The browser comes back to the listener with a code, which is
    /// accepted only with the state this sign-in sent (anything else could be a forged request).</summary>
    internal sealed class OAuthSignIn : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly string _state;

        private OAuthSignIn(HttpListener listener, Uri callbackUrl, Uri authorizeUrl, string state)
        {
            _listener = listener;
            CallbackUrl = callbackUrl;
            AuthorizeUrl = authorizeUrl;
            _state = state;
        }

        /// <summary>The redirect_uri, exactly as sent (the code exchange repeats it).</summary>
        public Uri CallbackUrl { get; }

        /// <summary>Where the user signs in; carries the client id and state, no secret.</summary>
        public Uri AuthorizeUrl { get; }

        /// <summary>Starts listening. <paramref name="callbackUrl"/> null: http://127.0.0.1:{free port}/callback.</summary>
        public static OAuthSignIn Start(OAuthSettings settings, string? callbackUrl)
        {
            var callback = callbackUrl == null ? FreeLoopbackCallback() : ParseCallback(callbackUrl);
            var listener = new HttpListener();
            listener.Prefixes.Add($"{callback.Scheme}://{callback.Authority}/");
            try
            {
                listener.Start();
            }
            catch (Exception ex) when (ex is HttpListenerException || ex is SocketException)
            {
                listener.Close();
                throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidConnectionParameter, $"Cannot listen on the callback URL {callback}: {ex.Message} Pick another port with -CallbackUrl (oauth.callback.url).", "CallbackUrl", ex);
            }
            var state = NewState();
            var query = string.Join("&", new[]
            {
                "audience=" + Uri.EscapeDataString(settings.ApiGateway.Host),
                "client_id=" + Uri.EscapeDataString(settings.ClientId),
                "scope=" + Uri.EscapeDataString(string.Join(" ", settings.Scopes)),
                "redirect_uri=" + Uri.EscapeDataString(callback.AbsoluteUri),
                "state=" + state,
                "response_type=code",
                "prompt=consent",
            });
            return new OAuthSignIn(listener, callback, new Uri(settings.AuthorizationServer, "authorize?" + query), state);
        }

        /// <summary>Waits for the browser to come back with a code for this sign-in.</summary>
        public async Task<string> WaitForCodeAsync(TimeSpan timeout, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            // HttpListener has no cancellable wait: closing it ends GetContextAsync.
            using (limit.Token.Register(() => _listener.Close()))
            {
                while (true)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync().ConfigureAwait(false);
                    }
                    catch (Exception ex) when (limit.IsCancellationRequested && (ex is ObjectDisposedException || ex is HttpListenerException || ex is InvalidOperationException))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        throw new JiraApiException(ErrorIds.OperationTimeout.JiraOAuthSignInTimedOut,
                            $"No sign-in came back to {CallbackUrl} within {timeout.TotalSeconds:0} s. Run Connect-JiraInstance again and finish the sign-in in the browser (or raise -SignInTimeoutSec).",
                            "GET " + CallbackUrl.AbsolutePath, null, ex);
                    }
                    var code = Answer(context, trace);
                    if (code != null) return code;
                }
            }
        }

        public void Dispose() => _listener.Close();

        /// <summary>Answers the browser; returns the code, or null for a request that is not the callback (a favicon, say).</summary>
        private string? Answer(HttpListenerContext context, IJiraTrace? trace)
        {
            var request = context.Request;
            if (!string.Equals(request.Url!.AbsolutePath.TrimEnd('/'), CallbackUrl.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal))
            {
                Respond(context, 404, "Not the sign-in callback.");
                return null;
            }
            trace?.Write($"GET {UrlRedactor.Redact(request.Url)} (sign-in callback)");
            var query = request.QueryString;
            if (!StateMatches(query["state"]))
            {
                Respond(context, 400, "This sign-in answer does not belong to the sign-in PowerShell started. Return to PowerShell.");
                throw new JiraApiException(ErrorIds.SecurityError.JiraOAuthStateMismatch,
                    "The sign-in answer carried a state that this sign-in did not send, so it was refused (it may be a forged or stale request). Run Connect-JiraInstance again.",
                    "GET " + CallbackUrl.AbsolutePath, null);
            }
            var error = query["error"];
            if (!string.IsNullOrEmpty(error))
            {
                Respond(context, 400, "Sign-in was not completed. Return to PowerShell.");
                var description = query["error_description"];
                throw new JiraApiException(ErrorIds.PermissionDenied.JiraOAuthAuthorizationDenied,
                    $"The sign-in was refused: {error}" + (string.IsNullOrEmpty(description) ? "." : $" ({description}).") + " Run Connect-JiraInstance again to retry.",
                    "GET " + CallbackUrl.AbsolutePath, null);
            }
            var code = query["code"];
            if (string.IsNullOrEmpty(code))
            {
                Respond(context, 400, "The sign-in answer has no code. Return to PowerShell.");
                throw new JiraApiException(ErrorIds.AuthenticationError.JiraOAuthFailed, "The sign-in answer had no authorization code. Run Connect-JiraInstance again.",
                    "GET " + CallbackUrl.AbsolutePath, null);
            }
            Respond(context, 200, "Signed in to Jira. You can close this window and return to PowerShell.");
            return code;
        }

        private bool StateMatches(string? received)
        {
            if (received == null) return false;
            var a = Encoding.ASCII.GetBytes(received);
            var b = Encoding.ASCII.GetBytes(_state);
            // Constant time, like any comparison with a secret.
            var difference = a.Length ^ b.Length;
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++) difference |= a[i] ^ b[i];
            return difference == 0;
        }

        private static void Respond(HttpListenerContext context, int status, string message)
        {
            var html = Encoding.UTF8.GetBytes("<!doctype html><html><head><title>Jira sign-in</title></head><body><p>" +
                WebUtility.HtmlEncode(message) + "</p></body></html>");
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = html.Length;
            context.Response.OutputStream.Write(html, 0, html.Length);
            context.Response.Close();
        }

        private static Uri FreeLoopbackCallback()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return new Uri($"http://127.0.0.1:{port}/callback");
        }

        /// <summary>Checks a callback URL: it must be loopback http, since this module listens on it.</summary>
        public static Uri ParseCallback(string value)
        {
            if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || !IsLoopback(uri))
            {
                throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidConnectionParameter, 
                    $"The callback URL '{value}' must be a loopback http address, such as http://127.0.0.1:8765/callback or http://localhost:8765/callback: " +
                    "Connect-JiraInstance receives the sign-in answer itself. Register the same URL in the app's settings.", "CallbackUrl");
            }
            return uri;
        }

        private static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

        private static string NewState()
        {
            var bytes = new byte[24];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        }
    }
}
