using JiraEmulator.Http;

namespace JiraEmulator.Jql;

/// <summary>Builds Jira's 400 for malformed JQL: "Error in the JQL Query: ... (line 1, character N)".</summary>
public static class JqlErrors
{
    public static JiraErrorException Syntax(string problem, int position) =>
        JiraErrorException.BadRequest($"Error in the JQL Query: {problem} (line 1, character {position})");

    public static JiraErrorException Semantic(string message) => JiraErrorException.BadRequest(message);

    private const string WarningKey = "JiraEmulator.JqlWarning";

    /// <summary>A value the field does not have: the searches refuse the query with it (400), while jql/parse lists it
    /// among the warnings rather than the errors, as Jira does. The mark travels in Exception.Data.</summary>
    public static JiraErrorException UnknownValue(string value, string field)
    {
        var error = Semantic($"The value '{value}' does not exist for the field '{field}'.");
        error.Data[WarningKey] = true;
        return error;
    }

    public static bool IsWarning(JiraErrorException error) => error.Data.Contains(WarningKey);
}
