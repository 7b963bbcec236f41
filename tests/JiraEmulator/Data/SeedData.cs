namespace JiraEmulator.Data;

/// <summary>
/// Builds the seeded site. Users and projects are fixed (credentials and keys must not depend on
/// the seed); issues come from System.Random(seed), so a seed always yields the same issues.
/// </summary>
public static class SeedData
{
    public const long FirstIssueId = 10000;

    /// <summary>Seeded issue timestamps start here and move forward with the issue index.</summary>
    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly (string First, string Last)[] People =
    [
        ("Admin", "User"), ("Alice", "Anders"), ("Bob", "Brown"), ("Carol", "Chen"), ("Dan", "Diaz"),
        ("Erin", "Evans"), ("Frank", "Fischer"), ("Grace", "Gupta"), ("Heidi", "Hansen"), ("Ivan", "Ivanov"),
        ("Judy", "Jones"), ("Karl", "Klein"), ("Laura", "Lopez"), ("Mallory", "Meyer"), ("Niaj", "Novak"),
        ("Olivia", "Ortiz"), ("Peggy", "Park"), ("Quentin", "Quinn"), ("Rupert", "Ross"), ("Sybil", "Sato"),
    ];

    private static readonly (string Key, string Name, string Type)[] ProjectSeeds =
    [
        ("OPS", "Operations", "service_desk"), ("WEB", "Web Storefront", "software"), ("MOB", "Mobile App", "software"),
        ("DATA", "Data Platform", "software"), ("SEC", "Security", "software"), ("HR", "People Team", "business"),
    ];

    private static readonly string[] Verbs = ["Fix", "Add", "Remove", "Improve", "Investigate", "Refactor", "Document", "Migrate", "Speed up", "Review"];
    private static readonly string[] Things = ["login timeout", "search results", "export to CSV", "invoice totals", "password reset", "audit log", "user avatar", "session cache", "report filters", "billing page", "API rate limits", "backup job"];
    private static readonly string[] Places = ["on checkout", "in the admin console", "for new customers", "on Android", "on iOS", "in the nightly build", "after upgrade", "for EU tenants", "in staging", "under load"];
    private static readonly string[] Sentences =
    [
        "Customers report the problem since the last release.",
        "Steps to reproduce are attached in the comments.",
        "Expected the page to load in under two seconds.",
        "This blocks the quarterly audit.",
        "Happens only when the cache is cold.",
        "A workaround exists but is manual.",
        "Needs sign-off from the security team.",
        "Logs show a timeout talking to the database.",
    ];

    public static JiraData Build(EmulatorOptions options)
    {
        var users = BuildUsers();
        var projects = BuildProjects(users);
        var store = new IssueStore(FirstIssueId);
        var random = new Random(options.Seed);
        var activeUsers = users.Where(u => u.Active).ToArray();
        var time = Epoch;
        var pending = new List<Issue>(options.Issues);
        // Seeded texts repeat (about 1,200 summaries, 64 descriptions): share one string per distinct text.
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);

        for (int i = 0; i < options.Issues; i++)
        {
            var project = projects[i % projects.Count];
            int number = project.NextIssueNumber();
            // Created strictly increases with i (1 to 6 minutes apart) and updated stays before the
            // next issue's created, so "updated" order equals id order: handy for polling tests.
            time = time.AddSeconds(60 + random.Next(300));
            var created = time.AddMilliseconds(random.Next(1000));
            var updated = created.AddSeconds(random.Next(50));
            var status = PickStatus(random);
            var resolution = status == Catalog.Done ? PickResolution(random) : null;
            var issue = new Issue
            {
                Id = store.AllocateId(),
                Key = $"{project.Key}-{number}",
                Project = project,
                Number = number,
                Summary = Shared(texts, $"{Pick(random, Verbs)} {Pick(random, Things)} {Pick(random, Places)}"),
                Description = random.Next(10) == 0 ? null : Shared(texts, $"{Pick(random, Sentences)} {Pick(random, Sentences)}"),
                Status = status,
                IssueType = Catalog.IssueTypes[PickWeighted(random, [5, 40, 35, 20])],
                Priority = Catalog.Priorities[PickWeighted(random, [5, 15, 50, 20, 10])],
                Assignee = random.Next(100) < 15 ? null : activeUsers[random.Next(activeUsers.Length)],
                Reporter = activeUsers[random.Next(activeUsers.Length)],
                Labels = PickLabels(random),
                Created = created,
                Updated = updated,
                Resolution = resolution,
                ResolutionDate = resolution is null ? null : updated,
                StoryPoints = random.Next(100) < 40 ? null : StoryPointValues[random.Next(StoryPointValues.Length)],
            };
            store.Add(issue);
            pending.Add(issue);
        }

