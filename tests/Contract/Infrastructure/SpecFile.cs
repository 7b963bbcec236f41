namespace JiraConnector.Tests.Contract.Infrastructure;

/// <summary>Where a spec the contract tests read is: the environment variable when set, else the
/// copy in tests/Contract/Spec (copied beside the test assembly), so that a fresh clone needs
/// nothing beside it.</summary>
internal static class SpecFile
{
    public static string Locate(string fileName, string environmentVariable)
    {
        if (Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } configured) return configured;
        var copy = Path.Combine(AppContext.BaseDirectory, "Spec", fileName);
        if (File.Exists(copy)) return copy;
        throw new FileNotFoundException($"{copy} is missing: the build copies tests/Contract/Spec there; or set {environmentVariable}.");
    }
}
