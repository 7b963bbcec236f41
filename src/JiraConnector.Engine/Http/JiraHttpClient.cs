using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Connection;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using JiraConnector.Errors;

namespace JiraConnector.Http
{
    /// <summary>One instance's HTTP pipeline, built once: an HttpClient and a Polly resilience
    /// pipeline (retry honouring Retry-After, jittered exponential backoff, a circuit breaker on
    /// repeated server failures, a per-attempt timeout). Every call takes the caller's
    /// CancellationToken, so Ctrl+C stops it at once.</summary>
    internal sealed class JiraHttpClient : IDisposable
    {
        private static readonly ResiliencePropertyKey<JiraRequest> RequestKey = new ResiliencePropertyKey<JiraRequest>("jira.request");
        private static readonly ResiliencePropertyKey<IJiraTrace?> TraceKey = new ResiliencePropertyKey<IJiraTrace?>("jira.trace");
        private static readonly ResiliencePropertyKey<AttemptCounter> AttemptKey = new ResiliencePropertyKey<AttemptCounter>("jira.attempt");
        private static readonly ResiliencePropertyKey<RateSlot?> SlotKey = new ResiliencePropertyKey<RateSlot?>("jira.slot");

        private readonly HttpClient _http;
        private readonly IJiraAuthenticator _auth;
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

        public JiraHttpClient(Uri apiRoot, IJiraAuthenticator auth, JiraHttpSettings settings, HttpMessageHandler? handler = null)
        {
            ApiRoot = EnsureTrailingSlash(apiRoot);
            _auth = auth;
            Settings = settings;
            _http = new HttpClient(handler ?? HttpHandlerFactory.Create(settings), disposeHandler: true)
            {
                // Polly owns timeouts per attempt; HttpClient's own would cut a whole retried call short.
                Timeout = Timeout.InfiniteTimeSpan,
            };
            _pipeline = BuildPipeline(settings);
        }

        public Uri ApiRoot { get; }

        public JiraHttpSettings Settings { get; }

        /// <summary>Whose credentials go out: Disconnect-JiraInstance -Forget reaches the token cache through it.</summary>
        public IJiraAuthenticator Authenticator => _auth;

        /// <summary>Sends a request and returns the successful response (2xx), with its body not yet
        /// read so that callers can stream it. Failures become a <see cref="JiraApiException"/>. A
        /// <paramref name="slot"/> of a rate gate is shown every answer, those retried included.</summary>
        public async Task<HttpResponseMessage> SendAsync(JiraRequest request, IJiraTrace? trace, CancellationToken cancellationToken, RateSlot? slot = null)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RequestKey, request);
            context.Properties.Set(TraceKey, trace);
            context.Properties.Set(AttemptKey, new AttemptCounter());
            context.Properties.Set(SlotKey, slot);
            HttpResponseMessage response;
            try
            {
                response = await _pipeline.ExecuteAsync(
                    static async (ctx, self) => await self.SendOnceAsync(ctx).ConfigureAwait(false),
                    context, this).ConfigureAwait(false);
            }
            catch (TimeoutRejectedException ex)
            {
                throw new JiraApiException(ErrorIds.OperationTimeout.JiraTimeout,
                    $"Jira did not answer {Describe(request)} within {Settings.AttemptTimeout.TotalSeconds:0.#} s" +
                    $" (after {Settings.MaxRetries} retries). Raise -TimeoutSec or try again later.", request.ToString(), null, ex);
            }
            catch (BrokenCircuitException ex)
            {
                throw new JiraApiException(ErrorIds.ResourceUnavailable.JiraCircuitOpen,
                    $"Jira failed repeatedly (server errors, timeouts or broken connections), so {Describe(request)} was not sent: " +
                    $"calls to {ApiRoot.Host} pause for {Settings.BreakDuration.TotalSeconds:0.#} s to let it recover. Try again later.",
                    request.ToString(), null, ex);
            }
            catch (HttpRequestException ex)
            {
                throw new JiraApiException(ErrorIds.ConnectionError.JiraConnectionFailed,
                    $"Could not reach Jira for {Describe(request)}: {ex.Message} Check the URL and the network.",
                    request.ToString(), null, ex);
            }
            catch (IOException ex)
            {
                throw new JiraApiException(ErrorIds.ConnectionError.JiraConnectionFailed,
                    $"The connection to Jira broke during {Describe(request)}: {ex.Message}", request.ToString(), null, ex);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            if (response.IsSuccessStatusCode) return response;
            using (response)
            {
                var body = await ReadBodySafelyAsync(response).ConfigureAwait(false);
                throw JiraApiException.FromResponse(request, (int)response.StatusCode, response.ReasonPhrase ?? string.Empty, body);
            }
        }

