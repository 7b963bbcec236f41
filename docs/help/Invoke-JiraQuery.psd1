@{
    Description = @'
Runs a query and streams the matching records page by page. Give -Object with an OCNQL -Where clause (and -OrderBy, -Fields), a whole statement with -Query ("select <fields|*> from <object> [where ...] [order by ...] [limit n]"), or raw JQL with -Jql.

For incidents the clause becomes JQL (see ConvertTo-JiraJql): exact where JQL can say it, and otherwise narrowed on the server and finished on the client (text LIKE, dates). Every value is sent as a quoted JQL literal, so no input can change the query. For other resources what the endpoint can filter is sent to it (project keys and names, group names, user names with active = true, the worklog feed's start) and the whole clause is evaluated on the client.

OCNQL: = != < <= > >= LIKE (with %) IN (...) NOT IN (...) IS NULL IS NOT NULL, AND OR NOT and parentheses; strings and dates in single quotes ('' for a quote), numbers bare, back-ticks for names with spaces or dots. A condition on an empty field is neither true nor false, as in SQL and JQL.

Incidents are read several requests at once (-ThrottleLimit, default 4), and still come in the query's order: on Jira Cloud the query's ids come 5,000 a page and the issues through issue/bulkfetch, 100 a request; on Data Center the pages after the first are fetched together once the first has given the total. A result that fits in the first page is one request. Fewer requests run at once while Jira answers 429 or says it is near its rate limit, and more again, slowly, once it no longer does.

-First, -Skip and -IncludeTotalCount follow PowerShell's paging conventions; -NextPage continues from where the last read on the instance stopped. A syntax error names its position (ErrorId OcnqlSyntaxError).
'@
    Examples    = @(
        @{ Code = "Invoke-JiraQuery incidents `"status = 'Done' AND labels IN ('backend')`" -OrderBy 'updated desc'"; Remarks = 'Done incidents labelled ops, most recently updated first.' }
        @{ Code = "Invoke-JiraQuery -Query `"select key, summary, status from incidents where summary LIKE '%timeout%' limit 20`""; Remarks = 'Twenty incidents whose summary mentions disk, as plain objects with three properties.' }
        @{ Code = "Invoke-JiraQuery contacts `"active = true AND emailAddress LIKE '%@example.com'`""; Remarks = 'Users filtered on the client.' }
        @{ Code = "Invoke-JiraQuery -Jql 'project = OPS AND resolution IS EMPTY ORDER BY priority DESC' -First 100"; Remarks = 'Raw JQL, first 100 results.' }
    )
}
