#Requires -Version 7.4
<#
    Offboarding across services: a function composed of the module's own cmdlets, so each service's
    part behaves exactly as that cmdlet does (retries, errors, the audit log) and only the
    confirmation is new: one per person, for the whole plan. Nested in TokenAdmin.psd1.
#>

Set-StrictMode -Version Latest

function Split-TokenAdminList {
    <# A CSV cell may list several values: "000300000001; 000300000002" or "a@x.com, b@x.com". #>
    param([AllowNull()] [string[]] $Value)
    @($Value | ForEach-Object { "$_" -split '[;,\s]+' } | Where-Object { $_ })
}

function Get-TokenAdminErrorSummary {
    <# "Hdc AuthTokenNotFound 7fe11e4414a8": the ErrorId and the item, never a message (the records themselves are written as errors). #>
    param([string] $Service, [object] $Record)
    # -ErrorVariable holds a terminating error as the exception that carries its record.
    if ($Record -is [System.Management.Automation.IContainsErrorRecord]) { $Record = $Record.ErrorRecord }
    $errorId = ($Record.FullyQualifiedErrorId -split ',')[0]
    $target = if ($null -ne $Record.TargetObject -and $Record.TargetObject -is [string]) { " $($Record.TargetObject)" } else { '' }
    "$Service $errorId$target"
}

