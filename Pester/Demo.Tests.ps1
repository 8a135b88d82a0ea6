#Requires -Version 7.4
<#
    The demo tour (build.ps1 Demo) runs to its end against the emulator, offboarding included, and
    shows no secret: what a person sees first must work and must be safe to screen-share.
#>

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'EmulatorSupport.psm1') -Force
    Import-Module -Name (Join-Path $PSScriptRoot 'ChildPwsh.psm1') -Force
    $Emulator = Start-TokenAdminEmulator
    $run = Invoke-ChildPwsh -Capture -ArgumentList '-NoProfile', '-File', (Join-Path $PSScriptRoot 'Demo.ps1'), '-BaseUri', $Emulator.Services.Hdc.BaseUri.AbsoluteUri, '-ModulePath', (Get-TokenAdminModuleManifest)
    $Output = $run.Output -join "`n"
    $ExitCode = $run.ExitCode
}

AfterAll { Remove-TokenAdminTestSession -Emulator $Emulator }

Describe 'The demo' {
    It 'runs every part to the end' {
        $ExitCode | Should -Be 0 -Because $Output
        $Output | Should -Match 'TokenAdmin: RSA SecurID hardware tokens'
        $Output | Should -Match 'apstrata: user tokens'
        $Output | Should -Match 'Tour complete\.'
    }

    It 'offboards two leavers: the plan first, then a summary per person and the audit log' {
        $Output | Should -Match 'What if: Performing the operation "Revoke access: HDC user 42: revoke 1 token\(s\) [0-9a-f]{12}; SecurID: delete hardware token\(s\) 000987654321 \(assigned to asmith\); apstrata: remove every token of kim@example\.com" on target "Kim Lee"'
        $Output | Should -Match 'Kim Lee\s+Revoked'
        $Output | Should -Match 'Ada Lovelace\s+PartiallyRevoked'
        # A serial the look-up did not find is reported in the plan and never sent (so no audit line).
        $Output | Should -Match 'SecurID: nothing to do for 000999999999 \(not found\)" on target "Ada Lovelace"'
        $Output | Should -Not -Match 'Remove-SecurIdHardwareToken\s+000999999999'
    }

    It 'shows no secret' {
        Find-TokenAdminEmulatorSecret -Text $Output -Secret (Get-TokenAdminEmulatorSecret -Emulator $Emulator) | Should -BeNullOrEmpty
        $Output | Should -Not -Match 'eyJ' -Because 'no JWT'
    }
}
