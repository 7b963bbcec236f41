using System.Globalization;
using JiraEmulator.Data;
using JiraEmulator.Http;

namespace JiraEmulator.Endpoints;

/// <summary>Finds what a path names, or answers 404 with Jira's wording.</summary>
public static class Lookup
{
    public const string IssueNotFound = "Issue does not exist or you do not have permission to see it.";

    public static Issue Issue(EmulatorState state, string idOrKey) =>
        state.Data.Issues.Find(idOrKey) ?? throw JiraErrorException.NotFound(IssueNotFound);

    public static Project Project(EmulatorState state, string idOrKey) =>
        state.Data.FindProject(idOrKey) ?? throw JiraErrorException.NotFound($"No project could be found with key '{idOrKey}'.");

    public static long Id(string text, string what) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id)
            ? id
            : throw JiraErrorException.BadRequest($"The {what} id '{text}' is not a number.");
}
