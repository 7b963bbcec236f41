using System;
using System.Text.Json;
using JiraConnector.Paging;

namespace JiraConnector.Resources
{
    /// <summary>One normalized resource: how to page through it on a given instance and how to
    /// shape each JSON item into a typed record.</summary>
    internal sealed class ResourceDefinition
    {
        public ResourceDefinition(string name, string jiraPath, Func<JiraInstance, ReadOptions, PagingStyle> paging,
            Func<JsonElement, string, JiraRecord> shape)
        {
            Name = name;
            JiraPath = jiraPath;
            Paging = paging;
            Shape = shape;
        }

        /// <summary>The connector's name, e.g. "incidents".</summary>
        public string Name { get; }

        /// <summary>The Jira REST path it maps to, for Get-JiraObjectType and error text.</summary>
        public string JiraPath { get; }

        public Func<JiraInstance, ReadOptions, PagingStyle> Paging { get; }

        public Func<JsonElement, string, JiraRecord> Shape { get; }
    }
}
