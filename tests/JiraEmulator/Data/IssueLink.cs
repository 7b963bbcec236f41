namespace JiraEmulator.Data;

/// <summary>A kind of link: its name and the two phrases that read it from each end ("blocks" / "is blocked by").
/// An admin can rename it or change its phrases, which every link of the type then reads with.</summary>
public sealed class IssueLinkType(long id, string name, string inward, string outward) : INumbered
{
    public long Id { get; } = id;
    public string Name { get; set; } = name;
    public string Inward { get; set; } = inward;
    public string Outward { get; set; } = outward;
}

/// <summary>
/// A link between two issues, held by both. Outward is the request's outwardIssue, the "from" issue (the spec adds a
/// link's comment to "the from (outward) issue"); Inward is the other end. Each issue's issuelinks field names the
/// other end: the from issue lists it as outwardIssue ("OPS-1 blocks OPS-2"), the other as inwardIssue.
/// </summary>
public sealed record IssueLink(long Id, IssueLinkType Type, Issue Outward, Issue Inward)
{
    /// <summary>The end that is not <paramref name="issue"/>, and whether <paramref name="issue"/> is the from issue.</summary>
    public (Issue Other, bool IsFrom) From(Issue issue) => issue == Outward ? (Inward, true) : (Outward, false);
}
