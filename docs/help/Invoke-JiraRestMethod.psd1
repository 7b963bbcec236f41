@{
    Description = @'
Calls any REST path of the connected instance's site, for what the resources of Get-JiraObject and New-JiraObject do not cover: the platform API (a path such as myself or issue/OPS-1/comment is under the instance's rest/api/3 on Cloud, rest/api/2 on Data Center), and any other API of the site when the path starts with /rest/ (/rest/agile/1.0/board, /rest/servicedeskapi/request). The call goes through the instance's connection: its credentials, retries, timeouts and error records (a refusal is an error naming Jira's message). -Body is JSON text or a hashtable or object sent as JSON; -InFile POSTs a file as multipart/form-data with X-Atlassian-Token: no-check, as Jira's upload endpoints require. The answer comes back as PowerShell objects (an array as its items). With -Paging, a GET is read page after page (page-bean, offset page or bare array) and the items of every page are written; -First, -Skip and -NextPage apply. Methods other than GET send nothing with -WhatIf. Also known as Invoke-JiraMethod.
'@
    Examples    = @(
        @{ Code = 'Invoke-JiraRestMethod myself'; Remarks = 'The connected user, from the platform API.' }
        @{ Code = 'Invoke-JiraRestMethod /rest/agile/1.0/board -Paging | Select-Object id, name, type'; Remarks = 'Every Agile board, page after page.' }
        @{ Code = "Invoke-JiraRestMethod search/jql -Query @{ jql = 'project = OPS'; fields = 'summary' }"; Remarks = 'A JQL search with query parameters.' }
        @{ Code = 'Invoke-JiraRestMethod issue/OPS-1/comment -Method POST -Body @{ body = @{ type = "doc"; version = 1; content = @() } } -WhatIf'; Remarks = 'Shows the POST it would send, and sends nothing.' }
    )
}
