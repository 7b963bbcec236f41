using System.Management.Automation;
using JiraConnector.Bulk;
using JiraConnector.Bulk.Jobs;

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
                foreach (var run in BulkJobRegistry.All) WriteObject(BulkJob.For(run));
                return;
            }
            foreach (var job in SelectedJobs()) WriteObject(job);
        }
    }
}
