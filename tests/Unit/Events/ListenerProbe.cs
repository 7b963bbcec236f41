using System.Net;
using System.Net.Sockets;

namespace JiraConnector.Tests.Unit.Events;

/// <summary>What the Receive-JiraEvent tests share: a free port to listen on, and waiting until the
/// listener answers (a GET gets 405 once it is up).</summary>
internal static class ListenerProbe
{
    public static int FreePort(IPAddress address)
    {
        var probe = new TcpListener(address, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public static async Task WaitUntilListeningAsync(HttpClient http, string prefix)
    {
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var answer = await http.GetAsync(prefix);
                if (answer.StatusCode == HttpStatusCode.MethodNotAllowed) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("Receive-JiraEvent did not start listening on " + prefix);
    }
}
