using System;
using System.Text.Json;
using System.Threading.Tasks;
using JiraConnector.Http;
using JiraConnector.Errors;

namespace JiraConnector.Bulk.Jobs
{
    /// <summary>Sends a job's requests: through the rate gate and the instance's HTTP pipeline,
    /// reading the answer as JSON. The pipeline already retries what may be retried (429 always; a
    /// server failure, timeout or broken connection when the request is safe to repeat), so the job
    /// adds no retries of its own here: what is left to it is a create whose fate is unknown
    /// (<see cref="IsAmbiguous"/>), settled by its marker before it is sent again.</summary>
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
                throw new JiraApiException(ErrorIds.ConnectionError.JiraConnectionFailed, $"The connection broke while reading Jira's answer to {request}: {ex.Message}",
                    request.ToString(), (int)response.StatusCode, ex);
            }
            if (body == null || IsBlank(body)) return null;
            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                throw new JiraApiException(ErrorIds.InvalidResult.JiraInvalidResponse, $"Jira's answer to {request} is not valid JSON: {ex.Message}",
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

        /// <summary>Failures after which a create may or may not have happened.</summary>
        public static bool IsAmbiguous(JiraApiException ex) =>
            ex.StatusCode >= 500 || ex.ErrorId == ErrorIds.ConnectionError.JiraConnectionFailed || ex.ErrorId == ErrorIds.OperationTimeout.JiraTimeout || ex.ErrorId == ErrorIds.InvalidResult.JiraInvalidResponse;

        /// <summary>Failures that stop the whole job: no later record would fare better.</summary>
        public static bool IsFatal(JiraApiException ex) => ex.StatusCode == 401;
    }
}
