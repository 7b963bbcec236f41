namespace JiraConnector.Tests.Contract.Infrastructure;

public static class Adf
{
    /// <summary>A one-paragraph Atlassian document, as JSON text to embed in request bodies.</summary>
    public static string Doc(string text) =>
        $$"""{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"{{text}}"}]}]}""";
}
