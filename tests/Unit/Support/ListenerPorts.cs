using System.Net;
using System.Net.Sockets;

namespace JiraConnector.Tests.Unit.Support;

/// <summary>For tests that run a real Receive-JiraEvent: a free loopback port to listen on, and a
/// wait until the listener answers (a GET gets its 405).</summary>
public static class ListenerPorts
{
    public static (string Prefix, int Port) FreePrefix(string path)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return ($"http://127.0.0.1:{port}{path}", port);
    }

    public static async Task WaitUntilListeningAsync(HttpClient http, string prefix)
    {
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var answer = await http.GetAsync(prefix, TestContext.Current.CancellationToken);
                if (answer.StatusCode == HttpStatusCode.MethodNotAllowed) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException("Receive-JiraEvent did not start listening on " + prefix);
    }
}
