#Requires -Version 7.4
<#
    Offboarding across services: a function composed of the module's own cmdlets, so each service's
    part behaves exactly as that cmdlet does (retries, errors, the audit log) and only the
    confirmation is new: one per person, for the whole plan. Nested in TokenAdmin.psd1.
#>

Set-StrictMode -Version Latest

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
        One service's part for one person: runs its removal cmdlet unprompted with -PassThru (on
        -InputObject piped, when given) and returns the cmdlet's results, also those written before a
        terminating error. The cmdlet writes its own errors (once, as the caller's -ErrorVariable sees
        them); each is added to $Failures as @{ Summary; Target }. A terminating error (refused
        credentials) ends the part; no cmdlet wrote it as an error, so it goes into $Records too, to be written.
    #>
    param([string] $Service, [string] $Command, [hashtable] $Parameters, [object[]] $InputObject,
        [System.Collections.Generic.List[object]] $Failures, [System.Collections.Generic.List[System.Management.Automation.ErrorRecord]] $Records)

    $failed = $null
    try {
        if ($PSBoundParameters.ContainsKey('InputObject')) { $InputObject | & $Command @Parameters -Confirm:$false -PassThru -ErrorVariable failed }
        else { & $Command @Parameters -Confirm:$false -PassThru -ErrorVariable failed }
    }
    catch { $failed = @($failed) + $_; $Records.Add($_) }
    foreach ($record in @($failed)) {
        $inner = if ($record -is [System.Management.Automation.IContainsErrorRecord]) { $record.ErrorRecord } else { $record }
        $Failures.Add([pscustomobject]@{ Summary = (Get-TokenAdminErrorSummary -Service $Service -Record $record); Target = $inner.TargetObject })
    }
}

function Get-TokenAdminRowColumns {
    <# The columns a row came with: a piped CSV row's (or pscustomobject's) own; otherwise the known ones it gave. #>
    param([object] $InputObject, [bool] $FromPipeline, [System.Collections.IDictionary] $Bound)
    $known = [TokenAdmin.Offboarding.OffboardingRow]::Columns
    if ($FromPipeline -and $null -ne $InputObject) {
        if ($InputObject.PSObject.BaseObject -is [System.Management.Automation.PSCustomObject]) { return @($InputObject.PSObject.Properties.Name) }
        return @($InputObject.PSObject.Properties.Name | Where-Object { $_ -in $known })
    }
    @($Bound.Keys | Where-Object { $_ -in $known })
}

