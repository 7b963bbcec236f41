using System;
using System.Collections.Generic;
using System.Text.Json;
using JiraConnector.Http;
using JiraConnector.Paging;

namespace JiraConnector.Resources
{
    /// <summary>One normalized resource: how to page through it on a given instance, how to read,
    /// create, change and delete one record (null where Jira does not allow it), and how to shape
    /// each JSON item into a typed record.</summary>
    internal sealed class ResourceDefinition
    {
        public ResourceDefinition(string name, string jiraPath, Func<JiraInstance, ReadOptions, PagingStyle> paging,
            Func<JsonElement, RecordContext, JiraRecord> shaper)
        {
            Name = name;
            JiraPath = jiraPath;
            Paging = paging;
            Shaper = shaper;
            Shape = (json, instanceName) => shaper(json, new RecordContext(instanceName, name));
            CursorKey = name;
        }

        /// <summary>The connector's name, e.g. "incidents" or "incidents/{id}/comments".</summary>
        public string Name { get; }

        /// <summary>The Jira REST path it maps to, for Get-JiraObjectType and error text.</summary>
        public string JiraPath { get; }

        public Func<JiraInstance, ReadOptions, PagingStyle> Paging { get; }

        /// <summary>Shapes an item read through the resource's own name (no parent).</summary>
        public Func<JsonElement, string, JiraRecord> Shape { get; }

        public Func<JsonElement, RecordContext, JiraRecord> Shaper { get; }

        /// <summary>What a paged read of it keeps its -NextPage cursor under: the resource as the
        /// user named it (incidents/OPS-1/comments) once bound, else its name.</summary>
        public string CursorKey { get; set; } = string.Empty;

        /// <summary>The .NET type of the records, for Get-JiraObjectType.</summary>
        public Type RecordType { get; set; } = typeof(JiraObject);

        /// <summary>How Get-JiraObjectType describes the paging (token, offset, page-bean, ...).</summary>
        public string PagingName { get; set; } = "none";

        /// <summary>Reads instead of Paging when one page takes more than one request (worklogs).</summary>
        public Func<JiraInstance, ReadOptions, IItemSource>? Source { get; set; }

        /// <summary>GET of one record by id; null when Jira has no such call.</summary>
        public Func<JiraInstance, ReadOptions, string, JiraRequest>? ReadOne { get; set; }

        /// <summary>Create: (instance, options, id or null, JSON body).</summary>
        public Func<JiraInstance, ReadOptions, string?, string, JiraRequest>? Create { get; set; }

        /// <summary>Update: (instance, options, id, JSON body).</summary>
        public Func<JiraInstance, ReadOptions, string, string, JiraRequest>? Update { get; set; }

        public Func<JiraInstance, ReadOptions, string, JiraRequest>? Delete { get; set; }

        /// <summary>Create from a file (New-JiraObject -InFile): (instance, options, file path); null
        /// where Jira takes no files. Its answer is an array of the records made.</summary>
        public Func<JiraInstance, ReadOptions, string, JiraRequest>? Upload { get; set; }

        /// <summary>Whether a create's answer is the record itself (or a reference to it); false where
        /// Jira answers with something else (adding a member answers with the group), so the record is
        /// read back by the id given.</summary>
        public bool AnswersWithRecord { get; set; } = true;

        /// <summary>The body member that names the parent when a record is made under it, filled in
        /// from the path unless -Fields gives it: project for a project's versions and components,
        /// originBoardId for a board's sprints.</summary>
        public string? ParentField { get; set; }

        /// <summary>Picks the record made out of an answer that holds more (adding a filter share
        /// answers with every share of the filter); null where the answer is the record.</summary>
        public Func<JsonElement, JsonElement?>? CreatedInAnswer { get; set; }

        /// <summary>The verbs (POST, PATCH, DELETE) Jira's REST API has no call for, so that a refusal
        /// blames Jira only where the limit is Jira's; for the others the module points to
        /// Invoke-JiraRestMethod.</summary>
        public IReadOnlyCollection<string> JiraRefuses { get; set; } = new string[0];

        /// <summary>Whether records can be made at all, with -Fields or from a file.</summary>
        public bool CanCreate => Create != null || Upload != null;

        /// <summary>How -Fields becomes a request body for Create and Update.</summary>
        public WriteShape WriteShape { get; set; } = WriteShape.AsGiven;

        /// <summary>The record's fields for Get-JiraObjectType (incidents take theirs from GET field).</summary>
        public IReadOnlyList<string> FieldNames { get; set; } = new string[0];

        /// <summary>Fields that Jira itself can filter on (query parameters or JQL).</summary>
        public IReadOnlyList<string> QueryableFields { get; set; } = new string[0];

        /// <summary>Gives the record calls of a resource whose records live at one path of their own
        /// (version, component, filter): POST path, GET, PUT and DELETE path/{id}.</summary>
        public ResourceDefinition WithRecordPath(string path)
        {
            ReadOne ??= (instance, options, id) => Rest.Get(instance, path + "/" + Rest.Segment(id));
            Create = (instance, options, id, body) => Rest.Post(instance, path, body);
            Update = (instance, options, id, body) => Rest.Put(instance, path + "/" + Rest.Segment(id), body);
            Delete = (instance, options, id) => Rest.Delete(instance, path + "/" + Rest.Segment(id));
            return this;
        }

        public bool HasParent => Name.IndexOf('{') >= 0;

        public IReadOnlyList<string> Verbs
        {
            get
            {
                var verbs = new List<string> { "GET" };
                if (CanCreate) verbs.Add("POST");
                if (Update != null) verbs.Add("PATCH");
                if (Delete != null) verbs.Add("DELETE");
                return verbs;
            }
        }
    }
}
