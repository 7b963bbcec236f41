namespace JiraConnector.Json
{
    /// <summary>An object that keeps the Jira JSON it was made from. The module shows that JSON as
    /// the hidden Raw and RawJson members (Raw converted by its adapters, on first use); the engine offers it as plain
    /// values so that no JSON type crosses into the cmdlet assembly.</summary>
    internal interface IJiraJson
    {
        /// <summary>The JSON as <see cref="JsonValue.ToPlain"/> gives it.</summary>
        object? ToPlainValue();

        /// <summary>The JSON text exactly as Jira sent it (the module's hidden RawJson member).</summary>
        string RawText { get; }
    }
}
