using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using JiraConnector.Internal;

namespace JiraConnector.Json
{
    /// <summary>Writes plain .NET values (dictionaries, lists, strings, numbers, dates, enums) as
    /// JSON, the way ConvertTo-Json would but without its depth limit. What PowerShell passes in
    /// (PSObjects, switches) is turned into these values by the module before it gets here.</summary>
    internal static class PlainJson
    {
        /// <summary>A plain value (dictionaries, lists, strings, numbers) as JSON text.</summary>
        public static string ToText(object? value, bool indented = false)
        {
            using var buffer = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented })) Write(writer, value);
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        [MethodImpl(JitHints.PerRow)]
        public static void Write(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    return;
                case string text:
                    writer.WriteStringValue(text);
                    return;
                case char character:
                    writer.WriteStringValue(character.ToString());
                    return;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    return;
                case DateTime date:
                    writer.WriteStringValue(JiraDate(new DateTimeOffset(date)));
                    return;
                case DateTimeOffset date:
                    writer.WriteStringValue(JiraDate(date));
                    return;
                case JsonElement element:
                    element.WriteTo(writer);
                    return;
                case IDictionary<string, object?> fields:
                    // What bulk jobs and -Fields hashtables turned into field maps pass: no boxing.
                    writer.WriteStartObject();
                    foreach (var pair in fields)
                    {
                        writer.WritePropertyName(pair.Key);
                        Write(writer, pair.Value);
                    }
                    writer.WriteEndObject();
                    return;
                case IDictionary map:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in map)
                    {
                        writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!);
                        Write(writer, entry.Value);
                    }
                    writer.WriteEndObject();
                    return;
                case IEnumerable items:
                    writer.WriteStartArray();
                    foreach (var item in items) Write(writer, item);
                    writer.WriteEndArray();
                    return;
                case Enum choice:
                    writer.WriteStringValue(choice.ToString());
                    return;
                case IConvertible number when IsNumber(number):
                    writer.WriteRawValue(Convert.ToString(number, CultureInfo.InvariantCulture)!);
                    return;
                default:
                    writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                    return;
            }
        }

        /// <summary>Jira's timestamp format: 2024-01-01T08:00:00.000+0000.</summary>
        public static string JiraDate(DateTimeOffset date) =>
            date.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + date.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", string.Empty);

        private static bool IsNumber(IConvertible value)
        {
            switch (value.GetTypeCode())
            {
                case TypeCode.Byte: case TypeCode.SByte: case TypeCode.Int16: case TypeCode.UInt16: case TypeCode.Int32:
                case TypeCode.UInt32: case TypeCode.Int64: case TypeCode.UInt64: case TypeCode.Single: case TypeCode.Double:
                case TypeCode.Decimal:
                    return true;
                default:
                    return false;
            }
        }
    }
}
