using System.Collections.Concurrent;
using JiraConnector.Http;

namespace JiraConnector.Tests.Unit.Support;

/// <summary>Keeps the verbose lines the HTTP layer writes, for assertions about retries and redaction.</summary>
internal sealed class TestTrace : IJiraTrace
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public void Write(string line) => _lines.Enqueue(line);
}
