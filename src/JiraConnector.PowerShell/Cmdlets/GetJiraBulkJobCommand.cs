using System.Management.Automation;
using JiraConnector.Bulk;

namespace JiraConnector.Cmdlets
{
    /// <summary>Shows bulk jobs: their status, counts, times, object, action and file. Without
    /// parameters, every job this process started or resumed; with -Id, also jobs of other processes from their journal.</summary>
    [Cmdlet(VerbsCommon.Get, "JiraBulkJob", DefaultParameterSetName = IdSet)]
    [OutputType(typeof(BulkJob))]
    public sealed class GetJiraBulkJobCommand : BulkJobCmdlet
    {
        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet && (Id == null || Id.Length == 0))
            {
                foreach (var job in BulkJobRegistry.All) WriteObject(job);
                return;
            }
            foreach (var job in SelectedJobs()) WriteObject(job);
        }
    }
}
