using JiraEmulator.Http;

namespace JiraEmulator.Jql;

/// <summary>Builds Jira's 400 for malformed JQL: "Error in the JQL Query: ... (line 1, character N)".</summary>
public static class JqlErrors
{
    public static JiraErrorException Syntax(string problem, int position) =>
        JiraErrorException.BadRequest($"Error in the JQL Query: {problem} (line 1, character {position})");

    public static JiraErrorException Semantic(string message) => JiraErrorException.BadRequest(message);
}
