#Requires -Version 7.4
<#
    TokenAdmin.Testing: run the TokenAdmin emulator (the tokenadmin-emulator .NET tool) from
    PowerShell tests. Start it on a free 127.0.0.1 port, connect TokenAdmin to its four services
    with the demo accounts, inject faults, read the request journal, reset it between tests, and
    stop it. Independent of TokenAdmin itself: only Connect-TokenAdminEmulator calls its cmdlets.

    One file per concern in Functions/ (finding and running the tool, its control API, secrets)
    and one per service (its demo accounts): a new service adds its own file and its exports.
#>

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# Requests this module sends to a service itself (to read the emulator's state) carry this
# User-Agent, so Get-TokenAdminEmulatorJournal can leave them out by default.
$script:SupportUserAgent = 'TokenAdmin-Testing/' + $MyInvocation.MyCommand.ScriptBlock.Module.Version

foreach ($part in 'DotNet', 'EmulatorCommand', 'EmulatorProcess', 'EmulatorControl', 'Secrets', 'Hdc', 'SecurId', 'PowerClerk', 'Apstrata', 'Connect') {
    . (Join-Path $PSScriptRoot "Functions/$part.ps1")
}
