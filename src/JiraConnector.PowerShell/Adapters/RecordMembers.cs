using System.Management.Automation;
using System.Runtime.CompilerServices;
using JiraConnector.Json;

namespace JiraConnector.Adapters
{
    /// <summary>The members JiraConnector.types.ps1xml adds to engine objects: Raw (Jira's JSON as
    /// PowerShell objects) and RawJson (its text), both hidden from the default views, and an entity property's Value. Each is converted on first use and kept
    /// with its object, so reading Raw.fields.x and Raw.fields.y converts once.</summary>
    public static class RecordMembers
    {
        private static readonly ConditionalWeakTable<object, Box> Converted = new ConditionalWeakTable<object, Box>();

        /// <summary>CodeProperty Raw of records, events and webhooks.</summary>
        public static object? Raw(PSObject instance) =>
            instance.BaseObject is IJiraJson json ? Keep(json, () => json.ToPlainValue()) : null;

        /// <summary>CodeProperty RawJson of records, events and webhooks: Jira's JSON text as received.</summary>
        public static string? RawJson(PSObject instance) => (instance.BaseObject as IJiraJson)?.RawText;

        /// <summary>CodeProperty Value of JiraConnector.EntityProperty.</summary>
        public static object? EntityPropertyValue(PSObject instance) =>
            instance.BaseObject is EntityProperty property ? PowerShellValues.FromPlain(property.PlainValue) : null;

        private static object? Keep(object owner, System.Func<object?> plain) =>
            Converted.GetValue(owner, _ => new Box(PowerShellValues.FromPlain(plain()))).Value;

        private sealed class Box
        {
            public Box(object? value) { Value = value; }

            public object? Value { get; }
        }
    }
}
