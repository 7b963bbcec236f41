using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CsvHelper;
using JiraConnector.Internal;

namespace JiraConnector.Bulk.Sources
{
    /// <summary>A CSV file read row by row with CsvHelper's reader: UTF-8 with or without BOM, any
    /// one-character delimiter, quoted cells over several lines. A row with the wrong number of
    /// cells or broken quoting comes out as a record with a Problem, and reading goes on.</summary>
    internal sealed class CsvRecordSource : IRecordSource
    {
        private readonly Func<Stream> _open;
        private readonly char _delimiter;
        private readonly bool _unescape;

        public CsvRecordSource(Func<Stream> open, string delimiter, bool unescapeFormulas)
        {
            _open = open;
            _delimiter = delimiter[0];
            _unescape = unescapeFormulas;
        }

        public async IAsyncEnumerable<SourceRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            CsvMalformedRecord? malformed = null;
            var options = Options(_delimiter, record => malformed ??= record);
            using var reader = CsvReader.Create(_open(), options, false);
            var headers = Headers(reader);
            if (malformed != null) throw new InvalidDataException($"The CSV header row has broken quoting ({malformed.Value.Reason}).");
            long row = 0;
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                row++;
                var record = Current(reader, headers, row, malformed);
                malformed = null;
                yield return record;
            }
        }

        [MethodImpl(JitHints.PerRow)]
        private SourceRecord Current(CsvReader reader, string[] headers, long row, CsvMalformedRecord? malformed)
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                var cell = reader.GetString(i);
                cells[i] = _unescape ? CsvCells.Unescape(cell) : cell;
            }
            string? problem = null;
            if (malformed is CsvMalformedRecord bad) problem = $"The row is not valid CSV: {Describe(bad.Reason)} (line {bad.LineNumber}).";
            else if (cells.Length != headers.Length) problem = $"The row has {cells.Length} cells but the header has {headers.Length} columns (line {reader.LineNumber}).";
            return SourceRecord.FromCells(row, headers, cells, problem);
        }

        /// <summary>Counts the data rows (quoted line breaks make counting lines wrong).</summary>
        [MethodImpl(JitHints.PerRow)]
        public static long Count(Stream stream, string delimiter)
        {
            using var reader = CsvReader.Create(stream, Options(delimiter[0], _ => { }), true);
            long rows = 0;
            while (reader.Read()) rows++;
            return rows;
        }

        private static CsvReaderOptions Options(char delimiter, Action<CsvMalformedRecord> malformed) => CsvOptions.Reader(delimiter, malformed);

        private static string[] Headers(CsvReader reader)
        {
            var headers = reader.Headers;
            if (headers == null || headers.Count == 0) throw new InvalidDataException("The CSV file is empty: it needs a header row naming the fields.");
            var copy = new string[headers.Count];
            for (var i = 0; i < copy.Length; i++) copy[i] = headers[i].Trim().TrimStart('\uFEFF');
            return copy;
        }

        private static string Describe(CsvMalformedReason reason)
        {
            switch (reason)
            {
                case CsvMalformedReason.StrayQuote: return "a quote inside an unquoted cell";
                case CsvMalformedReason.TextAfterClosingQuote: return "text after a closing quote";
                case CsvMalformedReason.UnterminatedQuote: return "a quote that is never closed";
                case CsvMalformedReason.LineBreakInQuotes: return "a line break inside quotes";
                case CsvMalformedReason.TrailingEscape: return "an escape character at the end";
                default: return reason.ToString();
            }
        }
    }
}