function Revoke-TokenAdminUserAccess {
    <#
    .SYNOPSIS
        Offboards people across services: revokes their HDC tokens, deletes their SecurID hardware tokens and removes their apstrata tokens, with one confirmation per person and a summary per person.

    .DESCRIPTION
        Takes one row per person, with the columns a CSV of leavers has: Name, HdcUserId,
        SecurIdSerialNumber, SecurIdUserId and ApstrataLogin (an empty cell: nothing on that service).
        A cell may list several serials or logins separated by ';' (only ';': not ',', not spaces).

        Every row is checked before anything is sent, and a row with any problem is refused whole
        (InvalidOffboardingRow, Status Refused): nothing of that person is sent. Problems are a column
        TokenAdmin does not read (a misspelled header would otherwise be ignored) or none of HdcUserId,
        SecurIdSerialNumber and ApstrataLogin; an empty list element (';;'); an element with a space, a
        ',' or a line break inside ('000300 000002' may be one serial or two, so it is neither); an HDC
        user id that is not a positive whole number; a serial over 36 characters; a login with a space at
        either end, a control character or over 255 characters. With -Path, TokenAdmin reads the CSV file
        itself and also refuses a line with more or fewer cells than the header (Import-Csv drops the
        cells beyond the header without a word).

        Then it lists the HDC tokens of all the rows' users in one listing and looks up every SecurID
        serial (reads, also under -WhatIf), so the plan names whose each token is. A serial is held back
        (SecurIdTokenOwnerMismatch, not deleted) when the row and the token clearly disagree: the row's
        SecurIdUserId is another user than the token's; or, without a SecurIdUserId, the row's tokens are
        assigned to different users, or to the user another row names. -Force deletes them anyway. An
        unassigned token, or a serial that is not found, is shown as such (not found: not deleted).

        A person, user, serial or login named by several rows is acted on once, by the first row; a later
        row reports the same outcome for it. For each person it asks once for the whole plan
        (ConfirmImpact High; -WhatIf shows the plans and changes nothing), then runs Remove-AuthToken,
        Remove-SecurIdHardwareToken (with each token's user, for the audit log) and Remove-ApstrataToken
        -UserLogin (one owner batch for the person's logins) with the current connections, or the ones given.

        Each failure is written as that cmdlet's own error (same ErrorId) and the next service and
        person go on; a refused credential on one service fails that service's part. The audit
        log (Set-TokenAdminAuditLog) gets each change's line from the cmdlet that made it.

        Writes one TokenAdmin.UserAccessRevocation per row: Name, HdcUserId, HdcTokensRevoked,
        HdcTokensFailed, SecurIdTokensDeleted, SecurIdTokensFailed, SecurIdTokenUsers ('serial=user'),
        ApstrataLoginsCleared, ApstrataLoginsFailed (lists joined with ';'), Status (Revoked,
        PartiallyRevoked, Failed, NothingToRevoke, Refused) and Errors ('Service ErrorId item', joined with
        ';'). Every property is text or a number, with no secret and no token value: Export-Csv writes it as it is.

    .PARAMETER Name
        The person, as the summary and the confirmation name them.

    .PARAMETER HdcUserId
        The person's HDC user id: every token of that user is revoked. Empty: none.

    .PARAMETER SecurIdSerialNumber
        The serial numbers of the person's SecurID hardware tokens, as printed (quote them), several separated by ';'. Empty: none.

    .PARAMETER SecurIdUserId
        The person's SecurID user: a serial assigned to another user is not deleted (without -Force). Empty: the serials are checked against each other and the other rows only.

    .PARAMETER ApstrataLogin
        The person's apstrata logins, several separated by ';': every token of each is removed (needs an owner connection). Empty: none.

    .PARAMETER Path
        A CSV file of leavers, read by TokenAdmin itself: like Import-Csv | Revoke-TokenAdminUserAccess, and a line with more or fewer cells than the header is refused.

    .PARAMETER Force
        Deletes SecurID tokens that the look-up shows assigned to another user than the row's (see DESCRIPTION). Confirmation is still asked, as -Confirm says.

    .PARAMETER HdcConnection
        The HDC connection to use. Default: the current one (Connect-AuthTokenService).

    .PARAMETER SecurIdConnection
        The SecurID connection to use. Default: the current one (Connect-SecurIdAdmin).

    .PARAMETER ApstrataConnection
        The apstrata owner connection to use. Default: the current one (Connect-Apstrata -Secret).

    .EXAMPLE
        Revoke-TokenAdminUserAccess -Path ./leavers.csv -WhatIf

        Checks every row, then shows each person's whole plan (which HDC tokens, which SecurID serials and whose they are, which apstrata logins) and changes nothing.

    .EXAMPLE
        Revoke-TokenAdminUserAccess -Path ./leavers.csv -Confirm:$false | Export-Csv ./offboarding-report.csv

        Offboards everyone unattended and keeps a report: one row per person, what was revoked, what failed and what was refused.

    .EXAMPLE
        Revoke-TokenAdminUserAccess -Name 'Dana Reyes' -HdcUserId 5001 -SecurIdSerialNumber '000300000001' -SecurIdUserId dreyes

        Asks once for Dana, then revokes her HDC tokens and deletes her SecurID token, if the look-up shows it assigned to dreyes.

    .OUTPUTS
        TokenAdmin.UserAccessRevocation
    #>
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High', DefaultParameterSetName = 'Row')]
    [OutputType([TokenAdmin.UserAccessRevocation])]
    param(
        # Empty allowed here: an empty Name is refused with the row's other problems, in words.
        [Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName, ParameterSetName = 'Row')]
        [AllowEmptyString()]
        [string] $Name,

        # Text, so that an empty CSV cell binds (it means: no HDC user).
        [Parameter(ValueFromPipelineByPropertyName, ParameterSetName = 'Row')]
        [AllowNull()]
        [AllowEmptyString()]
        [string] $HdcUserId,

        # A number would have lost its leading zeros before it got here: refused, as by Remove-SecurIdHardwareToken.
        [Parameter(ValueFromPipelineByPropertyName, ParameterSetName = 'Row')]
        [AllowNull()]
        [AllowEmptyCollection()]
        [AllowEmptyString()]
        [TokenAdmin.SecurId.SerialNumberAsText()]
        [string[]] $SecurIdSerialNumber,

        [Parameter(ValueFromPipelineByPropertyName, ParameterSetName = 'Row')]
        [AllowNull()]
        [AllowEmptyString()]
        [string] $SecurIdUserId,

        [Parameter(ValueFromPipelineByPropertyName, ParameterSetName = 'Row')]
        [AllowNull()]
        [AllowEmptyCollection()]
        [AllowEmptyString()]
        [string[]] $ApstrataLogin,

        [Parameter(Mandatory, ParameterSetName = 'Path')]
        [ValidateNotNullOrEmpty()]
        [string] $Path,

        [switch] $Force,

        [TokenAdmin.HdcConnection] $HdcConnection,

        [TokenAdmin.SecurIdConnection] $SecurIdConnection,

        [TokenAdmin.ApstrataConnection] $ApstrataConnection
    )

    begin {
        $rows = [System.Collections.Generic.List[TokenAdmin.Offboarding.OffboardingRow]]::new()
    }

    # Rows are collected, then served in End: every row is checked, the HDC tenant listed and the
    # serials looked up once for everyone, before anything is changed.
    process {
        if ($PSCmdlet.ParameterSetName -eq 'Path') {
            try { $rows.AddRange([TokenAdmin.Offboarding.OffboardingCsv]::Read($PSCmdlet.GetUnresolvedProviderPathFromPSPath($Path))) }
            catch [TokenAdmin.TokenAdminException] { $PSCmdlet.ThrowTerminatingError([TokenAdmin.Offboarding.OffboardingErrors]::Unreadable($_.Exception, $Path)) }
            return
        }

        $columns = Get-TokenAdminRowColumns -InputObject $_ -FromPipeline $MyInvocation.ExpectingInput -Bound $PSBoundParameters
        $rows.Add([TokenAdmin.Offboarding.OffboardingRow]::Create($Name, $HdcUserId, $SecurIdSerialNumber, $SecurIdUserId, $ApstrataLogin, [string[]] $columns, $null))
    }

    end {
        $hdc = if ($HdcConnection) { @{ Connection = $HdcConnection } } else { @{} }
        $securId = if ($SecurIdConnection) { @{ Connection = $SecurIdConnection } } else { @{} }
        $apstrata = if ($ApstrataConnection) { @{ Connection = $ApstrataConnection } } else { @{} }
        $valid = @($rows | Where-Object { $_.IsValid })

        # Reads for everyone at once: one HDC listing, one look-up per serial.
        $hdcByUser = @{}
        $hdcFailure = $null
        # Script blocks, not ForEach-Object -MemberName: that one honours -WhatIf and would read nothing.
        $ids = @($valid | ForEach-Object { $_.HdcUserId } | Where-Object { $null -ne $_ } | Select-Object -Unique)
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

        $found = [System.Collections.Generic.Dictionary[string, object]]::new([System.StringComparer]::Ordinal)
        $assignedTo = [System.Collections.Generic.Dictionary[string, string]]::new([System.StringComparer]::Ordinal)
        $lookupErrors = [System.Collections.Generic.Dictionary[string, System.Management.Automation.ErrorRecord]]::new([System.StringComparer]::Ordinal)
        $securIdFailure = $null
        $serials = @($valid | ForEach-Object { $_.SerialNumbers } | Select-Object -Unique)
        if ($serials.Count -gt 0) {
            # The look-up writes its own errors (a serial not found), as they happen; they name the serial.
            $missing = $null
            try {
                foreach ($token in Get-SecurIdHardwareToken -SerialNumber $serials @securId -ErrorVariable missing) {
                    $found[$token.SerialNumber] = $token
                    $assignedTo[$token.SerialNumber] = "$($token.UserId)"
                }
            }
            catch {
                $securIdFailure = $_
                $PSCmdlet.WriteError($_)
            }

            foreach ($record in @($missing)) {
                if ($record -is [System.Management.Automation.ErrorRecord] -and $record.TargetObject -is [string]) { $lookupErrors[$record.TargetObject] = $record }
            }
        }

        # What earlier rows did with an item (an HDC user, a serial, a login), for later rows that name it again.
        $settled = [System.Collections.Generic.Dictionary[string, object]]::new([System.StringComparer]::Ordinal)

        foreach ($row in $rows) {
            if (-not $row.IsValid) {
                $PSCmdlet.WriteError([TokenAdmin.Offboarding.OffboardingErrors]::RowRefused($row))
                if (-not $WhatIfPreference) {
                    [TokenAdmin.UserAccessRevocation]::new($row.Name, $null, 0, 0, '', '', '', '', '', 'Refused', "Input $([TokenAdmin.Offboarding.OffboardingErrors]::InvalidRow)")
                }
                continue
            }

            $errors = [System.Collections.Generic.List[string]]::new()
            $records = [System.Collections.Generic.List[System.Management.Automation.ErrorRecord]]::new() # to write: what no cmdlet wrote
            $plan = [System.Collections.Generic.List[string]]::new()
            $userId = $row.HdcUserId
            $logins = @($row.ApstrataLogins)

            # HDC: the user's tokens as listed above.
            $hdcTokens = @()
            $hdcEarlier = $null
            $hdcMissed = 0
            if ($null -ne $userId) {
                if ($settled.ContainsKey("hdc:$userId")) {
                    $hdcEarlier = $settled["hdc:$userId"]
                    $plan.Add("HDC user ${userId}: with the row of $($hdcEarlier.By)")
                }
                elseif ($null -ne $hdcFailure) {
                    $hdcMissed = 1
                    $errors.Add((Get-TokenAdminErrorSummary -Service 'Hdc' -Record $hdcFailure)) # written once, before the first person
                    $plan.Add("HDC user ${userId}: its tokens could not be listed")
                }
                else {
                    $hdcTokens = @(if ($hdcByUser.ContainsKey($userId)) { $hdcByUser[$userId] })
                    $plan.Add("HDC user ${userId}: " + $(if ($hdcTokens.Count -eq 0) { 'no tokens' } else { "revoke $($hdcTokens.Count) token(s) $(@($hdcTokens | ForEach-Object { $_.Fingerprint }) -join ', ')" }))
                }
            }

            # SecurID: each serial as looked up; held back when the row and the token disagree on whose it is.
            $otherUsers = @($valid | Where-Object { -not [object]::ReferenceEquals($_, $row) } | ForEach-Object { $_.SecurIdUserId } | Where-Object { $_ })
            $held = [TokenAdmin.Offboarding.SecurIdOwnerCheck]::Held($row, $assignedTo, [string[]] $otherUsers)
            $toDelete = [System.Collections.Generic.List[object]]::new()
            $serialFailed = [System.Collections.Generic.List[string]]::new()
            $serialEarlier = [System.Collections.Generic.List[string]]::new()
            $users = [System.Collections.Generic.List[string]]::new()
            $shown = @{ delete = [System.Collections.Generic.List[string]]::new(); keep = [System.Collections.Generic.List[string]]::new(); skip = [System.Collections.Generic.List[string]]::new() }
            foreach ($serial in $row.SerialNumbers) {
                $user = if ($found.ContainsKey($serial)) { if ($assignedTo[$serial]) { $assignedTo[$serial] } else { '(unassigned)' } } elseif ($lookupErrors.ContainsKey($serial)) { '(not found)' } else { '(not looked up)' }
                $users.Add("$serial=$user")
                if ($settled.ContainsKey("serial:$serial")) {
                    $serialEarlier.Add($serial)
                    $shown.skip.Add("$serial (with the row of $($settled["serial:$serial"].By))")
                }
                elseif ($null -ne $securIdFailure) {
                    $serialFailed.Add($serial)
                    $errors.Add((Get-TokenAdminErrorSummary -Service 'SecurId' -Record $securIdFailure))
                    $shown.skip.Add("$serial (could not be looked up)")
                }
                elseif (-not $found.ContainsKey($serial)) {
                    $serialFailed.Add($serial)
                    if ($lookupErrors.ContainsKey($serial)) { $errors.Add((Get-TokenAdminErrorSummary -Service 'SecurId' -Record $lookupErrors[$serial])) } # written by the look-up
                    $shown.skip.Add("$serial (not found)")
                }
                elseif ($held.ContainsKey($serial) -and -not $Force) {
                    $serialFailed.Add($serial)
                    $records.Add([TokenAdmin.Offboarding.OffboardingErrors]::TokenNotDeleted($row.Name, $serial, $held[$serial]))
                    $errors.Add("SecurId $([TokenAdmin.Offboarding.OffboardingErrors]::OwnerMismatch) $serial")
                    $shown.keep.Add("$serial (assigned to $user, not $($row.Name)'s by the row; -Force deletes it)")
                }
                else {
                    $toDelete.Add($found[$serial])
                    $shown.delete.Add("$serial ($(if ($assignedTo[$serial]) { "assigned to $user" } else { 'unassigned' }))")
                }
            }
            $said = @(
                if ($shown.delete.Count) { "delete hardware token(s) $($shown.delete -join ', ')" }
                if ($shown.keep.Count) { "keep $($shown.keep -join ', ')" }
                if ($shown.skip.Count) { "nothing to do for $($shown.skip -join ', ')" })
            if ($said.Count -gt 0) { $plan.Add("SecurID: $($said -join '; ')") }

            $loginsToClear = @($logins | Where-Object { -not $settled.ContainsKey("login:$_") })
            if ($logins.Count -gt 0) {
                $plan.Add("apstrata: remove every token of $(@($logins | ForEach-Object { if ($settled.ContainsKey("login:$_")) { "$_ (with the row of $($settled["login:$_"].By))" } else { $_ } }) -join ', ')")
            }

            $toDo = $hdcTokens.Count + $toDelete.Count + $loginsToClear.Count
            if ($toDo -eq 0) {
                Write-Verbose "Nothing to send for $($row.Name): $(if ($plan.Count -gt 0) { $plan -join '; ' } else { 'the row names no HDC user, SecurID token or apstrata login' })."
            }
            elseif (-not $PSCmdlet.ShouldProcess($row.Name, "Revoke access: $($plan -join '; ')")) {
                foreach ($record in $records) { $PSCmdlet.WriteError($record) }
                continue
            }

            if ($WhatIfPreference) {
                foreach ($record in $records) { $PSCmdlet.WriteError($record) }
                continue # -WhatIf: the plan only, no summary
            }

            $failures = [System.Collections.Generic.List[object]]::new()
            $part = @{ Failures = $failures; Records = $records }
            $revoked = @()
            $deleted = @()
            $cleared = @()
            if ($hdcTokens.Count -gt 0) {
                $revoked = @(Invoke-TokenAdminServicePart @part -Service 'Hdc' -Command 'Remove-AuthToken' -Parameters (@{ Token = @($hdcTokens | ForEach-Object { $_.Token }); UserId = $userId } + $hdc))
            }

            $hdcFailures = @($failures | ForEach-Object { $_.Summary })
            if ($toDelete.Count -gt 0) {
                # Piped, so each deletion carries the token's user (-UserId) into its confirmation text and audit line.
                $deleted = @(Invoke-TokenAdminServicePart @part -Service 'SecurId' -Command 'Remove-SecurIdHardwareToken' -InputObject $toDelete.ToArray() -Parameters $securId)
            }

            if ($loginsToClear.Count -gt 0) {
                $cleared = @(Invoke-TokenAdminServicePart @part -Service 'Apstrata' -Command 'Remove-ApstrataToken' -Parameters (@{ UserLogin = $loginsToClear } + $apstrata))
            }

            foreach ($failure in $failures) { $errors.Add($failure.Summary) }

            # What no cmdlet wrote itself: a look-up or listing that failed the plan, a held token, a terminating error.
            foreach ($record in $records) { $PSCmdlet.WriteError($record) }

            # This row's own outcome of each item, kept for later rows that name it again.
            $deletedNow = @($deleted | ForEach-Object { $_.SerialNumber })
            $clearedNow = @($cleared | ForEach-Object { $_.UserLogin })
            $hdcRevoked = $revoked.Count
            $hdcFailed = $hdcTokens.Count - $revoked.Count + $hdcMissed
            if ($null -ne $userId -and $null -eq $hdcEarlier) {
                $settled["hdc:$userId"] = [pscustomobject]@{ By = $row.Name; Revoked = $hdcRevoked; Failed = $hdcFailed; Errors = @($hdcFailures + $(if ($hdcMissed) { Get-TokenAdminErrorSummary -Service 'Hdc' -Record $hdcFailure })) }
            }
            elseif ($null -ne $hdcEarlier) {
                $hdcRevoked = $hdcEarlier.Revoked
                $hdcFailed = $hdcEarlier.Failed
                foreach ($summary in $hdcEarlier.Errors) { $errors.Add($summary) }
            }

            foreach ($serial in $row.SerialNumbers) {
                $key = "serial:$serial"
                if ($serialEarlier.Contains($serial)) {
                    $earlier = $settled[$key]
                    if (-not $earlier.Done) { $serialFailed.Add($serial); foreach ($summary in $earlier.Errors) { $errors.Add($summary) } }
                    continue
                }
                $done = $serial -in $deletedNow
                if (-not $done -and -not $serialFailed.Contains($serial)) { $serialFailed.Add($serial) }
                $settled[$key] = [pscustomobject]@{ By = $row.Name; Done = $done; Errors = @($errors | Where-Object { $_ -like "SecurId * $serial" }) }
            }

            foreach ($login in $logins) {
                $key = "login:$login"
                if ($login -notin $loginsToClear) {
                    $earlier = $settled[$key]
                    if ($earlier.Done) { $clearedNow += $login } else { foreach ($summary in $earlier.Errors) { $errors.Add($summary) } }
                    continue
                }
                $settled[$key] = [pscustomobject]@{ By = $row.Name; Done = ($login -in $clearedNow); Errors = @($errors | Where-Object { $_ -like "Apstrata * $login" }) }
            }

            # In the row's order (the removals complete in any order).
            $deletedSerials = @($row.SerialNumbers | Where-Object { -not $serialFailed.Contains($_) })
            $failedSerials = @($row.SerialNumbers | Where-Object { $serialFailed.Contains($_) })
            $clearedLogins = @($logins | Where-Object { $_ -in $clearedNow })
            $failedLogins = @($logins | Where-Object { $_ -notin $clearedNow })
            $done = $hdcRevoked + $deletedSerials.Count + $clearedLogins.Count
            $missed = $hdcFailed + $failedSerials.Count + $failedLogins.Count
            $status = if ($missed -eq 0 -and $done -eq 0) { 'NothingToRevoke' } elseif ($missed -eq 0) { 'Revoked' } elseif ($done -gt 0) { 'PartiallyRevoked' } else { 'Failed' }
            [TokenAdmin.UserAccessRevocation]::new($row.Name, $userId, $hdcRevoked, $hdcFailed,
                ($deletedSerials -join ';'), ($failedSerials -join ';'), ($users -join ';'),
                ($clearedLogins -join ';'), ($failedLogins -join ';'),
                $status, (@($errors | Select-Object -Unique) -join ';'))
        }
    }
}

Export-ModuleMember -Function 'Revoke-TokenAdminUserAccess'
