using System;
using System.Text.Json;
using System.Threading.Tasks;
using JiraConnector.Http;

namespace JiraConnector.Bulk.Jobs
{
    /// <summary>Sends a job's requests: through the rate gate, through the instance's HTTP pipeline
    /// (which retries 429s), reading the answer as JSON. SendSafeAsync adds the job's own retries
    /// for calls that may be repeated (GET, PUT): a 500 or a broken connection is tried again.</summary>
    internal static class BulkHttp
    {
        public static async Task<JsonDocument?> SendAsync(BulkContext context, JiraRequest request)
        {
            await context.Gate.WaitAsync(context.Cancellation).ConfigureAwait(false);
            using var response = await context.Instance.Client.SendAsync(request, null, context.Cancellation).ConfigureAwait(false);
            context.Gate.Observe(response);
            byte[]? body;
            try
            {
                body = response.Content == null ? null : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is System.Net.Http.HttpRequestException || ex is System.IO.IOException)
            {
                // The answer broke off: Jira did the work, or some of it, or none. Callers treat
                // this like any lost answer.
                throw new JiraApiException(JiraErrorId.ConnectionFailed, $"The connection broke while reading Jira's answer to {request}: {ex.Message}",
                    request.ToString(), (int)response.StatusCode, ex);
            }
            if (body == null || IsBlank(body)) return null;
            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                throw new JiraApiException(JiraErrorId.InvalidResponse, $"Jira's answer to {request} is not valid JSON: {ex.Message}",
                    request.ToString(), (int)response.StatusCode, ex);
            }
        }

        private static bool IsBlank(byte[] body)
        {
            foreach (var b in body)
            {
                if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n') return false;
            }
            return true;
        }

        public static async Task<JsonDocument?> SendSafeAsync(BulkContext context, JiraRequest request) =>
            await RetryAsync(context, () => SendAsync(context, request)).ConfigureAwait(false);

        /// <summary>Runs a repeatable call until it succeeds, fails for good or runs out of attempts.</summary>
        public static async Task<T> RetryAsync<T>(BulkContext context, Func<Task<T>> call)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await call().ConfigureAwait(false);
                }
                catch (JiraApiException ex) when (IsTransient(ex) && attempt < context.MaxAttempts && !context.Cancellation.IsCancellationRequested)
                {
                    await context.BackoffAsync(attempt).ConfigureAwait(false);
                }
            }
        }

        /// <summary>Failures that say nothing about the record: worth another try.</summary>
        public static bool IsTransient(JiraApiException ex) => ex.StatusCode == 429 || IsAmbiguous(ex);

        /// <summary>Failures after which a create may or may not have happened.</summary>
        public static bool IsAmbiguous(JiraApiException ex) =>
            ex.StatusCode >= 500 || ex.ErrorId == JiraErrorId.ConnectionFailed || ex.ErrorId == JiraErrorId.Timeout || ex.ErrorId == JiraErrorId.InvalidResponse;

        /// <summary>Failures that stop the whole job: no later record would fare better.</summary>
        public static bool IsFatal(JiraApiException ex) => ex.StatusCode == 401;
    }
}
