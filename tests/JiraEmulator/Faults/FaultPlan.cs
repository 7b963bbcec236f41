namespace JiraEmulator.Faults;

/// <summary>
/// The active fault rules. Shared by the admin endpoint and the in-process API (EmulatorServer.Faults),
/// so a test can arrange faults either way. Probabilities draw from a Random seeded with the
/// emulator's seed, so a run with the same requests faults the same ones.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock gate = new();
    private readonly List<(FaultRule Rule, int? Remaining)> rules = [];
    private readonly Random random;

    public FaultPlan(int seed) => random = new Random(seed);

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Probability is < 0 or > 1) throw new ArgumentException("probability must be between 0 and 1.");
        if (rule.Count is < 0) throw new ArgumentException("count must not be negative.");
        lock (gate) rules.Add((rule, rule.Count));
    }

    public void Clear()
    {
        lock (gate) rules.Clear();
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get { lock (gate) return rules.Where(r => r.Remaining is null or > 0).Select(r => r.Rule).ToArray(); }
    }

    /// <summary>
    /// Picks what applies to one request: the summed latency of every matching rule, the first
    /// matching rule that replaces the response, and what holds it (in-process rules). Each rule
    /// that hits uses up one of its Count.
    /// </summary>
    public (int LatencyMs, FaultRule? Terminal, Task Hold) Match(string method, string pathAndQuery)
    {
        int latency = 0;
        FaultRule? terminal = null;
        var holds = new List<Task>();
        lock (gate)
        {
            for (int i = 0; i < rules.Count; i++)
            {
                var (rule, remaining) = rules[i];
                if (remaining is <= 0) continue;
                if (rule.PathContains is { Length: > 0 } part && !pathAndQuery.Contains(part, StringComparison.OrdinalIgnoreCase)) continue;
                if (rule.Method is { Length: > 0 } m && !string.Equals(m, method, StringComparison.OrdinalIgnoreCase)) continue;
                if (rule.IsTerminal && terminal is not null) continue;
                if (rule.Probability is double p && random.NextDouble() >= p) continue;
                rules[i] = (rule, remaining - 1);
                latency += rule.LatencyMs;
                if (rule.Hold is { } hold) holds.Add(hold);
                if (rule.IsTerminal) terminal = rule;
            }
        }
        return (latency, terminal, holds.Count == 0 ? Task.CompletedTask : Task.WhenAll(holds));
    }
}
