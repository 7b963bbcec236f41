namespace JiraEmulator.Rendering;

/// <summary>
/// How to render for one request: the site URL that self links start with (taken from the request,
/// so links work whatever port was bound and under the /ex/jira/{cloudId} alias), the REST version
/// (3: ADF text; 2: plain strings) and the deployment (user shapes differ).
/// </summary>
public sealed record ApiContext(string SiteUrl, int Version, Deployment Deployment)
{
    public string ApiRoot => $"{SiteUrl}/rest/api/{Version}";

    public bool IsCloud => Deployment == Deployment.Cloud;

    public static ApiContext From(HttpContext context, int version, Deployment deployment)
    {
        var request = context.Request;
        return new ApiContext($"{request.Scheme}://{request.Host}{request.PathBase}", version, deployment);
    }
}
