using System.Text.Json;

namespace JiraEmulator.Http;

/// <summary>Turns JiraErrorException (and malformed JSON bodies) into ErrorCollection responses.</summary>
public sealed class ErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (JiraErrorException error) when (!context.Response.HasStarted)
        {
            await ErrorCollection.Result(error).ExecuteAsync(context);
        }
        catch (JsonException error) when (!context.Response.HasStarted)
        {
            // Jira answers unparseable bodies with 400 and the parser's complaint.
            await ErrorCollection.Result(StatusCodes.Status400BadRequest, $"Unexpected character in the request body: {error.Message}").ExecuteAsync(context);
        }
        catch (BadHttpRequestException error) when (!context.Response.HasStarted)
        {
            await ErrorCollection.Result(error.StatusCode, error.Message).ExecuteAsync(context);
        }
    }
}
