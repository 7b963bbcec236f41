namespace JiraConnector.Bulk
{
    /// <summary>Where a bulk job stands. The names are the connector's own words (its status API
    /// answers "COMPLETED"), so scripts written for it compare the same strings.</summary>
    public enum BulkJobStatus
    {
        /// <summary>Accepted; no record sent yet.</summary>
        CREATED,
        /// <summary>Reading the file and sending records.</summary>
        RUNNING,
        /// <summary>Every record was processed; some may have failed (RecordsFailedCount).</summary>
        COMPLETED,
        /// <summary>Jira refused the job as a whole (credentials, permissions): the rest was not sent.</summary>
        ERROR,
        /// <summary>The module failed (the journal could not be written, the file vanished).</summary>
        ABORTED,
        /// <summary>Stopped by Stop-JiraBulkJob, Stop-Job or Ctrl+C.</summary>
        CANCELLED,
    }

    /// <summary>What an upload does with each record; downloads have their own.</summary>
    public enum BulkAction
    {
        /// <summary>Create every record.</summary>
        Create,
        /// <summary>Change the record named by the identifier column.</summary>
        Update,
        /// <summary>Change the record if the identifier finds one, else create it.</summary>
        Upsert,
        /// <summary>Write the records of a query to a file.</summary>
        Download,
    }
}
