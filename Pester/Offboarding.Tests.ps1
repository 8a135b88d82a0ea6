#Requires -Version 7.4
<#
    Revoke-TokenAdminUserAccess end to end against the emulator: a CSV of leavers across HDC,
    SecurID and apstrata, -WhatIf showing the whole plan, partial
    failures, and a summary per person that exports to CSV without any secret. One confirmation per
    person, answered by a scripted host: tests/TokenAdmin.Engine.Tests/ShouldProcess.
#>

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'EmulatorSupport.psm1') -Force
    $Emulator = Start-TokenAdminEmulator
    Import-Module -Name (Get-TokenAdminModuleManifest) -Force
    $Csv = Join-Path $TestDrive 'leavers.csv'

    function Initialize-Leaver {
        <# Fresh state: Dana on all three services, Grace's seeded HDC tokens (user 5) and a SecurID serial that does not exist. #>
        Reset-TokenAdminEmulator -Emulator $Emulator
        Connect-TokenAdminEmulator -Emulator $Emulator -Service Hdc, SecurId, Apstrata
        $null = Add-TokenAdminEmulatorData -Emulator $Emulator `
            -HdcToken @{ userId = 5001; userFullName = 'Dana Reyes'; contexts = @('ReadDocuments') }, @{ userId = 5001; contexts = @('UploadDocuments') } `
            -SecurIdToken @{ serialNumber = '000300000001'; assignedTo = 'dreyes' }, @{ serialNumber = '000300000002'; assignedTo = 'dreyes' } `
            -ApstrataToken @{ login = 'dreyes' }, @{ login = 'dreyes' }, @{ login = 'dana.ops' }
        Set-Content -LiteralPath $Csv -Value @(
            'Name,HdcUserId,SecurIdSerialNumber,ApstrataLogin'
            'Dana Reyes,5001,000300000001;000300000002,dreyes;dana.ops'
            'Grace Hopper,5,000999999999,'
            'Nobody Atall,,,'
        )
    }
}

AfterAll { Remove-TokenAdminTestSession -Emulator $Emulator }

Describe 'Revoke-TokenAdminUserAccess' {
    BeforeEach { Initialize-Leaver }

    It '-WhatIf shows every person''s whole plan and changes nothing' {
        $transcript = Join-Path $TestDrive 'whatif.txt'
        $null = Start-Transcript -LiteralPath $transcript -UseMinimalHeader
        try { $output = @(Import-Csv $Csv | Revoke-TokenAdminUserAccess -WhatIf) }
        finally { $null = Stop-Transcript }

        $output | Should -BeNullOrEmpty
        $text = Get-Content -LiteralPath $transcript -Raw
        $dana = @(Get-AuthToken -UserId 5001).Fingerprint
        $text | Should -Match ([regex]::Escape("Revoke access: HDC user 5001: revoke 2 token(s) $($dana -join ', '); SecurID: delete hardware token(s) 000300000001 (assigned to dreyes), 000300000002 (assigned to dreyes); apstrata: remove every token of dreyes, dana.ops"" on target ""Dana Reyes"""))
        $text | Should -Match ([regex]::Escape('SecurID: nothing to do for 000999999999 (not found)" on target "Grace Hopper"'))
        $text | Should -Not -Match 'Nobody Atall' -Because 'nothing to revoke is nothing to confirm'
        Get-TokenAdminEmulatorJournal -Emulator $Emulator -Method POST, PUT, DELETE | Where-Object routeName -NotIn 'apstrata.verifycredentials', 'securid.tokens.lookup' | Should -BeNullOrEmpty
        @(Get-AuthToken -UserId 5001) | Should -HaveCount 2
    }

    It 'revokes everything listed, goes on past a failure, and writes one CSV-clean summary per person' {
        $listingsBefore = @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.list').Count

        $summary = @(Import-Csv $Csv | Revoke-TokenAdminUserAccess -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue)

        @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.list').Count - $listingsBefore | Should -Be 1 -Because 'one listing serves every person'

        $summary | Should -HaveCount 3
        $dana, $grace, $nobody = $summary
        $dana.Status | Should -Be 'Revoked'
        $dana.HdcTokensRevoked | Should -Be 2
        $dana.SecurIdTokensDeleted | Should -Be '000300000001;000300000002'
        $dana.ApstrataLoginsCleared | Should -Be 'dreyes;dana.ops'
        $grace.Status | Should -Be 'PartiallyRevoked'
        $grace.HdcTokensRevoked | Should -Be 2
        $grace.SecurIdTokensFailed | Should -Be '000999999999'
        $grace.Errors | Should -Be 'SecurId SecurIdTokenNotFound 000999999999'
        $nobody.Status | Should -Be 'NothingToRevoke'
        @($failures | ForEach-Object FullyQualifiedErrorId) | Should -Be @('SecurIdTokenNotFound,TokenAdmin.SecurId.GetSecurIdHardwareTokenCommand') -Because 'a serial that is not found is never sent for deletion'
        @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'securid.tokens.delete').Count | Should -Be 2
        $dana.SecurIdTokenUsers | Should -Be '000300000001=dreyes;000300000002=dreyes'
        $grace.SecurIdTokenUsers | Should -Be '000999999999=(not found)'

        Get-AuthToken -UserId 5001, 5 | Should -BeNullOrEmpty
        Get-SecurIdHardwareToken -SerialNumber '000300000001', '000300000002' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $apstrataDeletes = @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'apstrata.deletetoken')
        $apstrataDeletes | Should -HaveCount 1 -Because "one owner batch for Dana's two logins"

        $report = Join-Path $TestDrive 'report.csv'
        $summary | Export-Csv -LiteralPath $report
        $rows = @(Import-Csv -LiteralPath $report)
        @($rows[0].PSObject.Properties.Name) | Should -Be @('Name', 'HdcUserId', 'HdcTokensRevoked', 'HdcTokensFailed', 'SecurIdTokensDeleted', 'SecurIdTokensFailed', 'SecurIdTokenUsers', 'ApstrataLoginsCleared', 'ApstrataLoginsFailed', 'Status', 'Errors')
        $text = Get-Content -LiteralPath $report -Raw
        $text | Should -Not -Match 'System\.' -Because 'every cell is text or a number, not an object'
        Find-TokenAdminEmulatorSecret -Text $text -Secret (Get-TokenAdminEmulatorSecret -Emulator $Emulator) | Should -BeNullOrEmpty
    }

    It 'fails one service''s part when its credentials are refused, and still does the others' {
        Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.delete' -Step @{ status = 401 }

        $summary = Import-Csv $Csv | Select-Object -First 1 | Revoke-TokenAdminUserAccess -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $summary.Status | Should -Be 'PartiallyRevoked'
        # Both removals were in flight when the 401 came: the other one went through, and the summary says so.
        $summary.HdcTokensRevoked | Should -Be 1
        $summary.HdcTokensFailed | Should -Be 1
        @(Get-TokenAdminEmulatorHdcToken -Emulator $Emulator | Where-Object userId -EQ 5001) | Should -HaveCount $summary.HdcTokensFailed
        $summary.SecurIdTokensDeleted | Should -Be '000300000001;000300000002'
        $summary.ApstrataLoginsCleared | Should -Be 'dreyes;dana.ops'
        $summary.Errors | Should -Match '^Hdc AuthenticationFailed'
        @($failures | Where-Object { $_.FullyQualifiedErrorId -like 'AuthenticationFailed,*' }) | Should -Not -BeNullOrEmpty
    }

    It 'refuses a row whose HDC user id is not a number, and sends nothing of it' {
        $summary = [pscustomobject]@{ Name = 'Typo'; HdcUserId = '50O1'; SecurIdSerialNumber = '000300000001'; ApstrataLogin = '' } |
            Revoke-TokenAdminUserAccess -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $summary.Status | Should -Be 'Refused'
        $summary.Errors | Should -Be 'Input InvalidOffboardingRow'
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidOffboardingRow,Revoke-TokenAdminUserAccess'
        $failures[0].Exception | Should -BeOfType ([TokenAdmin.TokenAdminException])
        $failures[0].Exception.Message | Should -BeLike "The row of Typo is refused and nothing of it was sent: HdcUserId '50O1' is not an HDC user id*"
        Get-SecurIdHardwareToken -SerialNumber '000300000001' | Should -Not -BeNullOrEmpty
    }

    It 'audits each change it makes, through the cmdlets that make it' {
        $audit = Join-Path $TestDrive 'offboarding.jsonl'
        Set-TokenAdminAuditLog -Path $audit
        try { $null = Import-Csv $Csv | Select-Object -First 1 | Revoke-TokenAdminUserAccess -Confirm:$false }
        finally { Set-TokenAdminAuditLog -Disable }

        $lines = @(Get-Content -LiteralPath $audit | ConvertFrom-Json)
        @($lines | ForEach-Object { "$($_.command) $($_.outcome)" }) | Should -Be @(
            'Remove-AuthToken done', 'Remove-AuthToken done'
            'Remove-SecurIdHardwareToken done', 'Remove-SecurIdHardwareToken done'
            'Remove-ApstrataToken done', 'Remove-ApstrataToken done')
    }
}

Describe 'Revoke-TokenAdminUserAccess never touches what a row does not name' {
    BeforeEach { Initialize-Leaver }

    BeforeAll {
        function Get-TokenAdminChangeRequest {
            <# Every request that could change something or name a serial: deletions, creations and SecurID look-ups. #>
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -Method POST, PUT, DELETE | Where-Object routeName -NE 'apstrata.verifycredentials')
        }
    }

    It 'refuses the row of <Case> whole, says why, and sends nothing of it' -ForEach @(
        @{ Case = 'a serial with digit grouping'; Row = @{ SecurIdSerialNumber = '000300 000002' }; Says = "SecurIdSerialNumber has '000300 000002', with a space inside" }
        @{ Case = 'a login with a space'; Row = @{ ApstrataLogin = 'dana reyes' }; Says = "ApstrataLogin has 'dana reyes', with a space inside" }
        @{ Case = 'a comma-separated list'; Row = @{ SecurIdSerialNumber = '000300000001,000300000002' }; Says = "',' does not separate values, ';' does" }
        @{ Case = 'an empty element'; Row = @{ SecurIdSerialNumber = '000300000001;;000300000002' }; Says = 'has an empty element' }
        @{ Case = 'a trailing separator'; Row = @{ ApstrataLogin = 'dreyes;' }; Says = 'has an empty element' }
        @{ Case = 'a login with a line feed'; Row = @{ ApstrataLogin = "dreyes`n" }; Says = 'with a line break or control character in it' }
        @{ Case = 'a login with a NUL'; Row = @{ ApstrataLogin = "dre`0yes" }; Says = 'with a line break or control character in it' }
        @{ Case = 'a login of 256 characters'; Row = @{ ApstrataLogin = 'd' * 256 }; Says = 'a login is at most 255 characters' }
        @{ Case = 'a grouped HDC user id'; Row = @{ HdcUserId = '50 01' }; Says = "HdcUserId '50 01' is not an HDC user id" }
        @{ Case = 'a misspelled column'; Row = @{ SecurIdSerial = '000300000001' }; Says = "the column 'SecurIdSerial' is not one TokenAdmin reads" }
        @{ Case = 'only misspelled columns'; Row = [ordered]@{ HdcUser = '5001'; SerialNumber = '000300000001'; Login = 'dreyes' }; Says = "the columns 'HdcUser', 'SerialNumber', 'Login' are not" }
        @{ Case = 'no service column'; Row = @{}; Says = 'it has none of the columns HdcUserId, SecurIdSerialNumber, ApstrataLogin' }
    ) {
        $values = [ordered]@{ Name = 'Dana Reyes'; HdcUserId = '5001' }
        if ($Case -eq 'no service column' -or $Case -eq 'only misspelled columns') { $values.Remove('HdcUserId') }
        foreach ($key in $Row.Keys) { $values[$key] = $Row[$key] }

        $summary = [pscustomobject] $values | Revoke-TokenAdminUserAccess -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $summary.Status | Should -Be 'Refused'
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidOffboardingRow,Revoke-TokenAdminUserAccess'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $failures[0].Exception.Message | Should -BeLike "The row of Dana Reyes is refused and nothing of it was sent: *$([WildcardPattern]::Escape($Says))*"
        Get-TokenAdminChangeRequest | Should -BeNullOrEmpty -Because 'nothing of a refused row is sent, not even a look-up'
        @(Get-AuthToken -UserId 5001) | Should -HaveCount 2
        @(Get-SecurIdHardwareToken -SerialNumber '000300000001', '000300000002') | Should -HaveCount 2
    }

    It 'sends the valid rows and refuses only the bad one' {
        $summary = @(
            [pscustomobject]@{ Name = 'Grace Hopper'; HdcUserId = '5'; SecurIdSerialNumber = ''; ApstrataLogin = '' }
            [pscustomobject]@{ Name = 'Dana Reyes'; HdcUserId = '5001'; SecurIdSerialNumber = '000300000001 000300000002'; ApstrataLogin = '' }
        ) | Revoke-TokenAdminUserAccess -Confirm:$false -ErrorAction SilentlyContinue

        $summary.Status | Should -Be @('Revoked', 'Refused')
        Get-AuthToken -UserId 5 | Should -BeNullOrEmpty
        @(Get-AuthToken -UserId 5001) | Should -HaveCount 2
    }

    It 'with -Path, refuses a line with <Case> (Import-Csv would drop or shift its cells)' -ForEach @(
        @{ Case = 'more cells than the header'; Line = 'Dana Reyes,5001,000300000001,dreyes,000300000002'; Says = 'it has 5 cells and the header 4' }
        @{ Case = 'fewer cells than the header'; Line = 'Dana Reyes,5001,000300000001'; Says = 'it has 3 cells and the header 4' }
    ) {
        $file = Join-Path $TestDrive 'shifted.csv'
        Set-Content -LiteralPath $file -Value @('Name,HdcUserId,SecurIdSerialNumber,ApstrataLogin', $Line, 'Grace Hopper,5,,')

        $summary = @(Revoke-TokenAdminUserAccess -Path $file -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue)

        $summary.Status | Should -Be @('Refused', 'Revoked')
        $failures[0].Exception.Message | Should -BeLike "The row of Dana Reyes (line 2 of shifted.csv) is refused*$Says*"
        @(Get-AuthToken -UserId 5001) | Should -HaveCount 2
        @(Get-SecurIdHardwareToken -SerialNumber '000300000001') | Should -HaveCount 1
    }

    It 'with -Path, reads quoted cells and refuses a misspelled header column' {
        $file = Join-Path $TestDrive 'quoted.csv'
        Set-Content -LiteralPath $file -Value @('Name,HdcUserId,SecurIdSerial,ApstrataLogin', '"Reyes, Dana",5001,000300000001,dreyes')

        $summary = Revoke-TokenAdminUserAccess -Path $file -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $summary.Name | Should -Be 'Reyes, Dana'
        $summary.Status | Should -Be 'Refused'
        $failures[0].Exception.Message | Should -BeLike "*the column 'SecurIdSerial' is not one TokenAdmin reads*"
        Get-TokenAdminChangeRequest | Should -BeNullOrEmpty
    }

    It 'keeps a serial assigned to another user than the row''s SecurIdUserId, unless -Force' {
        $row = [pscustomobject]@{ Name = 'Dana Reyes'; SecurIdSerialNumber = '000300000001;000987654321'; SecurIdUserId = 'dreyes' }

        $summary = $row | Revoke-TokenAdminUserAccess -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $summary.Status | Should -Be 'PartiallyRevoked'
        $summary.SecurIdTokensDeleted | Should -Be '000300000001'
        $summary.SecurIdTokensFailed | Should -Be '000987654321'
        $summary.SecurIdTokenUsers | Should -Be '000300000001=dreyes;000987654321=asmith'
        $summary.Errors | Should -Be 'SecurId SecurIdTokenOwnerMismatch 000987654321'
        $failures[0].FullyQualifiedErrorId | Should -Be 'SecurIdTokenOwnerMismatch,Revoke-TokenAdminUserAccess'
        $failures[0].Exception.Message | Should -BeLike '*000987654321 was not deleted for Dana Reyes: it is assigned to asmith, and the row names dreyes*-Force*'
        @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'securid.tokens.delete') | Should -HaveCount 1
        Get-SecurIdHardwareToken -SerialNumber '000987654321' | Should -Not -BeNullOrEmpty

        $forced = $row | Revoke-TokenAdminUserAccess -Force -Confirm:$false
        $forced.SecurIdTokensDeleted | Should -Be '000987654321'
        $forced.SecurIdTokensFailed | Should -Be '000300000001' -Because 'it was deleted by the first run: not found now'
        Get-SecurIdHardwareToken -SerialNumber '000987654321' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'keeps serials of one row that are assigned to different users, and one of the user another row names' {
        $summary = @(
            [pscustomobject]@{ Name = 'Dana Reyes'; SecurIdSerialNumber = '000300000001;000123456789'; SecurIdUserId = '' }
            [pscustomobject]@{ Name = 'Anna Smith'; SecurIdSerialNumber = ''; SecurIdUserId = 'asmith' }
            [pscustomobject]@{ Name = 'Careless Row'; SecurIdSerialNumber = '000987654321'; SecurIdUserId = '' }
        ) | Revoke-TokenAdminUserAccess -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $summary[0].SecurIdTokensFailed | Should -Be '000300000001;000123456789'
        $summary[0].Status | Should -Be 'Failed'
        $summary[2].SecurIdTokensFailed | Should -Be '000987654321'
        $messages = @($failures | ForEach-Object { $_.Exception.Message })
        $messages | Should -HaveCount 3
        $messages[0] | Should -BeLike '*000300000001*assigned to dreyes, and the row''s other tokens to jdoe*'
        $messages[1] | Should -BeLike '*000123456789*assigned to jdoe, and the row''s other tokens to dreyes*'
        $messages[2] | Should -BeLike '*000987654321*assigned to asmith, whom another row names as its SecurID user*'
        Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'securid.tokens.delete' | Should -BeNullOrEmpty
    }

    It 'deletes an unassigned serial, and the plan says it is unassigned' {
        $null = Start-Transcript -LiteralPath (Join-Path $TestDrive 'unassigned.txt') -UseMinimalHeader
        try { [pscustomobject]@{ Name = 'Dana Reyes'; SecurIdSerialNumber = '000200000001' } | Revoke-TokenAdminUserAccess -WhatIf }
        finally { $null = Stop-Transcript }
        Get-Content -Raw (Join-Path $TestDrive 'unassigned.txt') | Should -Match ([regex]::Escape('SecurID: delete hardware token(s) 000200000001 (unassigned)'))

        $summary = [pscustomobject]@{ Name = 'Dana Reyes'; SecurIdSerialNumber = '000200000001' } | Revoke-TokenAdminUserAccess -Confirm:$false
        $summary.Status | Should -Be 'Revoked'
        $summary.SecurIdTokenUsers | Should -Be '000200000001=(unassigned)'
    }

    It 'acts once on a person, user, serial or login named by two rows, and reports it for both' {
        $row = Import-Csv $Csv | Select-Object -First 1
        $again = [pscustomobject]@{ Name = 'Dana (HR copy)'; HdcUserId = '5001'; SecurIdSerialNumber = '000300000002'; ApstrataLogin = 'dana.ops' }

        $summary = @($row, $row, $again | Revoke-TokenAdminUserAccess -Confirm:$false -ErrorVariable failures)

        $failures | Should -BeNullOrEmpty
        $summary.Status | Should -Be @('Revoked', 'Revoked', 'Revoked')
        $summary.HdcTokensRevoked | Should -Be @(2, 2, 2)
        $summary[1].SecurIdTokensDeleted | Should -Be '000300000001;000300000002'
        $summary[2].SecurIdTokensDeleted | Should -Be '000300000002'
        $summary[2].ApstrataLoginsCleared | Should -Be 'dana.ops'
        @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'securid.tokens.delete') | Should -HaveCount 2
        @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.delete') | Should -HaveCount 2
        @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'apstrata.deletetoken') | Should -HaveCount 1
    }
}
