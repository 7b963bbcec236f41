namespace JiraConnector.Errors
{
    /// <summary>A failure that knows its ErrorId (one of <see cref="ErrorIds"/>), given where it was raised.</summary>
    internal interface IJiraError
    {
        string ErrorId { get; }
    }
}
