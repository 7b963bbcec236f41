using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using JiraConnector.Connection.OAuth;
using JiraConnector.Json;

namespace JiraConnector.Events.Relay
{
    /// <summary>The notifications that wait to reach one callback URL, on disk: one file each, named
    /// by the time it was queued, so the folder's name order is the order they are sent in, by any
    /// process. A notification is written (to a temporary file, then renamed) before it is first
    /// sent and deleted once the receiver took it, so one that a process could not send, or that
    /// was cut off with its process, is sent by the next relay. The folder is the user's own
    /// (owner-only, as the bodies carry Jira's data); no secret is written: the signature is made
    /// when a notification is sent, with the key the instance has then.</summary>
    internal sealed class RelayQueue
    {
        /// <summary>The variable that moves every relay queue elsewhere (a test's own folder).</summary>
        public const string RootVariable = "JIRACONNECTOR_RELAY_HOME";

        private const string Extension = ".notification";
        private const string AttemptsExtension = ".attempts";
        private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);
        private static int _sequence;

        private RelayQueue(string folder)
        {
            Folder = folder;
        }

        /// <summary>The folder of this callback URL's queue.</summary>
        public string Folder { get; }

        /// <summary>$env:JIRACONNECTOR_RELAY_HOME if set, else the user's data folder:
        /// ~/.local/share/JiraConnector/relay on Linux, %LOCALAPPDATA%\JiraConnector\relay on Windows.</summary>
        public static string DefaultRoot
        {
            get
            {
                var chosen = Environment.GetEnvironmentVariable(RootVariable);
                if (!string.IsNullOrWhiteSpace(chosen)) return chosen!;
                var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
                if (string.IsNullOrEmpty(data)) data = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
                return Path.Combine(data, "JiraConnector", "relay");
            }
        }

        /// <summary>The queue of one callback URL. The folder is named by a hash of the URL: a URL may
        /// carry a token in its query, and a file name is not the place for it.</summary>
        public static RelayQueue For(Uri callbackUrl)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(callbackUrl.AbsoluteUri));
            var name = string.Concat(hash.Take(8).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
            return new RelayQueue(Path.Combine(DefaultRoot, name));
        }

        /// <summary>Every queue under <see cref="DefaultRoot"/> (Get-JiraEventRelay without -Instance).</summary>
        public static IEnumerable<RelayQueue> All() =>
            Directory.Exists(DefaultRoot) ? Directory.GetDirectories(DefaultRoot).OrderBy(d => d, StringComparer.Ordinal).Select(d => new RelayQueue(d)) : Enumerable.Empty<RelayQueue>();

        /// <summary>Queues a notification behind every one queued before it.</summary>
        public QueuedNotification Enqueue(byte[] body, string deliveryId, string instanceName, string shownUrl, int events)
        {
            EnsureFolder();
            // Ticks order the files; the counter keeps two queued in one tick in their order.
            var stamp = DateTime.UtcNow.Ticks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture)
                + "-" + (Interlocked.Increment(ref _sequence) & 0xFFFF).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            var path = Path.Combine(Folder, stamp + "-" + deliveryId + Extension);
            var fields = new Dictionary<string, object?>
            {
                ["id"] = deliveryId,
                ["instance"] = instanceName,
                ["url"] = shownUrl,
                ["events"] = (long)events,
                ["queued"] = DateTimeOffset.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                // The exact bytes: the signature is made over them.
                ["body"] = Convert.ToBase64String(body),
            };
            WriteAtomically(path, fields);
            return Read(path)!;
        }

        /// <summary>What waits, oldest first. A file that cannot be read (cut off, or being renamed in)
        /// is skipped this time, not deleted.</summary>
        public IReadOnlyList<QueuedNotification> Pending()
        {
            if (!Directory.Exists(Folder)) return new QueuedNotification[0];
            return Directory.GetFiles(Folder, "*" + Extension).OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
                .Select(Read).Where(n => n != null).Cast<QueuedNotification>().ToList();
        }

        public void Remove(QueuedNotification notification)
        {
            File.Delete(notification.Path);
            File.Delete(notification.Path + AttemptsExtension);
        }

        /// <summary>Records a failed attempt: how many so far, when the next may be made, and why.</summary>
        public void RecordFailure(QueuedNotification notification, DateTimeOffset nextAttempt, string error)
        {
            WriteAtomically(notification.Path + AttemptsExtension, new Dictionary<string, object?>
            {
                ["attempts"] = (long)(notification.Attempts + 1),
                ["nextAttempt"] = nextAttempt.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                ["lastError"] = error,
            });
        }

        /// <summary>Holds the right to send this queue, so two processes never send the same
        /// notification at once; null when another process kept it for the whole wait. The kernel
        /// lets go of the lock when its process dies, however it dies.</summary>
        public IDisposable? TryLock()
        {
            EnsureFolder();
            var path = Path.Combine(Folder, "sending.lock");
            var deadline = DateTime.UtcNow + LockWait;
            while (true)
            {
                try
                {
                    var held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    OwnerOnlyFiles.RestrictFile(path);
                    return held;
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(50);
                }
                catch (IOException)
                {
                    return null;
                }
            }
        }

        private void EnsureFolder()
        {
            OwnerOnlyFiles.CreateFolder(Path.GetDirectoryName(Folder)!);
            OwnerOnlyFiles.CreateFolder(Folder);
        }

        private static void WriteAtomically(string path, Dictionary<string, object?> fields) =>
            OwnerOnlyFiles.WriteAtomically(path, PlainJson.ToText(fields));

        private static QueuedNotification? Read(string path)
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(path));
                var root = document.RootElement;
                var attempts = 0;
                DateTimeOffset? nextAttempt = null;
                string? lastError = null;
                if (File.Exists(path + AttemptsExtension))
                {
                    using var status = JsonDocument.Parse(File.ReadAllBytes(path + AttemptsExtension));
                    attempts = (int)(JsonRead.Int64(status.RootElement, "attempts") ?? 0);
                    nextAttempt = JsonRead.Date(status.RootElement, "nextAttempt");
                    lastError = JsonRead.String(status.RootElement, "lastError");
                }
                return new QueuedNotification(path, JsonRead.String(root, "id") ?? string.Empty, JsonRead.String(root, "instance") ?? string.Empty,
                    JsonRead.String(root, "url") ?? string.Empty, (int)(JsonRead.Int64(root, "events") ?? 0),
                    JsonRead.Date(root, "queued") ?? DateTimeOffset.MinValue, Convert.FromBase64String(JsonRead.String(root, "body") ?? string.Empty),
                    attempts, nextAttempt, lastError);
            }
            catch (Exception ex) when (ex is IOException || ex is JsonException || ex is FormatException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
