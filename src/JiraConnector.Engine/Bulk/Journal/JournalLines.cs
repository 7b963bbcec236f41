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
        public static IEnumerable<JsonDocument> Read(string path, Func<string, bool>? keep = null)
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
        }

        /// <summary>Drops a torn last line before new lines are appended, so that it never ends up
        /// in the middle. What it recorded never reached Jira: a line is written before its rows are sent.</summary>
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
