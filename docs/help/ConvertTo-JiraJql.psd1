@{
    Description = @'
Shows the JQL that an OCNQL query on incidents becomes, whether it is exact, and the condition the client checks on what Jira returns when it is not (text LIKE and date comparisons are narrowed on the server and finished on the client). Nothing is sent to Jira, except to read the field list once when a custom field is named by its display name.
'@
    Examples    = @(
        @{ Code = "ConvertTo-JiraJql `"status IN ('To Do', 'In Progress') AND assignee IS NULL`""; Remarks = 'Exact: status IN ("To Do", "In Progress") AND assignee IS EMPTY ORDER BY key ASC.' }
        @{ Code = "ConvertTo-JiraJql `"summary LIKE 'Disk full%'`" -OrderBy 'created desc'"; Remarks = 'Narrowed with summary ~ "Disk ful*" (Jira stems words, so a wildcard term keeps only its first three letters); the client checks the exact pattern.' }
    )
}
