using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using JiraConnector.Internal;
using JiraConnector.Bulk.Sources;

namespace JiraConnector.Bulk.Upload
{
    /// <summary>The mapper of incident creates: a CSV row whose header has a plan is written into
    /// its issueUpdates element at once (the hot path of a bulk upload); any other record (JSON, a
    /// broken row, a header without a plan) goes through the field map and gets its element in
    /// IncidentOperation.Prepare.</summary>
    internal sealed class CsvCreateMapper : IRecordMapper
    {
        private static readonly IDictionary<string, object?> NoFields = new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>());

        private readonly IncidentRecordMapper _fieldMap;
        private readonly IncidentCreator _creator;
        private readonly JiraInstance _instance;
        private IReadOnlyList<string>? _headers;
        private CsvCreatePlan? _plan;

        public CsvCreateMapper(IncidentRecordMapper fieldMap, IncidentCreator creator, JiraInstance instance)
        {
            _fieldMap = fieldMap;
            _creator = creator;
            _instance = instance;
        }

        [MethodImpl(JitHints.PerRow)]
        public RowWork Map(SourceRecord record)
        {
            if (record.Problem != null || record.Cells == null || record.Headers == null || PlanFor(record.Headers) is not CsvCreatePlan plan)
            {
                return _fieldMap.Map(record);
            }
            return new RowWork(record, NoFields, null, null) { Element = _creator.ElementFor(plan, record) };
        }

        private CsvCreatePlan? PlanFor(IReadOnlyList<string> headers)
        {
            if (!ReferenceEquals(headers, _headers))
            {
                _plan = CsvCreatePlan.For(_fieldMap.ColumnsFor(headers), _instance);
                _headers = headers;
            }
            return _plan;
        }
    }
}
