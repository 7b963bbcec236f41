using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

// The bulk benchmark's baseline: POST prepared issue/bulk bodies with a fixed number in flight,
// read each answer to the end, parse nothing. What the emulator can do at that concurrency.
public static class RawBulkSender
{
    public static double Send(string url, string user, string secret, IReadOnlyList<string> bodies, int concurrency)
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + secret)));
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var content = new StringContent(bodies[index], Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(url + "/rest/api/3/issue/bulk", content);
                await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException("issue/bulk answered " + (int)response.StatusCode);
            }
        })).ToArray();
        Task.WaitAll(workers);
        return clock.Elapsed.TotalSeconds;
    }
}
