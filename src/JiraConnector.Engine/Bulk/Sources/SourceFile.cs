using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using JiraConnector.Errors;

namespace JiraConnector.Bulk.Sources
{
    /// <summary>The file a job uploads: its format (from the extension), its SHA-256 and its record
    /// count, both from one read. A resume compares the hash with the manifest's, so a file edited
    /// since the start is refused instead of being half applied.</summary>
    internal sealed class SourceFile
    {
        public SourceFile(string path, string format, string delimiter, bool noFormulaEscape)
        {
            Path = path;
            Format = format;
            Delimiter = delimiter;
            NoFormulaEscape = noFormulaEscape;
        }

        public string Path { get; }
        public string Format { get; }
        public string Delimiter { get; }
        public bool NoFormulaEscape { get; }

        public static string FormatOf(string path)
        {
            switch (System.IO.Path.GetExtension(path).ToLowerInvariant())
            {
                case ".csv": case ".tsv": case ".txt": return "csv";
                case ".json": return "json";
                case ".jsonl": case ".ndjson": return "jsonl";
                default:
                    throw new JiraArgumentException(ErrorIds.InvalidArgument.UnsupportedFileType, $"'{System.IO.Path.GetFileName(path)}' is not a file a bulk job reads: use .csv, .json (an array of objects) or .jsonl (one object a line).", "Path");
            }
        }

        /// <summary>The header row of a CSV file; null when the file has none that can be read
        /// (the job itself then reports why).</summary>
        public IReadOnlyList<string>? CsvHeaders()
        {
            try
            {
                using var rows = new CsvRows(Open(), false, _ => Open(), Delimiter[0]);
                return rows.Headers;
            }
            catch (InvalidDataException)
            {
                return null;
            }
        }

        public IRecordSource Records() => Format == "csv"
            ? new CsvRecordSource(Open, Delimiter, !NoFormulaEscape)
            : (IRecordSource)new JsonRecordSource(Open, Format == "jsonl");

        /// <summary>Hashes the file and counts its records in one pass.</summary>
        public (string Sha256, long Records) Inspect()
        {
            var stream = new HashingStream(Open());
            try
            {
                var records = Format == "csv" ? CsvRecordSource.Count(stream, Open, Delimiter) : JsonRecordSource.Count(stream, Format == "jsonl");
                stream.ReadToEnd();
                return (stream.Hash(), records);
            }
            finally
            {
                stream.Release();
            }
        }

        private Stream Open() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);

        /// <summary>Feeds every byte read through it into SHA-256.</summary>
        private sealed class HashingStream : Stream
        {
            private readonly Stream _inner;
            private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

            public HashingStream(Stream inner) => _inner = inner;

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => _inner.Length;
            public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                var read = _inner.Read(buffer, offset, count);
                if (read > 0) _hash.AppendData(buffer, offset, read);
                return read;
            }

            public void ReadToEnd()
            {
                var buffer = new byte[64 * 1024];
                while (Read(buffer, 0, buffer.Length) > 0) { }
            }

            public string Hash() => BitConverter.ToString(_hash.GetHashAndReset()).Replace("-", string.Empty).ToLowerInvariant();

            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            // The counting readers dispose this stream before the hash is read, so Dispose keeps
            // the file and the hash; Release frees them.
            public void Release()
            {
                _inner.Dispose();
                _hash.Dispose();
            }
        }
    }
}
