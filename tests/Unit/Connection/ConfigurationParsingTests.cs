using System.Collections;
using JiraConnector.Connection;

namespace JiraConnector.Tests.Unit.Connection;

/// <summary>The connector's configuration keys, read from a hashtable or JSON: every key reaches
/// its setting, and every mistake names its key.</summary>
public sealed class ConfigurationParsingTests
{
    private static ConnectorConfiguration FromTable(Hashtable table) => ConnectorConfiguration.Parse(ConfigurationSource.FromHashtable(table));

    private static ConnectorConfiguration FromJson(string json) => ConnectorConfiguration.Parse(ConfigurationSource.FromJson(json, "test.json"));

    private static ConfigurationException Failure(Hashtable table) => Assert.Throws<ConfigurationException>(() => FromTable(table));

    private static Hashtable BasicTable() => new()
    {
        ["username"] = "admin@example.com", ["password"] = "secret-1", ["base.url"] = "https://site.atlassian.net",
    };

    [Fact]
    public void The_basic_keys_are_read()
    {
        var config = FromTable(BasicTable());

        Assert.Equal(JiraAuthType.Basic, config.AuthType);
        Assert.Equal("admin@example.com", config.UserName);
        Assert.Equal("secret-1", config.Password);
        Assert.Equal(new Uri("https://site.atlassian.net/"), config.Url);
    }

    [Fact]
    public void The_older_jira_dot_keys_are_read()
    {
        var config = FromTable(new Hashtable { ["jira.username"] = "u", ["jira.password"] = "p", ["jira.api.url"] = "https://jira.example.com/jira" });

        Assert.Equal(JiraAuthType.Basic, config.AuthType);
        Assert.Equal("u", config.UserName);
        Assert.Equal("p", config.Password);
        Assert.Equal(new Uri("https://jira.example.com/jira/"), config.Url);
    }

    [Fact]
    public void The_oauth_keys_are_read()
    {
        var config = FromTable(new Hashtable
        {
            ["oauth.api.key"] = "client-1", ["oauth.api.secret"] = "client-secret-1", ["site.url"] = "https://site.atlassian.net",
            ["oauth.callback.url"] = "http://127.0.0.1:8123/cb",
        });

        Assert.Equal(JiraAuthType.OAuth2, config.AuthType);
        Assert.Equal("client-1", config.ClientId);
        Assert.Equal("client-secret-1", config.ClientSecret);
        Assert.Equal(new Uri("https://site.atlassian.net/"), config.Url);
        Assert.Equal("http://127.0.0.1:8123/cb", config.CallbackUrl);
    }

    [Fact]
    public void The_event_keys_are_read_and_kept()
    {
        var table = BasicTable();
        table["event.notification.enabled"] = "true";
        table["event.notification.callback.url"] = "https://hooks.example.com/jira";
        table["event.notification.signature.key"] = "sig-key-1";
        table["event.vendor.type"] = "polling";
        table["event.poller.refresh_interval"] = 5;

        var events = FromTable(table).Events;

        Assert.True(events.Enabled);
        Assert.Equal(new Uri("https://hooks.example.com/jira"), events.CallbackUrl);
        Assert.Equal("sig-key-1", events.SignatureKey);
        Assert.True(events.HasSignatureKey);
        Assert.Equal(JiraEventVendorType.Polling, events.VendorType);
        Assert.Equal(TimeSpan.FromMinutes(5), events.PollInterval);
        Assert.DoesNotContain("sig-key-1", events.ToString());
    }

    [Fact]
    public void Without_event_keys_events_are_disabled()
    {
        var events = FromTable(BasicTable()).Events;

        Assert.False(events.Enabled);
        Assert.Null(events.CallbackUrl);
        Assert.Equal(JiraEventVendorType.Webhook, events.VendorType);
        Assert.Equal(TimeSpan.FromMinutes(15), events.PollInterval);
    }

    [Fact]
    public void An_unknown_key_is_named_with_the_nearest_known_one()
    {
        var table = BasicTable();
        table["base.uri"] = "https://x";

        var failure = Failure(table);

        Assert.Equal("InvalidConfigurationKey", failure.ErrorId);
        Assert.Equal("base.uri", failure.Key);
        Assert.Contains("'base.uri'", failure.Message);
        Assert.Contains("Did you mean 'base.url'?", failure.Message);
    }

    [Theory]
    [InlineData("username")]
    [InlineData("password")]
    [InlineData("base.url")]
    public void A_missing_basic_key_is_named(string missing)
    {
        var table = BasicTable();
        table.Remove(missing);

        var failure = Failure(table);

        Assert.Equal("MissingConfigurationKey", failure.ErrorId);
        Assert.Equal(missing, failure.Key);
        Assert.Contains($"'{missing}'", failure.Message);
    }

