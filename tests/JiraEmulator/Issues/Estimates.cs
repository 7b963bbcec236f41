using JiraEmulator.Data;
using JiraEmulator.Http;
using JiraEmulator.Rendering;

namespace JiraEmulator.Issues;

/// <summary>
/// How a worklog write moves the remaining estimate, by its adjustEstimate parameter (Jira's default: auto). auto
/// takes the work logged off (or gives back the work deleted), never below zero, and leaves an unestimated issue
/// unestimated; new sets newEstimate; manual takes off reduceBy (or, deleting, adds increaseBy); leave changes nothing.
/// </summary>
public static class Estimates
{
    /// <param name="workAdded">Seconds the write adds to the time spent (negative for a delete).</param>
    /// <param name="manualParameter">reduceBy when adding work, increaseBy when deleting it; null where manual is not offered.</param>
    public static void Adjust(Issue issue, HttpRequest request, long workAdded, string? manualParameter)
    {
        string mode = request.Query["adjustEstimate"].ToString() is { Length: > 0 } given ? given : "auto";
        long? remaining;
        lock (issue.Gate) remaining = issue.RemainingEstimate;
        remaining = mode switch
        {
            "auto" => remaining is { } left ? Math.Max(0, left - workAdded) : null,
            "leave" => remaining,
            "new" => Duration(request, "newEstimate", "You must supply a valid new estimate."),
            "manual" when manualParameter is not null => Math.Max(0, (remaining ?? 0)
                + (manualParameter == "increaseBy" ? 1 : -1) * Duration(request, manualParameter, $"You must supply a valid {manualParameter}.")),
            _ => throw JiraErrorException.BadRequest($"The adjustEstimate value '{mode}' is not valid."),
        };
        lock (issue.Gate) issue.RemainingEstimate = remaining;
    }

    private static long Duration(HttpRequest request, string parameter, string message) =>
        JiraDuration.TryParse(request.Query[parameter].ToString()) ?? throw JiraErrorException.BadRequest(message);
}
