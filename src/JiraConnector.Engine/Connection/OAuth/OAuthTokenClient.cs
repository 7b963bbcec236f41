using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Errors;

namespace JiraConnector.Connection.OAuth
{
    /// <summary>Talks to the authorization server (code exchange, refresh) and the gateway's
    /// accessible-resources. None of these calls is retried: a code works once, and a refresh
    /// rotates the refresh token, so repeating one could burn the sign-in.</summary>
    internal sealed class OAuthTokenClient : IDisposable
    {
        private readonly OAuthSettings _settings;
        private readonly HttpClient _http;

        public OAuthTokenClient(OAuthSettings settings, JiraHttpSettings httpSettings)
        {
            _settings = settings;
            _http = new HttpClient(HttpHandlerFactory.Create(httpSettings), disposeHandler: true) { Timeout = httpSettings.AttemptTimeout };
        }

        public Task<OAuthTokens> ExchangeCodeAsync(string code, Uri redirectUri, IJiraTrace? trace, CancellationToken cancellationToken) =>
            PostTokenAsync(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = _settings.ClientId,
                ["client_secret"] = _settings.ClientSecret,
                ["code"] = code,
                ["redirect_uri"] = redirectUri.AbsoluteUri,
            }, trace, cancellationToken);

        public Task<OAuthTokens> RefreshAsync(string refreshToken, IJiraTrace? trace, CancellationToken cancellationToken) =>
            PostTokenAsync(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = _settings.ClientId,
                ["client_secret"] = _settings.ClientSecret,
                ["refresh_token"] = refreshToken,
            }, trace, cancellationToken);

        /// <summary>The sites the token may reach: (cloud id, site URL) pairs.</summary>
        public async Task<IReadOnlyList<(string Id, string Url)>> GetSitesAsync(string accessToken, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _settings.AccessibleResourcesEndpoint);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await SendAsync(request, "GET", string.Empty, trace, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw Failure(response, body, "list the sites this sign-in may reach");
            var sites = new List<(string, string)>();
            try
            {
                using var document = JsonDocument.Parse(body);
                foreach (var site in document.RootElement.EnumerateArray())
                {
                    if (site.TryGetProperty("id", out var id) && site.TryGetProperty("url", out var url))
                    {
                        sites.Add((id.GetString() ?? string.Empty, url.GetString() ?? string.Empty));
                    }
                }
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException)
            {
                throw new JiraApiException(ErrorIds.InvalidResult.JiraInvalidResponse, $"The accessible-resources answer from {_settings.ApiGateway.Host} is not the expected JSON list.",
                    "GET " + _settings.AccessibleResourcesEndpoint.AbsolutePath, (int)response.StatusCode, ex);
            }
            return sites;
        }

        public void Dispose() => _http.Dispose();

        private async Task<OAuthTokens> PostTokenAsync(Dictionary<string, string> form, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var grant = form["grant_type"];
            using var request = new HttpRequestMessage(HttpMethod.Post, _settings.TokenEndpoint)
            {
                // Atlassian documents a JSON body for its token endpoint.
                Content = new StringContent(JsonSerializer.Serialize(form), Encoding.UTF8, "application/json"),
            };
            request.Headers.Accept.ParseAdd("application/json");
            var sentAt = DateTimeOffset.UtcNow;
            using var response = await SendAsync(request, "POST", " (" + grant + ")", trace, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                if (grant == "refresh_token" && IsInvalidGrant(response, body))
                {
                    throw new JiraApiException(ErrorIds.AuthenticationError.JiraOAuthRefreshTokenRejected,
                        $"Jira's sign-in for {_settings.SiteUrl} has ended: the refresh token was refused (it was revoked, expired, " +
                        "or already used by another session). Run Connect-JiraInstance -SiteUrl ... -ClientId ... -ClientSecret ... again to sign in in the browser.",
                        "POST " + _settings.TokenEndpoint.AbsolutePath, (int)response.StatusCode);
                }
                throw Failure(response, body, grant == "refresh_token" ? "renew the access token" : "exchange the sign-in code for tokens");
            }
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                var access = root.GetProperty("access_token").GetString();
                if (string.IsNullOrEmpty(access)) throw new InvalidOperationException("access_token is empty");
                var lifetime = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) ? seconds : 3600;
                var refresh = root.TryGetProperty("refresh_token", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                var scope = root.TryGetProperty("scope", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() ?? string.Empty : string.Empty;
                return new OAuthTokens(access!, refresh, sentAt.AddSeconds(lifetime), scope);
            }
            catch (Exception ex) when (ex is JsonException || ex is KeyNotFoundException || ex is InvalidOperationException)
            {
                // The body holds tokens: never quote it.
                throw new JiraApiException(ErrorIds.InvalidResult.JiraInvalidResponse, $"The token endpoint {_settings.TokenEndpoint.Host} answered without a usable access token.",
                    "POST " + _settings.TokenEndpoint.AbsolutePath, (int)response.StatusCode, ex);
            }
        }

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string method, string note, IJiraTrace? trace, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var target = UrlRedactor.Redact(request.RequestUri!);
            try
            {
                var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                trace?.Write($"{method} {target}{note} -> {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms");
                return response;
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new JiraApiException(ErrorIds.OperationTimeout.JiraTimeout, $"{request.RequestUri!.Host} did not answer {method} {request.RequestUri.AbsolutePath} in time.",
                    method + " " + request.RequestUri.AbsolutePath, null, ex);
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException)
            {
                trace?.Write($"{method} {target}{note} -> failed after {clock.ElapsedMilliseconds} ms: {ex.GetType().Name}");
                throw new JiraApiException(ErrorIds.ConnectionError.JiraConnectionFailed, $"Could not reach {request.RequestUri!.Host} for {method} {request.RequestUri.AbsolutePath}: {ex.Message}",
                    method + " " + request.RequestUri.AbsolutePath, null, ex);
            }
        }

        private static bool IsInvalidGrant(HttpResponseMessage response, string body)
        {
            var status = (int)response.StatusCode;
            if (status != 400 && status != 401 && status != 403) return false;
            try
            {
                using var document = JsonDocument.Parse(body);
                return document.RootElement.TryGetProperty("error", out var error) && error.GetString() == "invalid_grant";
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private JiraApiException Failure(HttpResponseMessage response, string body, string what)
        {
            var status = (int)response.StatusCode;
            var detail = JiraErrorBody.Parse(body).ToString();
            var errorId = status == 401 || status == 403 ? ErrorIds.AuthenticationError.JiraOAuthFailed : JiraApiException.IdForStatus(status);
            var advice = status == 401 ? " Check -ClientId and -ClientSecret (oauth.api.key and oauth.api.secret)." : string.Empty;
            return new JiraApiException(errorId,
                $"Could not {what}: {response.RequestMessage?.RequestUri?.Host} answered {status} {response.ReasonPhrase}." +
                (detail.Length > 0 ? " " + detail : string.Empty) + advice,
                response.RequestMessage?.Method.Method + " " + response.RequestMessage?.RequestUri?.AbsolutePath, status);
        }
    }
}
