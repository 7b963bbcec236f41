@{
    Description = @'
Removes instances from the session and forgets the credentials they hold. When the default instance is disconnected, the next connected one becomes the default.
'@
    Examples    = @(
        @{ Code = 'Disconnect-JiraInstance -Name onprem'; Remarks = 'Disconnects the instance named onprem.' }
        @{ Code = 'Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false'; Remarks = 'Disconnects every instance without asking.' }
    )
}
