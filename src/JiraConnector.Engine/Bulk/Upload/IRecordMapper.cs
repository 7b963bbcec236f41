using JiraConnector.Bulk.Sources;
namespace JiraConnector.Bulk.Upload
{
    /// <summary>Turns a source record into what is sent for it. Throws ArgumentException (with a
    /// message naming the column) for a record that cannot be sent; the job records it as that
    /// row's error and goes on.</summary>
    internal interface IRecordMapper
    {
        RowWork Map(SourceRecord record);
    }
}
