namespace JiraEmulator.Jql;

public enum JqlTokenKind { Word, QuotedString, Operator, LeftParen, RightParen, Comma, End }

/// <summary>A token with its 1-based character position, which Jira's error messages quote.</summary>
public sealed record JqlToken(JqlTokenKind Kind, string Text, int Position)
{
    public bool IsWord(string keyword) => Kind == JqlTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Kind == JqlTokenKind.End ? "end of query" : Text;
}