        /// <summary>Sends a request and parses the JSON answer straight from the response stream.</summary>
        public async Task<JsonDocument> GetJsonAsync(JiraRequest request, IJiraTrace? trace, CancellationToken cancellationToken, RateSlot? slot = null)
        {
            using var response = await SendAsync(request, trace, cancellationToken, slot).ConfigureAwait(false);
            try
            {
                using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                return await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw new JiraApiException(ErrorIds.InvalidResult.JiraInvalidResponse,
                    $"Jira's answer to {Describe(request)} is not valid JSON: {ex.Message}", request.ToString(), (int)response.StatusCode, ex);
            }
            catch (IOException ex)
            {
                throw new JiraApiException(ErrorIds.ConnectionError.JiraConnectionFailed,
                    $"The connection to Jira broke while reading the answer to {Describe(request)}: {ex.Message}",
                    request.ToString(), (int)response.StatusCode, ex);
            }
        }

        public void Dispose()
        {
            _http.Dispose();
            // Token-holding authenticators forget their tokens with the connection.
            (_auth as IDisposable)?.Dispose();
        }

        private async ValueTask<HttpResponseMessage> SendOnceAsync(ResilienceContext context)
        {
            var request = context.Properties.GetValue(RequestKey, null!);
            var trace = context.Properties.GetValue(TraceKey, null);
            var attempt = context.Properties.GetValue(AttemptKey, null!).Next();
            var response = await SendWithCredentialsAsync(request, trace, attempt, context.CancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && !request.IsCallback && _auth is IRefreshableAuthenticator refreshable)
            {
                // An access token can expire or be revoked early: renew it once and send again.
                var rejected = response.RequestMessage;
                try
                {
                    await refreshable.RefreshAfterRejectionAsync(rejected!, trace, context.CancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    response.Dispose();
                }
                response = await SendWithCredentialsAsync(request, trace, attempt, context.CancellationToken).ConfigureAwait(false);
            }
            context.Properties.GetValue(SlotKey, null)?.Observe(response);
            if (response.IsSuccessStatusCode && request.SafeToRepeat && !request.StreamsBody)
            {
                // Read the body here, inside the retries: an answer cut off after its headers is then
                // tried again like any broken connection, which a request safe to repeat allows.
                await BufferAsync(response).ConfigureAwait(false);
            }
            return response;
        }

        private static async Task BufferAsync(HttpResponseMessage response)
        {
            try
            {
                if (response.Content != null) await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        private async Task<HttpResponseMessage> SendWithCredentialsAsync(JiraRequest request, IJiraTrace? trace, int attempt, CancellationToken cancellationToken)
        {
            // Not disposed here: the response keeps a reference to it (RequestMessage) and the 401
            // path reads it; HttpClient releases its content once sent.
            var message = request.ToMessage(ApiRoot);
            // Credentials go to the instance's own site only, whatever the request names.
            if (!request.IsCallback && IsOwnSite(message.RequestUri!)) await _auth.ApplyAsync(message, trace, cancellationToken).ConfigureAwait(false);
            var debug = trace as IJiraDebugTrace;
            var retry = attempt > 1 ? $" (retry {attempt - 1} of {Settings.MaxRetries})" : string.Empty;
            if (debug?.DebugEnabled == true)
            {
                debug.Debug($"{request.Method.Method} {UrlRedactor.Redact(message.RequestUri!)}{retry} request headers: {HeaderRedactor.Render(message.Headers, message.Content?.Headers)}");
            }
            var clock = Stopwatch.StartNew();
            try
            {
                var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                trace?.Write($"{request.Method.Method} {UrlRedactor.Redact(message.RequestUri!)} -> {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms{retry}");
                if (debug?.DebugEnabled == true)
                {
                    debug.Debug($"{request.Method.Method} {UrlRedactor.Redact(message.RequestUri!)} response {(int)response.StatusCode} headers: {HeaderRedactor.Render(response.Headers, response.Content?.Headers)}");
                }
                return response;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) || !cancellationToken.IsCancellationRequested)
            {
                trace?.Write($"{request.Method.Method} {UrlRedactor.Redact(message.RequestUri!)} -> failed after {clock.ElapsedMilliseconds} ms{retry}: {ex.GetType().Name}");
                message.Dispose();
                throw;
            }
        }

        private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(JiraHttpSettings settings)
        {
            var retry = new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, settings.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(ServerRequestedDelay(args.Outcome, settings.MaxDelay)),
                OnRetry = args =>
                {
                    var trace = args.Context.Properties.GetValue(TraceKey, null);
                    var why = args.Outcome.Result != null
                        ? ((int)args.Outcome.Result.StatusCode).ToString()
                        : args.Outcome.Exception?.GetType().Name;
                    trace?.Write($"retry {args.AttemptNumber + 1} of {settings.MaxRetries} in {args.RetryDelay.TotalSeconds:0.##} s ({why})");
                    return default;
                },
            };
            var breaker = new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = settings.BreakerFailureRatio,
                MinimumThroughput = Math.Max(2, settings.BreakerMinimumAttempts),
                SamplingDuration = settings.BreakerWindow,
                BreakDuration = settings.BreakDuration,
                ShouldHandle = args => new ValueTask<bool>(!args.Context.Properties.GetValue(RequestKey, null!).IsCallback && IsServerFailure(args.Outcome, args.Context)),
                OnOpened = args =>
                {
                    args.Context.Properties.GetValue(TraceKey, null)?.Write(
                        $"circuit opened: Jira keeps failing, calls pause for {args.BreakDuration.TotalSeconds:0.#} s");
                    return default;
                },
            };
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
            // Polly wants at least one retry attempt, so "no retries" means no retry strategy at all.
            if (settings.MaxRetries > 0) builder.AddRetry(retry);
            return builder
                .AddCircuitBreaker(breaker)
                .AddTimeout(new TimeoutStrategyOptions { Timeout = settings.AttemptTimeout })
                .Build();

            static bool IsServerFailure(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
            {
                if (outcome.Result is HttpResponseMessage response) return (int)response.StatusCode >= 500;
                if (context.CancellationToken.IsCancellationRequested) return false;
                return outcome.Exception is HttpRequestException || outcome.Exception is TimeoutRejectedException || outcome.Exception is IOException;
            }

            bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
            {
                var request = context.Properties.GetValue(RequestKey, null!);
                if (outcome.Result is HttpResponseMessage response)
                {
                    var status = (int)response.StatusCode;
                    // A 429 was refused before any work was done, so even a create may be repeated.
                    if (status == 429) return true;
                    // A request safe to repeat is tried again on any server failure but "not implemented".
                    return request.SafeToRepeat && status >= 500 && status != 501;
                }
                if (context.CancellationToken.IsCancellationRequested) return false;
                return request.SafeToRepeat &&
                       (outcome.Exception is HttpRequestException || outcome.Exception is TimeoutRejectedException || outcome.Exception is IOException);
            }
        }

        private static TimeSpan? ServerRequestedDelay(Outcome<HttpResponseMessage> outcome, TimeSpan cap)
        {
            if (outcome.Result == null) return null;
            var wait = RetryAfter.From(outcome.Result, DateTimeOffset.UtcNow);
            if (wait == null) return null;
            return wait.Value > cap ? cap : wait.Value;
        }

        private static async Task<string?> ReadBodySafelyAsync(HttpResponseMessage response)
        {
            try
            {
                return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException || ex is HttpRequestException)
            {
                return null;
            }
        }

        private bool IsOwnSite(Uri url) =>
            string.Equals(url.Scheme, ApiRoot.Scheme, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(url.Host, ApiRoot.Host, StringComparison.OrdinalIgnoreCase) && url.Port == ApiRoot.Port;

        private static string Describe(JiraRequest request) => request.Method.Method + " " + UrlRedactor.Redact(request.RelativeUrl);

        private static Uri EnsureTrailingSlash(Uri uri) =>
            uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");

        /// <summary>Counts the attempts of one call, for the "(retry n of m)" in verbose lines.</summary>
        private sealed class AttemptCounter
        {
            private int _count;

            public int Next() => Interlocked.Increment(ref _count);
        }
    }
}
