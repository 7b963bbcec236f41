using System;
using System.IO;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using JiraConnector.Errors;

namespace JiraConnector.Bulk.Journal
{
    /// <summary>The lines of a journal, parsed. Appends are whole lines, so only the last line can be
    /// torn (the process died while writing it) and is skipped; a line that cannot be read anywhere
    /// else means the file was damaged, and guessing around it could send rows twice, so it is an
    /// error.</summary>
    internal static class JournalLines
    {
        /// <summary>Each line that <paramref name="keep"/> accepts (all when null), parsed.</summary>
        public static IEnumerable<JsonDocument> Read(string path, Func<string, bool>? keep = null, Action? tornTail = null)
        {
            // FileShare.ReadWrite: the job may still be appending while errors are read.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, new UTF8Encoding(false));
            long number = 0;
            long? unreadable = null;
            string? text;
            while ((text = reader.ReadLine()) != null)
            {
                number++;
                if (text.Length == 0) continue;
                if (unreadable != null) throw Damaged(path, unreadable.Value);
                if (keep != null && !keep(text)) continue;
                JsonDocument? document = null;
                try
                {
                    document = JsonDocument.Parse(text);
                }
                catch (JsonException)
                {
                    unreadable = number;
                }
                if (document != null) yield return document;
            }
            if (unreadable != null) tornTail?.Invoke();
        }

        /// <summary>The line that takes a torn last line's place: a file cut short (not only a
        /// process dying mid-write) ends torn, and what it lost may have reached Jira, so this
        /// journal stays one whose unaccounted rows are looked up, on every later resume too.</summary>
        public const string TornMark = "{\"e\":\"torn\"}";

        /// <summary>Replaces a torn last line with <see cref="TornMark"/> before new lines are
        /// appended, so that it never ends up in the middle.</summary>
        public static void DropTornTail(string path)
        {
            if (!File.Exists(path)) return;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            var end = stream.Length;
            while (end > 0 && IsLineEnd(ByteAt(stream, end - 1))) end--;
            var start = end;
            while (start > 0 && ByteAt(stream, start - 1) != (byte)'\n') start--;
            if (start == end) return;
            var last = new byte[end - start];
            stream.Position = start;
            var read = 0;
            while (read < last.Length) read += stream.Read(last, read, last.Length - read);
            try
            {
                using var _ = JsonDocument.Parse(last);
            }
            catch (JsonException)
            {
                stream.SetLength(start);
                stream.Position = start;
                var mark = Encoding.UTF8.GetBytes(TornMark + "\n");
                stream.Write(mark, 0, mark.Length);
            }
        }

        private static bool IsLineEnd(int value) => value == '\n' || value == '\r';

        private static int ByteAt(Stream stream, long position)
        {
            stream.Position = position;
            return stream.ReadByte();
        }

        private static JiraOperationException Damaged(string path, long line) =>
            new JiraOperationException(ErrorIds.InvalidData.JournalDamaged,
                $"Line {line} of the journal {path} cannot be read, and lines follow it: the file was damaged. " +
                "Resuming could create rows a second time, so nothing was sent. Restore the journal, or start a new job for the rows not yet in Jira.");
    }
}
