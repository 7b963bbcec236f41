using System.Security.Cryptography;
using System.Text;
using JiraEmulator.Http;

namespace JiraEmulator.Search;

/// <summary>
/// The opaque nextPageToken of /search/jql: the offset plus a hash of the JQL it belongs to, so a
/// token replayed with a different query is refused, as Jira refuses it.
/// </summary>
public static class PageToken
{
    public const string Invalid = "The provided next page token is invalid or expired.";

    public static string Encode(string jql, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"v1:{Hash(jql)}:{offset}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static int Decode(string token, string jql)
    {
        string text;
        try
        {
            string base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            throw JiraErrorException.BadRequest(Invalid);
        }
        string[] parts = text.Split(':');
        if (parts.Length != 3 || parts[0] != "v1" || parts[1] != Hash(jql) || !int.TryParse(parts[2], out int offset) || offset < 0)
            throw JiraErrorException.BadRequest(Invalid);
        return offset;
    }

    private static string Hash(string jql) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(jql.Trim())), 0, 8);
}
