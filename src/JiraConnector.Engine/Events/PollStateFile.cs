using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using JiraConnector.Connection.OAuth;
using JiraConnector.Errors;
using JiraConnector.Json;

namespace JiraConnector.Events
{
    /// <summary>Get-JiraEvent -StatePath: the high-water marks of a scheduled script's runs, one per
    /// instance URL and object, in one JSON file. It is written to a temporary file and renamed over
    /// the old one, so a run killed while saving leaves the previous state whole: the next run asks
    /// again for what that run did not save (it may repeat what it wrote, never miss anything).</summary>
    internal static class PollStateFile
    {
        public static string Key(JiraInstance instance, string objectType) => instance.Url.AbsoluteUri.TrimEnd('/') + "|" + objectType;

        /// <summary>Puts the saved mark (if any) into <paramref name="mark"/>; false when none was saved.</summary>
        public static bool Load(string path, string key, PollMark mark)
        {
            if (!File.Exists(path)) return false;
            if (!(Read(path).TryGetValue(key, out var saved) && saved is IDictionary<string, object?> entry)) return false;
            if (!(entry.TryGetValue("fromTicks", out var ticks) && ticks is long fromTicks)) return false;
            var seen = entry.TryGetValue("seen", out var list) && list is object?[] items ? items.OfType<string>() : Enumerable.Empty<string>();
            mark.Restore(new DateTimeOffset(fromTicks, TimeSpan.Zero), seen);
            return true;
        }

        public static void Save(string path, string key, PollMark mark)
        {
            var (from, seen) = mark.Snapshot();
            if (from == null) return;
            var all = File.Exists(path) ? Read(path) : new Dictionary<string, object?>();
            all[key] = new Dictionary<string, object?> { ["fromTicks"] = from.Value.UtcTicks, ["seen"] = seen };
            OwnerOnlyFiles.WriteAtomically(Path.GetFullPath(path), PlainJson.ToText(all, indented: true));
        }

        private static Dictionary<string, object?> Read(string path)
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(path));
                return JsonValue.ToPlain(document.RootElement) as Dictionary<string, object?>
                    ?? throw new JiraOperationException(ErrorIds.InvalidData.PollStateInvalid, $"-StatePath {path} does not hold a JSON object. Delete it to start from the poll interval ago, or name another file.");
            }
            catch (JsonException ex)
            {
                throw new JiraOperationException(ErrorIds.InvalidData.PollStateInvalid, $"-StatePath {path} is not valid JSON ({ex.Message}). Delete it to start from the poll interval ago, or name another file.");
            }
        }
    }
}