    [Theory]
    [InlineData("oauth.api.key")]
    [InlineData("oauth.api.secret")]
    [InlineData("site.url")]
    public void A_missing_oauth_key_is_named(string missing)
    {
        var table = new Hashtable { ["oauth.api.key"] = "c", ["oauth.api.secret"] = "s", ["site.url"] = "https://site.atlassian.net" };
        table.Remove(missing);

        var failure = Failure(table);

        Assert.Equal("MissingConfigurationKey", failure.ErrorId);
        Assert.Equal(missing, failure.Key);
    }

    [Fact]
    public void No_credentials_at_all_is_a_missing_key()
    {
        var failure = Failure(new Hashtable { ["oauth.callback.url"] = "" });

        Assert.Equal("MissingConfigurationKey", failure.ErrorId);
        Assert.Contains("username, password and base.url", failure.Message);
    }

    [Fact]
    public void Basic_and_oauth_keys_together_conflict()
    {
        var table = BasicTable();
        table["oauth.api.key"] = "c";

        Assert.Equal("ConflictingConfigurationKeys", Failure(table).ErrorId);
    }

    [Fact]
    public void Both_spellings_with_different_values_conflict()
    {
        var table = BasicTable();
        table["jira.username"] = "someone-else";

        var failure = Failure(table);

        Assert.Equal("ConflictingConfigurationKeys", failure.ErrorId);
        Assert.Equal("jira.username", failure.Key);
    }

    [Theory]
    [InlineData("event.notification.enabled", "yes")]
    [InlineData("event.notification.callback.url", "not a url")]
    [InlineData("event.vendor.type", "carrier-pigeon")]
    [InlineData("event.poller.refresh_interval", "0")]
    [InlineData("event.poller.refresh_interval", "soon")]
    [InlineData("base.url", "ftp://jira.example.com")]
    public void A_bad_value_is_named(string key, string value)
    {
        var table = BasicTable();
        table[key] = value;

        var failure = Failure(table);

        Assert.Equal("InvalidConfigurationValue", failure.ErrorId);
        Assert.Equal(key, failure.Key);
    }

    [Fact]
    public void Enabled_events_need_a_callback_url()
    {
        var table = BasicTable();
        table["event.notification.enabled"] = true;

        var failure = Failure(table);

        Assert.Equal("MissingConfigurationKey", failure.ErrorId);
        Assert.Equal("event.notification.callback.url", failure.Key);
    }

    [Fact]
    public void A_placeholder_left_in_is_named_but_a_secret_one_is_not_echoed()
    {
        var table = BasicTable();
        table["password"] = "[myPassword]";

        var failure = Failure(table);

        Assert.Equal("InvalidConfigurationValue", failure.ErrorId);
        Assert.Equal("password", failure.Key);
        Assert.DoesNotContain("[myPassword]", failure.Message);
    }

    [Fact]
    public void The_seed_samples_parse_as_printed_once_filled()
    {
        var basic = FromJson(SeedSamples.Fill(SeedSamples.Basic, new Dictionary<string, string>
        {
            ["[myUsername]"] = "u", ["[myPassword]"] = "p", ["[myServerURL]"] = "https://jira.example.com",
        }));
        var oauth = FromJson(SeedSamples.Fill(SeedSamples.OAuth, new Dictionary<string, string>
        {
            ["[myApiKey]"] = "c", ["[myApiSecret]"] = "s", ["[mySiteURL]"] = "https://site.atlassian.net",
        }));

        Assert.Equal(JiraAuthType.Basic, basic.AuthType);
        Assert.Equal(JiraAuthType.OAuth2, oauth.AuthType);
        Assert.Null(oauth.CallbackUrl);
    }

    [Fact]
    public void The_instance_body_with_element_tags_and_name_is_accepted()
    {
        var config = FromJson("""
            {"element":{"key":"jira"},"name":"ops","tags":["a"],
             "configuration":{"jira.username":"u","jira.password":"p","jira.api.url":"https://jira.example.com",
                              "event.notification.enabled":true,"event.notification.callback.url":"https://hooks.example.com/"}}
            """);

        Assert.Equal("ops", config.Name);
        Assert.True(config.Events.Enabled);
    }

    [Fact]
    public void An_unknown_entry_beside_configuration_is_named()
    {
        var failure = Assert.Throws<ConfigurationException>(() => FromJson("""{"configuration":{"username":"u"},"elements":{}}"""));

        Assert.Equal("InvalidConfigurationKey", failure.ErrorId);
        Assert.Equal("elements", failure.Key);
    }

    [Fact]
    public void Another_connector_is_refused()
    {
        var failure = Assert.Throws<ConfigurationException>(() => FromJson("""{"element":{"key":"zendesk"},"configuration":{"username":"u"}}"""));

        Assert.Equal("InvalidConfigurationValue", failure.ErrorId);
    }

    [Fact]
    public void Broken_json_is_an_invalid_file_with_the_line()
    {
        var failure = Assert.Throws<ConfigurationException>(() => FromJson("{\n \"username\": \"u\",\n \"password\" \"p\"\n}"));

        Assert.Equal("InvalidConfigurationFile", failure.ErrorId);
        Assert.Contains("line 3", failure.Message);
    }
}
