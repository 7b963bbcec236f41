using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using JiraConnector.Errors;
using JiraConnector.Internal;

namespace JiraConnector.Bulk.Sources
{
    /// <summary>The rows of a CSV file as CsvHelper reads them, with one repair: a broken row that
    /// ran over several lines (a quote never closed, or closed only by a quote on a later line)
    /// would swallow every line up to that quote, so it is reported as one bad row of its first line
    /// and reading starts again on the line after it. Every line of the file is then either a row
    /// or part of a row reported as broken. Counting and reading both go through here, so the job's
    /// record count and its rows agree.</summary>
    internal sealed class CsvRows : IDisposable
    {
        private readonly Func<long, Stream> _openAt;
        private readonly char _delimiter;
        private CsvReader _reader;
        private CsvMalformedRecord? _malformed;
        private long _baseOffset;
        private long _baseLine;

        /// <summary>Reads the header row of <paramref name="first"/> (the file from its start, left
        /// open when <paramref name="leaveOpen"/>); <paramref name="openAt"/> opens the file again
        /// at a byte offset, to start again after a broken row.</summary>
        public CsvRows(Stream first, bool leaveOpen, Func<long, Stream> openAt, char delimiter)
        {
            _openAt = openAt;
            _delimiter = delimiter;
            _reader = CsvReader.Create(first, Options(hasHeader: true), leaveOpen);
            var headers = _reader.Headers;
            if (headers == null || headers.Count == 0) throw new InvalidDataException("The CSV file is empty: it needs a header row naming the fields.");
            if (_malformed != null) throw new InvalidDataException($"The CSV header row has broken quoting ({_malformed.Value.Reason}).");
            Headers = new string[headers.Count];
            for (var i = 0; i < Headers.Length; i++) Headers[i] = headers[i].Trim().TrimStart('\uFEFF');
            RefuseDuplicates(Headers);
        }

        /// <summary>Two columns of one name would leave one of them silently unused (the last won).</summary>
        private static void RefuseDuplicates(string[] headers)
        {
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < headers.Length; i++)
            {
                if (Upload.ColumnPath.IsIgnored(headers[i])) continue;
                if (seen.TryGetValue(headers[i], out var first))
                {
                    throw new JiraArgumentException(ErrorIds.InvalidArgument.DuplicateColumn,
                        $"The CSV header names the column '{headers[i]}' twice (columns {first + 1} and {i + 1}): keep one, so that it is clear which value to send.", "Path");
                }
                seen.Add(headers[i], i);
            }
        }

        public string[] Headers { get; }

        /// <summary>The row's cells as CsvHelper read them.</summary>
        public string[] Cells { get; private set; } = Array.Empty<string>();

        /// <summary>The line of the file the row starts on (the header is line 1).</summary>
        public long Line { get; private set; }

        /// <summary>What is wrong with the row; null when it is well formed.</summary>
        public string? Problem { get; private set; }

        /// <summary>The next row, its cells in <see cref="Cells"/>.</summary>
        [MethodImpl(JitHints.PerRow)]
        public bool Read() => Read(withCells: true);

        /// <summary>The next row, as <see cref="Read()"/> finds it, without making its cells'
        /// strings: counting needs only where rows start and end.</summary>
        [MethodImpl(JitHints.PerRow)]
        public bool Skip() => Read(withCells: false);

        private bool Read(bool withCells)
        {
            _malformed = null;
            if (!_reader.Read()) return false;
            var fieldCount = _reader.FieldCount;
            if (withCells)
            {
                var cells = new string[fieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = _reader.GetString(i);
                Cells = cells;
            }
            Line = _baseLine + _reader.LineNumber;
            Problem = null;
            if (_malformed is CsvMalformedRecord bad)
            {
                var raw = bad.RawRecord ?? string.Empty;
                var firstBreak = raw.IndexOf('\n');
                if (firstBreak >= 0 && firstBreak < raw.Length - 1)
                {
                    Problem = $"The row is not valid CSV: {Describe(bad.Reason)} (line {Line}). The lines after it are read as rows of their own.";
                    StartAgainAfter(_baseOffset + _reader.ByteOffset + Encoding.UTF8.GetByteCount(raw.Substring(0, firstBreak + 1)));
                }
                else
                {
                    Problem = $"The row is not valid CSV: {Describe(bad.Reason)} (line {Line}).";
                }
            }
            else if (fieldCount != Headers.Length)
            {
                Problem = $"The row has {fieldCount} cells but the header has {Headers.Length} columns (line {Line}).";
            }
            return true;
        }

        public void Dispose() => _reader.Dispose();

        /// <summary>Goes on with the line after the broken row's first: a reader of its own, with no
        /// header, from that byte of the file.</summary>
        private void StartAgainAfter(long offset)
        {
            _reader.Dispose();
            _baseOffset = offset;
            _baseLine = Line;
            _reader = CsvReader.Create(_openAt(offset), Options(hasHeader: false), false);
        }

        private CsvReaderOptions Options(bool hasHeader) => CsvOptions.Reader(_delimiter, hasHeader, record => _malformed ??= record);

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
