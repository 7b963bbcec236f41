using System.Security.Cryptography;
using System.Text;

namespace JiraEmulator.Webhooks;

/// <summary>
/// Admin webhooks with a secret carry X-Hub-Signature: sha256=&lt;hex HMAC-SHA256(secret, raw body)&gt;.
/// Dynamic (OAuth app) webhooks are not HMAC-signed; they carry a Bearer JWT signed with the app's client secret.
/// </summary>
public static class WebhookSigning
{
    public static string HubSignature(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static string Jwt(string clientId, string clientSecret, DateTimeOffset now)
    {
        static string Part(string json) => Base64Url(Encoding.UTF8.GetBytes(json));
        string header = Part("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        long iat = now.ToUnixTimeSeconds();
        string payload = Part($"{{\"iss\":\"{clientId}\",\"aud\":\"{clientId}\",\"iat\":{iat},\"exp\":{iat + 180}}}");
        byte[] signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(clientSecret), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
