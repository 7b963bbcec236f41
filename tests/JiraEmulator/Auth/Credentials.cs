using JiraEmulator.Data;

namespace JiraEmulator.Auth;

/// <summary>
/// The seeded secrets (listed in README.md). Cloud Basic pairs an email with an API token;
/// Data Center Basic pairs a login name with a password; Bearer takes a personal access token.
/// Fixed values, never derived from the seed, so scripts can hard-code them.
/// </summary>
public sealed class Credentials
{
    private readonly Dictionary<string, (string Email, string Token)> apiTokens;
    private readonly Dictionary<string, (string Name, string Password)> passwords;
    private readonly Dictionary<string, string> personalAccessTokens;
    private readonly JiraData data;

    public Credentials(JiraData data)
    {
        this.data = data;
        apiTokens = new(StringComparer.OrdinalIgnoreCase)
        {
            ["admin@example.com"] = ("admin@example.com", "emu-token-admin"),
            ["alice@example.com"] = ("alice@example.com", "emu-token-alice"),
        };
        passwords = new(StringComparer.OrdinalIgnoreCase)
        {
            ["admin"] = ("admin", "admin-password"),
            ["alice"] = ("alice", "alice-password"),
        };
        personalAccessTokens = new(StringComparer.Ordinal)
        {
            ["emu-pat-admin"] = "admin",
            ["emu-pat-alice"] = "alice",
        };
    }

    public User? CheckCloudBasic(string email, string token) =>
        apiTokens.TryGetValue(email, out var entry) && FixedTimeEquals(entry.Token, token) ? data.FindUser(entry.Email) : null;

    public User? CheckDataCenterBasic(string name, string password) =>
        passwords.TryGetValue(name, out var entry) && FixedTimeEquals(entry.Password, password) ? data.FindUser(entry.Name) : null;

    public User? CheckPersonalAccessToken(string token) =>
        personalAccessTokens.TryGetValue(token, out var name) ? data.FindUser(name) : null;

    private static bool FixedTimeEquals(string expected, string actual) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(actual));
}
