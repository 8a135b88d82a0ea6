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
        $text | Should -Match ([regex]::Escape("Revoke access: HDC user 5001: revoke 2 token(s) $($dana -join ', '); SecurID: delete hardware token(s) 000300000001, 000300000002; apstrata: remove every token of dreyes, dana.ops"" on target ""Dana Reyes"""))
        $text | Should -Match ([regex]::Escape('SecurID: delete hardware token(s) 000999999999" on target "Grace Hopper"'))
        $text | Should -Not -Match 'Nobody Atall' -Because 'nothing to revoke is nothing to confirm'
        Get-TokenAdminEmulatorJournal -Emulator $Emulator -Method POST, PUT, DELETE | Where-Object routeName -NE 'apstrata.verifycredentials' | Should -BeNullOrEmpty
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
        @($failures | ForEach-Object FullyQualifiedErrorId) | Should -Be @('SecurIdTokenNotFound,TokenAdmin.SecurId.RemoveSecurIdHardwareTokenCommand')

        Get-AuthToken -UserId 5001, 5 | Should -BeNullOrEmpty
        Get-SecurIdHardwareToken -SerialNumber '000300000001', '000300000002' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $apstrataDeletes = @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'apstrata.deletetoken')
        $apstrataDeletes | Should -HaveCount 1 -Because "one owner batch for Dana's two logins"

        $report = Join-Path $TestDrive 'report.csv'
        $summary | Export-Csv -LiteralPath $report
        $rows = @(Import-Csv -LiteralPath $report)
        @($rows[0].PSObject.Properties.Name) | Should -Be @('Name', 'HdcUserId', 'HdcTokensRevoked', 'HdcTokensFailed', 'SecurIdTokensDeleted', 'SecurIdTokensFailed', 'ApstrataLoginsCleared', 'ApstrataLoginsFailed', 'Status', 'Errors')
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

    It 'says which row is wrong when an HDC user id is not a number, and does the rest of the row' {
        $summary = [pscustomobject]@{ Name = 'Typo'; HdcUserId = '50O1'; SecurIdSerialNumber = '000300000001'; ApstrataLogin = '' } |
            Revoke-TokenAdminUserAccess -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $summary.Status | Should -Be 'PartiallyRevoked'
        $summary.SecurIdTokensDeleted | Should -Be '000300000001'
        $summary.Errors | Should -Be 'Hdc InvalidArgument 50O1'
        $failures[0].Exception.Message | Should -BeLike "HdcUserId '50O1' of Typo is not an HDC user id*"
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
