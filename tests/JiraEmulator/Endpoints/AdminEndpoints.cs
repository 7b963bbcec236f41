using JiraEmulator.Faults;

namespace JiraEmulator.Endpoints;

/// <summary>/__emulator: test-only controls, without auth, never faulted and never logged.</summary>
public static class AdminEndpoints
{
    public static void Map(WebApplication app, EmulatorState state)
    {
        var admin = app.MapGroup("/__emulator");
        admin.MapGet("/health", () => Results.Ok(new
        {
            status = "ok",
            deployment = state.Options.Deployment.ToString(),
            seed = state.Options.Seed,
            issues = state.Data.Issues.Count,
        }));

        admin.MapGet("/faults", () => Results.Ok(state.Faults.Rules));
        admin.MapPost("/faults", (FaultRule rule) =>
        {
            try
            {
                state.Faults.Add(rule);
            }
            catch (ArgumentException error)
            {
                return Results.BadRequest(new { errorMessages = new[] { error.Message }, errors = new { } });
            }
            return Results.Created("/__emulator/faults", rule);
        });
        admin.MapDelete("/faults", () =>
        {
            state.Faults.Clear();
            return Results.NoContent();
        });

       admin.MapGet("/webhooks/deliveries", () => Results.Ok(state.Dispatcher.Deliveries));
        admin.MapDelete("/webhooks/deliveries", () =>
        {
            state.Dispatcher.ClearDeliveries();
            return Results.NoContent();
        });

        admin.MapGet("/requests", () => Results.Ok(state.Requests.Entries));
        admin.MapDelete("/requests", () =>
        {
            state.Requests.Clear();
            return Results.NoContent();
        });
    }
}
