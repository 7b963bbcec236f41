namespace JiraConnector.Resources
{
    /// <summary>How the -Fields of New-JiraObject and Set-JiraObject become Jira's request body.</summary>
    internal enum WriteShape
    {
        /// <summary>The hashtable as JSON (projects, properties).</summary>
        AsGiven,
        /// <summary>{"fields":{...}} with names resolved through GET field and values in Jira's shapes.</summary>
        IssueFields,
        /// <summary>{"body": text}, ADF on Cloud.</summary>
        Comment,
        /// <summary>{"comment": text, "started": date, "timeSpent"...}, ADF comment on Cloud.</summary>
        Worklog,
        /// <summary>{"transition":{"id":...}}.</summary>
        Transition,
        /// <summary>A JSON string: the user's account id (Cloud) or name (Data Center).</summary>
        Watcher,
        /// <summary>{"accountId": id} (Cloud) or {"name": id} (Data Center): a user to add to a group.</summary>
        GroupMember,
        /// <summary>An entity property's value: @{value=...} stores that value (what reading it
        /// back shows as Value); any other hashtable is stored as the object it is.</summary>
        PropertyValue,
        /// <summary>{"issues":[key]}: an incident moved into a sprint (or back to the backlog).</summary>
        SprintIssue,
        /// <summary>{"type":{"name":...},"outwardIssue":{"key": the parent},"inwardIssue":{"key": Other}}:
        /// a link from the incident of the path (it "blocks" Other); Jira's own shape passes as given.</summary>
        IssueLink,
    }
}
