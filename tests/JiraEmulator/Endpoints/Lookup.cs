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

    /// <summary>A user as a request names one: Cloud by accountId; Data Center by user name (any case) or key.</summary>
    public static User? UserNamed(EmulatorState state, string? id) =>
        id is null ? null
        : state.IsCloud ? state.Data.Users.FirstOrDefault(u => u.AccountId == id)
        : state.Data.Users.FirstOrDefault(u => string.Equals(u.Name, id, StringComparison.OrdinalIgnoreCase) || u.Key == id);

    public static long Id(string text, string what) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long id)
            ? id
            : throw JiraErrorException.BadRequest($"The {what} id '{text}' is not a number.");
}
