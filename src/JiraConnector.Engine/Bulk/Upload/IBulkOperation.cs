using System.Collections.Generic;
using System.Threading.Tasks;
using JiraConnector.Bulk.Journal;
using JiraConnector.Bulk.Sources;

namespace JiraConnector.Bulk.Upload
{
    /// <summary>What a job does with a batch of mapped records. Returns an outcome for every record
    /// it settled; a record left without one stays "sent" in the journal and is looked up on resume.
    /// Throws JiraApiException only for failures that stop the whole job (401).</summary>
    internal interface IBulkOperation
    {
        IRecordMapper Mapper { get; }

        int BatchSize { get; }

        /// <summary>Work that can be done before a request slot is free (building a create's
        /// body), so that a free slot sends at once. Throws ArgumentException for a bad record.</summary>
        void Prepare(RowWork work);

        /// <summary>Lookups a record needs before it is mapped (users given by e-mail address).
        /// Throws ArgumentException for a bad record.</summary>
        Task LookUpAsync(SourceRecord record);

        Task<List<RowOutcome>> RunAsync(IReadOnlyList<RowWork> batch);
    }
}
