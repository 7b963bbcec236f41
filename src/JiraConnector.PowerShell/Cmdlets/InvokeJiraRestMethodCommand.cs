using System;
using System.Collections;
using System.Management.Automation;
using JiraConnector.Adapters;
using JiraConnector.Errors;
using JiraConnector.Http;
using JiraConnector.Resources;

namespace JiraConnector.Cmdlets
{
    /// <summary>Calls any REST path of the instance's site (the platform API, the Agile API, Service
    /// Management...) with the instance's credentials, retries and error records. Jira's JSON answer
    /// comes back as PowerShell objects; -Paging streams the items of every page instead.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "JiraRestMethod", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, SupportsPaging = true)]
    [Alias("Invoke-JiraMethod")]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeJiraRestMethodCommand : JiraReadCmdlet
    {
        /// <summary>The path: under the instance's platform API (myself, issue/OPS-1), or from the
        /// site's root when it starts with /rest/ (/rest/agile/1.0/board), or a full URL of the site.
        /// May carry a query string.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The HTTP method (default GET). Any other than GET asks for confirmation with -Confirm
        /// and sends nothing with -WhatIf.</summary>
        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        /// <summary>The request body: JSON text as is, or a hashtable, object or array sent as JSON.</summary>
        [Parameter]
        public object? Body { get; set; }

        /// <summary>A file to POST as multipart/form-data, as Jira's upload endpoints (attachments) take it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? InFile { get; set; }

        /// <summary>Query parameters, e.g. @{ jql = 'project = OPS'; expand = 'names' }; an array value is sent once per item.</summary>
        [Parameter]
        public Hashtable? Query { get; set; }

        /// <summary>Reads the answer as pages (a page-bean, an offset page or a bare array) and writes
        /// the items of every page; -First, -Skip and -NextPage apply. GET only.</summary>
        [Parameter]
        public SwitchParameter Paging { get; set; }

        protected override void ProcessRecord()
        {
            var instance = ResolveInstance();
            try
            {
                if (Body != null && InFile != null)
                {
                    throw new JiraArgumentException(ErrorIds.InvalidArgument.InvalidRequestBody, "Give -Body or -InFile, not both: a request has one body.", "Body");
                }
                var query = Query == null ? null : PowerShellValues.FieldsOf(Query, new string[0]);
                var call = new RestCall(instance, Method, Path, query);
                if (Paging || NextPage)
                {
                    if (NextPage)
                    {
                        if (HasNextPage(instance, call.CursorKey, Path)) WriteRecords(call.Continue(Range, Trace, CancellationToken)!, Path);
                    }
                    else
                    {
                        WriteRecords(call.Pages(Range, Trace, CancellationToken), Path);
                    }
                    return;
                }
                var request = call.Request(PowerShellValues.ToPlain(Body), InFile == null ? null : ExistingInFile(InFile));
                if (call.Writes && !ShouldProcess($"{call} on {instance.Name}", call.Method.Method)) return;
                var answer = PowerShellValues.FromPlain(Await(call.SendAsync(request, Trace, CancellationToken)));
                if (answer != null) WriteObject(answer, enumerateCollection: true);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, Path));
            }
            catch (JiraApiException ex)
            {
                ThrowJiraError(ex, Path);
            }
        }
    }
}
