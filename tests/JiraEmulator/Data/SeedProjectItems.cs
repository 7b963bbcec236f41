namespace JiraEmulator.Data;

/// <summary>
/// The versions and components every seeded project starts with, the same whatever the seed (no Random is drawn, so
/// the seeded issues are unchanged). Versions 1.0 and 1.1 are released, 2.0 is planned; ids follow project order
/// (OPS gets versions 10000-10002 and components 10000-10002). Each software project also has a scrum board (WEB's is
/// board 1) with one active sprint (sprint 1 on WEB's board), and the service project OPS a kanban board (board 5).
/// Seeded issues name none of them: sprints and boards start empty.
/// </summary>
public static class SeedProjectItems
{
    private static readonly (string Name, bool Released, DateOnly Release)[] Versions =
    [
        ("1.0", true, new DateOnly(2024, 3, 1)),
        ("1.1", true, new DateOnly(2024, 6, 3)),
        ("2.0", false, new DateOnly(2030, 6, 28)),
    ];

    private static readonly (string Name, string Description)[] Components =
    [
        ("Backend", "Services and APIs."),
        ("Frontend", "What users see."),
        ("Infrastructure", "Hosts, networks and pipelines."),
    ];

    public static void Add(JiraData data)
    {
        foreach (var project in data.Projects)
        {
            foreach (var (name, released, release) in Versions)
            {
                data.Versions.Add(new ProjectVersion
                {
                    Id = data.Versions.NewId(), Project = project, Name = name, Description = $"{project.Name} {name}",
                    Released = released, StartDate = release.AddMonths(-2), ReleaseDate = release,
                });
            }
            foreach (var (name, description) in Components)
                data.Components.Add(new ProjectComponent { Id = data.Components.NewId(), Project = project, Name = name, Description = description, Lead = project.Lead });
        }
        foreach (var project in data.Projects.Where(p => p.ProjectTypeKey == "software"))
        {
            var board = new Board { Id = data.Boards.NewId(), Name = $"{project.Key} board", Type = "scrum", Project = project };
            data.Boards.Add(board);
            var start = new DateTimeOffset(2024, 1, 8, 9, 0, 0, TimeSpan.Zero);
            data.Sprints.Add(new Sprint
            {
                Id = data.Sprints.NewId(), Board = board, Name = $"{project.Key} Sprint 1", State = "active",
                StartDate = start, EndDate = start.AddDays(14), CreatedDate = start.AddDays(-3), Goal = "Ship the first slice",
            });
        }
        foreach (var project in data.Projects.Where(p => p.ProjectTypeKey == "service_desk"))
            data.Boards.Add(new Board { Id = data.Boards.NewId(), Name = $"{project.Key} board", Type = "kanban", Project = project });
    }
}
