namespace JiraConnector.Http
{
    /// <summary>Receives one line per request (method, URL, status, milliseconds, retries). Called
    /// from worker threads, so implementations queue the text for the pipeline thread.</summary>
    internal interface IJiraTrace
    {
        void Write(string line);
    }
}
