using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace JiraConnector.Connection.OAuth
{
    /// <summary>The per-user store of OAuth refresh tokens, one small JSON file per sign-in (site,
    /// app and authorization server), so a new PowerShell session reconnects without a browser.
    /// Files are readable by their owner only and replaced atomically (write a temporary file, then
    /// rename it over the old one), so a crash never leaves a half-written token.</summary>
    internal sealed class TokenCache
    {
        public const string FolderVariable = "JIRACONNECTOR_TOKEN_CACHE";

        public TokenCache(string folder)
        {
            // A folder others can write in (a shared one given as -TokenCachePath) is not ours to
            // change: the cache lives in an owner-only folder of our own inside it.
            Folder = OwnerOnlyFiles.IsWritableByOthers(folder) ? Path.Combine(folder, "JiraConnector-tokens-" + Environment.UserName) : folder;
        }

        public string Folder { get; }

        /// <summary>$env:JIRACONNECTOR_TOKEN_CACHE, else JiraConnector/tokens in the user's local application data.</summary>
        public static string DefaultFolder()
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(FolderVariable);
            if (!string.IsNullOrEmpty(fromEnvironment)) return fromEnvironment!;
            var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
            if (string.IsNullOrEmpty(root)) root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            return Path.Combine(root, "JiraConnector", "tokens");
        }

        public string PathFor(string key)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(key));
            var name = BitConverter.ToString(hash, 0, 16).Replace("-", string.Empty).ToLowerInvariant();
            return Path.Combine(Folder, name + ".json");
        }

        /// <summary>The cached refresh token of a sign-in, or null when there is none or it is unreadable.</summary>
        public string? ReadRefreshToken(string key)
        {
            var path = PathFor(key);
            if (!File.Exists(path)) return null;
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                var root = document.RootElement;
                // A hash collision or a hand-edited file must not hand one site's token to another.
                if (!root.TryGetProperty("key", out var stored) || stored.GetString() != key) return null;
                return root.TryGetProperty("refreshToken", out var token) ? token.GetString() : null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is JsonException || ex is InvalidOperationException)
            {
                return null;
            }
        }

        public void Save(string key, string refreshToken)
        {
            OwnerOnlyFiles.CreateFolder(Folder);
            var path = PathFor(key);
            OwnerOnlyFiles.WriteAtomically(path, JsonSerializer.Serialize(new { key, refreshToken, savedAt = DateTimeOffset.UtcNow }));
        }

        /// <summary>Removes a sign-in; true if there was one.</summary>
        public bool Delete(string key)
        {
            var path = PathFor(key);
            if (!File.Exists(path)) return false;
            File.Delete(path);
            return true;
        }
    }
}
