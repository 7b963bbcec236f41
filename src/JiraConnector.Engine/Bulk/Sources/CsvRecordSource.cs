using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using JiraConnector.Internal;

namespace JiraConnector.Bulk.Sources
{
    /// <summary>A CSV file read row by row (<see cref="CsvRows"/>, over CsvHelper's reader): UTF-8
    /// with or without BOM, any one-character delimiter, quoted cells over several lines. A row with
    /// the wrong number of cells or broken quoting comes out as a record with a Problem, and reading
    /// goes on with the next line.</summary>
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
            using var rows = new CsvRows(_open(), false, OpenAt(_open), _delimiter);
            long row = 0;
            while (rows.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                row++;
                yield return Current(rows, row);
            }
        }

        [MethodImpl(JitHints.PerRow)]
        private SourceRecord Current(CsvRows rows, long row)
        {
            var cells = rows.Cells;
            if (_unescape)
            {
                for (var i = 0; i < cells.Length; i++) cells[i] = CsvCells.Unescape(cells[i]);
            }
            return SourceRecord.FromCells(row, rows.Headers, cells, rows.Problem);
        }

        /// <summary>Counts the data rows as <see cref="ReadAsync"/> gives them (quoted line breaks
        /// make counting lines wrong); <paramref name="stream"/> is read from its start and left open.</summary>
        [MethodImpl(JitHints.PerRow)]
        public static long Count(Stream stream, Func<Stream> open, string delimiter)
        {
            using var rows = new CsvRows(stream, true, OpenAt(open), delimiter[0]);
            long count = 0;
            while (rows.Skip()) count++;
            return count;
        }

        /// <summary>The file again from a byte offset, for reading on after a broken row.</summary>
        private static Func<long, Stream> OpenAt(Func<Stream> open) => offset =>
        {
            var stream = open();
            if (stream.CanSeek)
            {
                stream.Seek(offset, SeekOrigin.Begin);
                return stream;
            }
            var skip = new byte[64 * 1024];
            for (var left = offset; left > 0;)
            {
                var read = stream.Read(skip, 0, (int)Math.Min(skip.Length, left));
                if (read == 0) break;
                left -= read;
            }
            return stream;
        };
    }
}
