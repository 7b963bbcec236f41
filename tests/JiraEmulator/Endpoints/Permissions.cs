using JiraEmulator.Auth;
using JiraEmulator.Http;

namespace JiraEmulator.Endpoints;

/// <summary>
/// The emulator's one permission rule for site configuration: only a Jira administrator (the seeded admin) may change
/// projects, their versions and components, users and groups. Jira's answer to others differs by operation (the
/// spec gives some no 403 and answers 404, as for something not there), so the caller names the status.
/// </summary>
public static class Permissions
{
    public static void RequireAdmin(HttpContext context, string message, int status = StatusCodes.Status403Forbidden)
    {
        if (!context.CurrentUser().IsAdmin) throw new JiraErrorException(status, message);
    }
}