        var data = new JiraData(users, projects, store);
        SeedProjectItems.Add(data);
        // Children need the site-wide id counters, so they are added once the JiraData exists.
        // A second Random keeps the issue fields the same whether or not children change later.
        var childRandom = new Random(unchecked(options.Seed * 7919 + 17));
        for (int i = 0; i < pending.Count; i++)
        {
            AddChildren(pending[i], data, childRandom, activeUsers);
            SeedAttachments.Add(pending[i], i, data);
        }
        SeedLinks.Add(pending, projects.Count, data);
        return data;
    }

    private static readonly double[] StoryPointValues = [1, 2, 3, 5, 8, 13];

    private static readonly string[] CommentTexts =
    [
        "I can reproduce this on the latest build.",
        "Looks related to the change from last sprint.",
        "Fixed in the branch, waiting for review.",
        "Can we get logs from the customer?",
        "Moving this to the next sprint.",
        "Verified on staging.",
    ];

    /// <summary>
    /// Seeded comments (0-3), worklogs (0-2), watchers (reporter, assignee) and a status change in the
    /// history when the issue left To Do. All are dated between created and updated, so the
    /// updated-equals-id-order property of the seed holds.
    /// </summary>
    private static void AddChildren(Issue issue, JiraData data, Random random, User[] activeUsers)
    {
        var span = issue.Updated - issue.Created;
        int comments = random.Next(4);
        for (int c = 0; c < comments; c++)
        {
            var author = activeUsers[random.Next(activeUsers.Length)];
            var when = issue.Created + span * ((c + 1) / 5.0);
            var comment = new Comment
            {
                Id = data.Records.NewCommentId(), Issue = issue, Author = author, UpdateAuthor = author,
                Body = CommentTexts[random.Next(CommentTexts.Length)], Created = when, Updated = when,
            };
            issue.Comments.Add(comment);
            data.Records.Add(comment);
        }
        int worklogs = random.Next(3);
        for (int w = 0; w < worklogs; w++)
        {
            var author = issue.Assignee ?? issue.Reporter;
            var worklog = new Worklog
            {
                Id = data.Records.NewWorklogId(), Issue = issue, Author = author, UpdateAuthor = author,
                Comment = random.Next(2) == 0 ? null : "Worked on it.",
                Started = issue.Created, TimeSpentSeconds = 900 * (1 + random.Next(16)),
                Created = issue.Updated, Updated = issue.Updated,
            };
            issue.Worklogs.Add(worklog);
            data.Records.Add(worklog);
        }
        issue.Watchers.Add(issue.Reporter);
        if (issue.Assignee is not null) issue.Watchers.Add(issue.Assignee);
        if (issue.Status != Catalog.ToDo && issue.Status != Catalog.Backlog)
        {
            issue.History.Add(new ChangeHistory(data.Records.NewHistoryId(), issue.Assignee ?? issue.Reporter, issue.Updated,
                [new ChangeItem("status", "jira", "status", Catalog.ToDo.Id, Catalog.ToDo.Name, issue.Status.Id, issue.Status.Name)]));
        }
    }

    private static List<User> BuildUsers()
    {
        var users = new List<User>(People.Length);
        for (int i = 0; i < People.Length; i++)
        {
            var (first, last) = People[i];
            string login = first.ToLowerInvariant();
            users.Add(new User
            {
                Index = i,
                // Shaped like Cloud's "712020:<uuid>" ids, derived from the index so it never depends on the seed.
                AccountId = $"712020:00000000-0000-4000-8000-{i + 1:x12}",
                DisplayName = $"{first} {last}",
                EmailAddress = $"{login}@example.com",
                // The last two users are deactivated: users/search must list them, assignable search must not.
                Active = i < People.Length - 2,
                Name = login,
                Key = $"JIRAUSER{10000 + i}",
                IsAdmin = i == 0,
                Groups = i == 0 ? ["jira-administrators", "jira-software-users", "site-admins"] : i % 2 == 0 ? ["jira-software-users", "developers"] : ["jira-software-users"],
            });
        }
        return users;
    }

    private static List<Project> BuildProjects(List<User> users)
    {
        var projects = new List<Project>(ProjectSeeds.Length);
        for (int i = 0; i < ProjectSeeds.Length; i++)
        {
            var (key, name, type) = ProjectSeeds[i];
            projects.Add(new Project
            {
                Id = (10000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Key = key,
                Name = name,
                ProjectTypeKey = type,
                Lead = users[(i * 3) % (users.Count - 2)],
                Description = $"Seeded project {name}.",
                Category = Catalog.ProjectCategories[type == "business" ? 1 : 0],
            });
        }
        return projects;
    }

    private static Status PickStatus(Random random) => PickWeighted(random, [5, 30, 20, 10, 35]) switch
    {
        0 => Catalog.Backlog,
        1 => Catalog.ToDo,
        2 => Catalog.InProgress,
        3 => Catalog.InReview,
        _ => Catalog.Done,
    };

    private static Resolution PickResolution(Random random) => Catalog.Resolutions[PickWeighted(random, [80, 10, 10])];

    private static string[] PickLabels(Random random)
    {
        int count = random.Next(4);
        if (count == 0) return [];
        var labels = new List<string>(count);
        while (labels.Count < count)
        {
            string label = Catalog.Labels[random.Next(Catalog.Labels.Count)];
            if (!labels.Contains(label)) labels.Add(label);
        }
        return labels.ToArray();
    }

    private static string Shared(Dictionary<string, string> texts, string text)
    {
        if (texts.TryGetValue(text, out var shared)) return shared;
        texts[text] = text;
        return text;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static int PickWeighted(Random random, int[] weights)
    {
        int roll = random.Next(weights.Sum());
        for (int i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i]) return i;
            roll -= weights[i];
        }
        return weights.Length - 1;
    }
}
