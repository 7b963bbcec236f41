using System.Text.Json;
using JiraEmulator.Data;

namespace JiraEmulator.Rendering;

/// <summary>User JSON: Cloud's shape (accountId, accountType) or Data Center's (name, key).</summary>
public static class UserRenderer
{
    /// <param name="full">The full User (myself, user, user searches) has locale; the UserDetails embedded in issues, comments and pages does not, and its schema allows no extra properties.</param>
    public static void Write(Utf8JsonWriter writer, User user, ApiContext api, bool withGroups = false, bool full = false)
    {
        writer.WriteStartObject();
        WriteIdentity(writer, user, api, accountType: true);
        writer.WriteString("emailAddress", user.EmailAddress);
        WriteAvatarUrls(writer, api, $"user/{user.Index}");
        writer.WriteString("displayName", user.DisplayName);
        writer.WriteBoolean("active", user.Active);
        writer.WriteString("timeZone", user.TimeZone);
        if (full) writer.WriteString("locale", user.Locale);
        if (withGroups)
        {
            writer.WriteStartObject("groups");
            writer.WriteNumber("size", user.Groups.Count);
            writer.WriteStartArray("items");
            foreach (var group in user.Groups)
            {
                writer.WriteStartObject();
                writer.WriteString("name", group);
                writer.WriteString("self", $"{api.ApiRoot}/group?groupname={Uri.EscapeDataString(group)}");
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>The short UserBean (no email, account type or time zone) that share permissions and boards name users by.</summary>
    public static void WriteBean(Utf8JsonWriter writer, User user, ApiContext api)
    {
        writer.WriteStartObject();
        WriteIdentity(writer, user, api, accountType: false);
        WriteAvatarUrls(writer, api, $"user/{user.Index}");
        writer.WriteString("displayName", user.DisplayName);
        writer.WriteBoolean("active", user.Active);
        writer.WriteEndObject();
    }

    /// <summary>self and the ids: Cloud's accountId (and accountType), Data Center's name and key.</summary>
    private static void WriteIdentity(Utf8JsonWriter writer, User user, ApiContext api, bool accountType)
    {
        if (api.IsCloud)
        {
            writer.WriteString("self", $"{api.ApiRoot}/user?accountId={Uri.EscapeDataString(user.AccountId)}");
            writer.WriteString("accountId", user.AccountId);
            if (accountType) writer.WriteString("accountType", user.AccountType);
        }
        else
        {
            writer.WriteString("self", $"{api.ApiRoot}/user?username={Uri.EscapeDataString(user.Name)}");
            writer.WriteString("name", user.Name);
            writer.WriteString("key", user.Key);
        }
    }

    public static void WriteOrNull(Utf8JsonWriter writer, string name, User? user, ApiContext api)
    {
        writer.WritePropertyName(name);
        if (user is null) writer.WriteNullValue();
        else Write(writer, user, api);
    }

    public static void WriteAvatarUrls(Utf8JsonWriter writer, ApiContext api, string path)
    {
        writer.WriteStartObject("avatarUrls");
        foreach (var size in (ReadOnlySpan<string>)["48x48", "24x24", "16x16", "32x32"])
            writer.WriteString(size, $"{api.SiteUrl}/secure/useravatar?size={size}&avatar={path}");
        writer.WriteEndObject();
    }
}
