namespace JiraEmulator.Data;

/// <summary>
/// Seeded issue links, chosen by position rather than drawn from the seed's Random so every other seeded value stays
/// the same: the first issue of each project blocks the project's second (OPS-1 blocks OPS-2), as a site in use has
/// links to read. No changelog entry is made: the link is as old as the issues.
/// </summary>
public static class SeedLinks
{
    public static void Add(IReadOnlyList<Issue> issues, int projectCount, JiraData data)
    {
        var blocks = data.LinkTypes.All()[0];
        for (int i = 0; i < projectCount && i + projectCount < issues.Count; i++)
        {
            var link = new IssueLink(data.Records.NewLinkId(), blocks, issues[i], issues[i + projectCount]);
            issues[i].Links.Add(link);
            issues[i + projectCount].Links.Add(link);
            data.Records.Add(link);
        }
    }
}
