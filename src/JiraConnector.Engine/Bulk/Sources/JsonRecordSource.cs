using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace JiraConnector.Bulk.Sources
{
    /// <summary>A JSON array of objects (streamed element by element) or JSON Lines (one object a
    /// line; a line that is not a JSON object becomes a record with a Problem and reading goes on).</summary>
    internal sealed class JsonRecordSource : IRecordSource
    {
        private readonly Func<Stream> _open;
        private readonly bool _lines;

        public JsonRecordSource(Func<Stream> open, bool lines)
        {
            _open = open;
            _lines = lines;
        }

        public IAsyncEnumerable<SourceRecord> ReadAsync(CancellationToken cancellationToken) =>
            _lines ? ReadLinesAsync(cancellationToken) : ReadArrayAsync(cancellationToken);

        public static long Count(Stream stream, bool lines)
        {
            long count = 0;
            if (lines)
            {
                using var reader = new StreamReader(stream, new UTF8Encoding(false), true);
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    if (line.Trim().Length > 0) count++;
                }
                return count;
            }
            return CountArrayAsync(stream).GetAwaiter().GetResult();
        }

        private static async Task<long> CountArrayAsync(Stream stream)
        {
            long count = 0;
            try
            {
                await foreach (var _ in JsonArrayElements(stream, CancellationToken.None).ConfigureAwait(false)) count++;
            }
            catch (JsonException)
            {
                // Counted up to the damage; reading the records reports it.
            }
            return count;
        }

        private async IAsyncEnumerable<SourceRecord> ReadLinesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var stream = _open();
            using var reader = new StreamReader(stream, new UTF8Encoding(false), true);
            long row = 0;
            string? line;
            while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) != null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (line.Trim().Length == 0) continue;
                row++;
                SourceRecord record;
                try
                {
                    using var document = JsonDocument.Parse(line);
                    record = document.RootElement.ValueKind == JsonValueKind.Object
                        ? SourceRecord.FromJson(row, document.RootElement.Clone())
                        : SourceRecord.Broken(row, line, $"Line {row} is JSON but not an object.");
                }
                catch (JsonException ex)
                {
                    record = SourceRecord.Broken(row, line, $"Line {row} is not valid JSON: {ex.Message}");
                }
                yield return record;
            }
        }

        private async IAsyncEnumerable<SourceRecord> ReadArrayAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            using var stream = _open();
            long row = 0;
            await foreach (var element in JsonArrayElements(stream, cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                row++;
                yield return element.ValueKind == JsonValueKind.Object
                    ? SourceRecord.FromJson(row, element)
                    : SourceRecord.Broken(row, element.GetRawText(), $"Element {row} of the array is not an object.");
            }
        }

        /// <summary>The elements of a top-level JSON array, one at a time (System.Text.Json's
        /// streaming deserializer holds one element and a read buffer, however long the array).</summary>
        private static IAsyncEnumerable<JsonElement> JsonArrayElements(Stream stream, CancellationToken cancellationToken) =>
            JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, (JsonSerializerOptions?)null, cancellationToken);
    }
}
