using System.Security.Cryptography;
using System.Text;
using JiraConnector.Events;
using JiraEmulator.Webhooks;

namespace JiraConnector.Tests.Unit.Events;

/// <summary>Our X-Hub-Signature check agrees with the emulator's signer (written apart from ours),
/// and our Elements signature is the connector's sha256=base64 form.</summary>
public sealed class EventSignaturesTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"webhookEvent":"jira:issue_updated"}""");

    [Fact]
    public void A_signature_made_by_the_emulator_checks_out()
    {
        var header = WebhookSigning.HubSignature("s3cret", Body);

        Assert.Equal(header, EventSignatures.Hub(EventSignatures.KeyBytes("s3cret"), Body));
        Assert.Equal(HubCheck.Valid, EventSignatures.CheckHub(header, EventSignatures.KeyBytes("s3cret"), Body));
        Assert.Equal(HubCheck.Valid, EventSignatures.CheckHub(header.ToUpperInvariant().Replace("SHA256=", "sha256="), EventSignatures.KeyBytes("s3cret"), Body));
    }

    [Fact]
    public void Another_secret_another_body_or_no_header_fail()
    {
        var header = WebhookSigning.HubSignature("s3cret", Body);
        var key = EventSignatures.KeyBytes("s3cret");

        Assert.Equal(HubCheck.Mismatch, EventSignatures.CheckHub(header, EventSignatures.KeyBytes("other"), Body));
        Assert.Equal(HubCheck.Mismatch, EventSignatures.CheckHub(header, key, Encoding.UTF8.GetBytes("""{"webhookEvent":"jira:issue_deleted"}""")));
        Assert.Equal(HubCheck.Missing, EventSignatures.CheckHub(null, key, Body));
        Assert.Equal(HubCheck.Malformed, EventSignatures.CheckHub("sha1=" + header.Substring(7), key, Body));
        Assert.Equal(HubCheck.Malformed, EventSignatures.CheckHub("sha256=zz", key, Body));
    }

    [Fact]
    public void The_elements_signature_is_base64_of_the_hmac()
    {
        var expected = "sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("key"), Body));

        Assert.Equal(expected, EventSignatures.Elements(EventSignatures.KeyBytes("key"), Body));
    }
}