function Invoke-TokenAdminServicePart {
    <#
        One service's part for one person: runs its removal cmdlet unprompted with -PassThru and
        writes the cmdlet's results, also those written before a terminating error. The cmdlet writes
        its own errors (once, as the caller's -ErrorVariable sees them); each is counted in $Errors. A
        terminating error (refused credentials) ends the part; no cmdlet wrote it as an error, so it
        goes into $Records too, to be written.
    #>
    param([string] $Service, [string] $Command, [hashtable] $Parameters,
        [System.Collections.Generic.List[string]] $Errors, [System.Collections.Generic.List[System.Management.Automation.ErrorRecord]] $Records)

    $failed = $null
    try { & $Command @Parameters -Confirm:$false -PassThru -ErrorVariable failed }
    catch { $failed = @($failed) + $_; $Records.Add($_) }
    foreach ($record in @($failed)) { $Errors.Add((Get-TokenAdminErrorSummary -Service $Service -Record $record)) }
}

function Revoke-TokenAdminUserAccess {
    <#
    .SYNOPSIS
        Offboards people across services: revokes their HDC tokens, deletes their SecurID hardware tokens and removes their apstrata tokens, with one confirmation per person and a summary per person.

    .DESCRIPTION
        Takes one row per person, with the columns a CSV of leavers has: Name, HdcUserId,
        SecurIdSerialNumber and ApstrataLogin (an empty cell: nothing on that service; a cell may
        list several serials or logins separated by ';' or ','). It reads every row first and
        lists the HDC tokens of all the rows' users in one listing (a read); then for each person it
        makes the plan, asks once (ConfirmImpact High; -WhatIf
        shows the plan and changes nothing), then runs Remove-AuthToken, Remove-SecurIdHardwareToken
        and Remove-ApstrataToken -UserLogin (one owner batch for the person's logins) with the
        current connections, or the ones given.

        Each failure is written as that cmdlet's own error (same ErrorId) and the next service and
        person go on; a refused credential on one service fails that service's part. The audit
        log (Set-TokenAdminAuditLog) gets each change's line from the cmdlet that made it.

        Writes one TokenAdmin.UserAccessRevocation per person: Name, HdcUserId, HdcTokensRevoked,
        HdcTokensFailed, SecurIdTokensDeleted, SecurIdTokensFailed, ApstrataLoginsCleared,
        ApstrataLoginsFailed (lists joined with ';'), Status (Revoked, PartiallyRevoked, Failed,
        NothingToRevoke) and Errors ('Service ErrorId item', joined with ';'). Every property is
        text or a number, with no secret and no token value: Export-Csv writes it as it is.

    .PARAMETER Name
        The person, as the summary and the confirmation name them.

    .PARAMETER HdcUserId
        The person's HDC user id: every token of that user is revoked. Empty: none.

    .PARAMETER SecurIdSerialNumber
        The serial numbers of the person's SecurID hardware tokens, as printed (quote them). Empty: none.

    .PARAMETER ApstrataLogin
        The person's apstrata logins: every token of each is removed (needs an owner connection). Empty: none.

    .PARAMETER HdcConnection
        The HDC connection to use. Default: the current one (Connect-AuthTokenService).

    .PARAMETER SecurIdConnection
        The SecurID connection to use. Default: the current one (Connect-SecurIdAdmin).

    .PARAMETER ApstrataConnection
        The apstrata owner connection to use. Default: the current one (Connect-Apstrata -Secret).

    .EXAMPLE
        Import-Csv ./leavers.csv | Revoke-TokenAdminUserAccess -WhatIf

        Shows each person's whole plan (which HDC tokens, which SecurID serials, which apstrata logins) and changes nothing.

    .EXAMPLE
        Import-Csv ./leavers.csv | Revoke-TokenAdminUserAccess -Confirm:$false | Export-Csv ./offboarding-report.csv

        Offboards everyone unattended and keeps a report: one row per person, what was revoked and what failed.

    .EXAMPLE
        Revoke-TokenAdminUserAccess -Name 'Dana Reyes' -HdcUserId 5001 -SecurIdSerialNumber '000300000001'

        Asks once for Dana, then revokes her HDC tokens and deletes her SecurID token.

    .OUTPUTS
        TokenAdmin.UserAccessRevocation
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    [OutputType([TokenAdmin.UserAccessRevocation])]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)]
        [ValidateNotNullOrEmpty()]
        [string] $Name,

        # Text, so that an empty CSV cell binds (it means: no HDC user).
        [Parameter(ValueFromPipelineByPropertyName)]
        [AllowNull()]
        [AllowEmptyString()]
        [string] $HdcUserId,

        [Parameter(ValueFromPipelineByPropertyName)]
        [AllowNull()]
        [AllowEmptyCollection()]
        [AllowEmptyString()]
        [string[]] $SecurIdSerialNumber,

        [Parameter(ValueFromPipelineByPropertyName)]
        [AllowNull()]
        [AllowEmptyCollection()]
        [AllowEmptyString()]
        [string[]] $ApstrataLogin,

        [TokenAdmin.HdcConnection] $HdcConnection,

        [TokenAdmin.SecurIdConnection] $SecurIdConnection,

        [TokenAdmin.ApstrataConnection] $ApstrataConnection
    )

    begin {
        $people = [System.Collections.Generic.List[psobject]]::new()
    }

    # Rows are collected, then served in End: the HDC tenant is listed once for everyone, not once per person.
    process {
        $people.Add([pscustomobject]@{ Name = $Name; HdcUserId = $HdcUserId; SecurIdSerialNumber = $SecurIdSerialNumber; ApstrataLogin = $ApstrataLogin })
    }

    end {
        $hdc = if ($HdcConnection) { @{ Connection = $HdcConnection } } else { @{} }
        $securId = if ($SecurIdConnection) { @{ Connection = $SecurIdConnection } } else { @{} }
        $apstrata = if ($ApstrataConnection) { @{ Connection = $ApstrataConnection } } else { @{} }
        $hdcByUser = @{}
        $hdcFailure = $null
        $ids = @(foreach ($person in $people) {
                $id = 0L
                if (-not [string]::IsNullOrWhiteSpace($person.HdcUserId) -and [long]::TryParse($person.HdcUserId.Trim(), [ref] $id) -and $id -gt 0) { $id }
            }) | Select-Object -Unique
        $ids = @($ids)
        if ($ids.Count -gt 0) {
            try {
                foreach ($token in Get-AuthToken -UserId $ids @hdc -ErrorAction Stop) {
                    if (-not $hdcByUser.ContainsKey($token.UserId)) { $hdcByUser[$token.UserId] = [System.Collections.Generic.List[object]]::new() }
                    $hdcByUser[$token.UserId].Add($token)
                }
            }
            catch {
                $hdcFailure = $_
                $PSCmdlet.WriteError($_)
            }
        }

        foreach ($person in $people) {
            $Name = $person.Name
            $HdcUserId = $person.HdcUserId
            $SecurIdSerialNumber = $person.SecurIdSerialNumber
            $ApstrataLogin = $person.ApstrataLogin
            $errors = [System.Collections.Generic.List[string]]::new()
            $records = [System.Collections.Generic.List[System.Management.Automation.ErrorRecord]]::new() # to write: what no cmdlet wrote
            $plan = [System.Collections.Generic.List[string]]::new()
            $serials = @(Split-TokenAdminList -Value $SecurIdSerialNumber)
            $logins = @(Split-TokenAdminList -Value $ApstrataLogin)

            # The plan: the HDC tokens as listed above (a read, also under -WhatIf); the rest is what the row names.
            $userId = $null
            $hdcTokens = @()
            $hdcListed = $true
            if (-not [string]::IsNullOrWhiteSpace($HdcUserId)) {
                $parsed = 0L
                if (-not [long]::TryParse($HdcUserId.Trim(), [ref] $parsed) -or $parsed -le 0) {
                    $hdcListed = $false
                    $errors.Add("Hdc InvalidArgument $HdcUserId")
                    $records.Add([System.Management.Automation.ErrorRecord]::new(
                            [System.ArgumentException]::new("HdcUserId '$HdcUserId' of $Name is not an HDC user id (a positive whole number); nothing was done on HDC for $Name."),
                            'InvalidArgument', [System.Management.Automation.ErrorCategory]::InvalidArgument, $HdcUserId))
                }
                else {
                    $userId = $parsed
                    if ($null -eq $hdcFailure) {
                        $hdcTokens = @(if ($hdcByUser.ContainsKey($userId)) { $hdcByUser[$userId] })
                        $plan.Add("HDC user ${userId}: " + $(if ($hdcTokens.Count -eq 0) { 'no tokens' } else { "revoke $($hdcTokens.Count) token(s) $(@($hdcTokens | ForEach-Object { $_.Fingerprint }) -join ', ')" }))
                    }
                    else {
                        $hdcListed = $false
                        $errors.Add((Get-TokenAdminErrorSummary -Service 'Hdc' -Record $hdcFailure)) # written once, before the first person
                        $plan.Add("HDC user ${userId}: its tokens could not be listed")
                    }
                }
            }

            if ($serials.Count -gt 0) { $plan.Add("SecurID: delete hardware token(s) $($serials -join ', ')") }
            if ($logins.Count -gt 0) { $plan.Add("apstrata: remove every token of $($logins -join ', ')") }

            $revoked = @()
            $deleted = @()
            $cleared = @()
            $toDo = $hdcTokens.Count + $serials.Count + $logins.Count
            if ($toDo -eq 0) {
                Write-Verbose "Nothing to revoke for ${Name}: $(if ($plan.Count -gt 0) { $plan -join '; ' } else { 'the row names no HDC user, SecurID token or apstrata login' })."
            }
            elseif (-not $PSCmdlet.ShouldProcess($Name, "Revoke access: $($plan -join '; ')")) {
                foreach ($record in $records) { $PSCmdlet.WriteError($record) }
                continue
            }

            if ($WhatIfPreference) {
                foreach ($record in $records) { $PSCmdlet.WriteError($record) }
                continue # -WhatIf: the plan only, no summary
            }

            $part = @{ Errors = $errors; Records = $records }
            if ($hdcTokens.Count -gt 0) {
                $revoked = @(Invoke-TokenAdminServicePart @part -Service 'Hdc' -Command 'Remove-AuthToken' -Parameters (@{ Token = @($hdcTokens | ForEach-Object { $_.Token }); UserId = $userId } + $hdc))
            }

            if ($serials.Count -gt 0) {
                $deleted = @(Invoke-TokenAdminServicePart @part -Service 'SecurId' -Command 'Remove-SecurIdHardwareToken' -Parameters (@{ SerialNumber = $serials } + $securId))
            }

            if ($logins.Count -gt 0) {
                $cleared = @(Invoke-TokenAdminServicePart @part -Service 'Apstrata' -Command 'Remove-ApstrataToken' -Parameters (@{ UserLogin = $logins } + $apstrata))
            }

            # What no cmdlet wrote itself: a listing or argument that failed the plan, a terminating error.
            foreach ($record in $records) { $PSCmdlet.WriteError($record) }

            # In the row's order (the removals complete in any order).
            $deletedSerials = @($serials | Where-Object { $_ -in @($deleted | ForEach-Object { $_.SerialNumber }) })
            $clearedLogins = @($logins | Where-Object { $_ -in @($cleared | ForEach-Object { $_.UserLogin }) })
            $done = $revoked.Count + $deletedSerials.Count + $clearedLogins.Count
            $missed = ($hdcTokens.Count - $revoked.Count) + ($serials.Count - $deletedSerials.Count) + ($logins.Count - $clearedLogins.Count) + $(if ($hdcListed) { 0 } else { 1 })
            $status = if ($missed -eq 0 -and $done -eq 0) { 'NothingToRevoke' } elseif ($missed -eq 0) { 'Revoked' } elseif ($done -gt 0) { 'PartiallyRevoked' } else { 'Failed' }
            [TokenAdmin.UserAccessRevocation]::new($Name, $userId, $revoked.Count, $hdcTokens.Count - $revoked.Count,
                ($deletedSerials -join ';'), (@($serials | Where-Object { $_ -notin $deletedSerials }) -join ';'),
                ($clearedLogins -join ';'), (@($logins | Where-Object { $_ -notin $clearedLogins }) -join ';'),
                $status, (@($errors | Select-Object -Unique) -join ';'))
        }
    }
}

Export-ModuleMember -Function 'Revoke-TokenAdminUserAccess'
