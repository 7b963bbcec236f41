using System.Management.Automation;

namespace JiraConnector.Tests.Unit.Connection;

/// <summary>Everything a PowerShell run produced, as text: all six streams, error messages with
/// their exception chains, and every output object rendered by Format-List * and as JSON. The
/// secret tests search this for credentials.</summary>
internal static class StreamText
{
    public static IReadOnlyList<string> Of(PowerShell shell, IEnumerable<PSObject> output, Exception? thrown = null)
    {
        var text = new List<string>();
        foreach (var item in output)
        {
            text.Add(item?.ToString() ?? string.Empty);
            text.Add(Render(item));
        }
        text.AddRange(shell.Streams.Verbose.Select(r => r.Message));
        text.AddRange(shell.Streams.Debug.Select(r => r.Message));
        text.AddRange(shell.Streams.Warning.Select(r => r.Message));
        text.AddRange(shell.Streams.Information.Select(r => r.MessageData?.ToString() ?? string.Empty));
        text.AddRange(shell.Streams.Progress.Select(r => r.StatusDescription + " " + r.Activity));
        foreach (var error in shell.Streams.Error) text.AddRange(Describe(error));
        if (thrown != null)
        {
            text.Add(thrown.ToString());
            if (thrown is IContainsErrorRecord container) text.AddRange(Describe(container.ErrorRecord));
        }
        return text;
    }

    private static IEnumerable<string> Describe(ErrorRecord error)
    {
        yield return error.FullyQualifiedErrorId + ": " + error;
        yield return error.Exception.ToString();
        yield return error.ErrorDetails?.Message ?? string.Empty;
        yield return error.ErrorDetails?.RecommendedAction ?? string.Empty;
        yield return error.CategoryInfo.ToString();
        yield return error.TargetObject?.ToString() ?? string.Empty;
    }

    private static string Render(PSObject? item)
    {
        if (item == null) return string.Empty;
        using var shell = PowerShell.Create();
        shell.AddScript("param($o) ($o | Format-List * -Force | Out-String -Width 500); ($o | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue)").AddArgument(item);
        try
        {
            return string.Join("\n", shell.Invoke().Select(o => o?.ToString()));
        }
        catch (RuntimeException ex)
        {
            return ex.Message;
        }
    }
}
