using System.Security.Cryptography;
using System.Text;
using JiraEmulator.Webhooks;
using JiraConnector.Http;

namespace JiraConnector.Tests.Unit.Http;

/// <summary>Our X-Hub-Signature check agrees with the emulator's signer (written apart from ours),
/// and our Elements signature is the connector's sha256=base64 form.</summary>
public sealed class WebhookSignatureHubTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"webhookEvent":"jira:issue_updated"}""");

    [Fact]
    public void A_signature_made_by_the_emulator_checks_out()
    {
        var header = WebhookSigning.HubSignature("s3cret", Body);

        Assert.Equal(header, WebhookSignature.Hub(WebhookSignature.KeyBytes("s3cret"), Body));
        Assert.Equal(HubCheck.Valid, WebhookSignature.CheckHub(header, WebhookSignature.KeyBytes("s3cret"), Body));
        Assert.Equal(HubCheck.Valid, WebhookSignature.CheckHub(header.ToUpperInvariant().Replace("SHA256=", "sha256="), WebhookSignature.KeyBytes("s3cret"), Body));
    }

    [Fact]
    public void Another_secret_another_body_or_no_header_fail()
    {
        var header = WebhookSigning.HubSignature("s3cret", Body);
        var key = WebhookSignature.KeyBytes("s3cret");

        Assert.Equal(HubCheck.Mismatch, WebhookSignature.CheckHub(header, WebhookSignature.KeyBytes("other"), Body));
        Assert.Equal(HubCheck.Mismatch, WebhookSignature.CheckHub(header, key, Encoding.UTF8.GetBytes("""{"webhookEvent":"jira:issue_deleted"}""")));
        Assert.Equal(HubCheck.Missing, WebhookSignature.CheckHub(null, key, Body));
        Assert.Equal(HubCheck.Malformed, WebhookSignature.CheckHub("sha1=" + header.Substring(7), key, Body));
        Assert.Equal(HubCheck.Malformed, WebhookSignature.CheckHub("sha256=zz", key, Body));
    }

    [Fact]
    public void The_elements_signature_is_base64_of_the_hmac()
    {
        var expected = "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("key"), Body));

        Assert.Equal(expected, WebhookSignature.Sign("key", Body));
    }
}
