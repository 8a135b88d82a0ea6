#Requires -Version 7.4
<#
    The PowerClerk cmdlets of the BUILT module against the emulator process, as a user drives them:
    connect (with a TOTP seed, a one-time code, or no MFA), create and remove MFA session tokens,
    and no secret in any stream, view, error, transcript or ConvertTo-Json output.
#>

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'EmulatorSupport.psm1') -Force
    $ModuleManifest = Get-TokenAdminModuleManifest
    $Emulator = Start-TokenAdminEmulator
    Import-Module -Name $ModuleManifest -Force
    $Mfa = Get-TokenAdminEmulatorPowerClerkAccount -Emulator $Emulator -Role mfa
    $Plain = Get-TokenAdminEmulatorPowerClerkAccount -Emulator $Emulator -Role plain
}

AfterAll {
    Remove-TokenAdminTestSession -Emulator $Emulator
    Remove-Module -Name 'EmulatorSupport' -Force -ErrorAction SilentlyContinue
}

Describe 'PowerClerk cmdlets against the emulator' {
    BeforeEach {
        Reset-TokenAdminEmulator -Emulator $Emulator
    }

    It 'creates an MFA session token with a TOTP seed, sends it as the second factor and removes it' {
        $connection = Connect-PowerClerk -BaseUri $Mfa.BaseUri -Credential $Mfa.Credential -ApiKey $Mfa.ApiKey -TotpSecret $Mfa.TotpSecret -PassThru

        $session = New-MfaSessionToken -ExpiresAfterMinutes 30 -Confirm:$false

        $session | Should -BeOfType ([TokenAdmin.MfaSessionToken])
        $session.TokenId | Should -Match '^[A-Z0-9]{12}$'
        $session.Token | Should -BeOfType ([securestring])
        $connection.SessionTokenId | Should -Be $session.TokenId
        $connection.SecondFactor | Should -Be 'SessionToken'

        $removed = $session | Remove-MfaSessionToken -Confirm:$false -PassThru
        $removed.TokenId | Should -Be $session.TokenId
        $connection.SessionTokenId | Should -BeNullOrEmpty
    }

    It 'works for an account without MFA, with no second factor' {
        $connection = Connect-PowerClerk -BaseUri $Plain.BaseUri -Credential $Plain.Credential -ApiKey $Plain.ApiKey -PassThru
        $connection.UsesMfa | Should -BeNullOrEmpty -Because 'nothing was given and nothing answered yet'

        $session = New-MfaSessionToken -Confirm:$false
        $connection.UsesMfa | Should -Be $false -Because 'the service accepted a request without a second factor'
        { $session | Remove-MfaSessionToken -Confirm:$false } | Should -Not -Throw
    }

    It 'stops with AuthenticationFailed that names the missing second factor' {
        Connect-PowerClerk -BaseUri $Mfa.BaseUri -Credential $Mfa.Credential -ApiKey $Mfa.ApiKey

        { Remove-MfaSessionToken -TokenId RXKVCEZTR0GN -Confirm:$false } | Should -Throw -ErrorId 'AuthenticationFailed,TokenAdmin.PowerClerk.RemoveMfaSessionTokenCommand'
        $Error[0].ErrorDetails.RecommendedAction | Should -Match 'TotpSecret'
    }

    It 'refuses a TokenId that could change the URL path, before sending' {
        Connect-PowerClerk -BaseUri $Plain.BaseUri -Credential $Plain.Credential -ApiKey $Plain.ApiKey

        Remove-MfaSessionToken -TokenId '../../Accounts' -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue

        $refused.FullyQualifiedErrorId | Should -Be 'InvalidArgument,TokenAdmin.PowerClerk.RemoveMfaSessionTokenCommand'
        Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'powerclerk.mst.delete' | Should -BeNullOrEmpty
    }

    It 'shows no password, API key, seed or session token in any output, transcript or JSON' {
        $transcript = Join-Path ([System.IO.Path]::GetTempPath()) ("pc-transcript-" + [guid]::NewGuid().ToString('N') + '.txt')
        Start-Transcript -LiteralPath $transcript | Out-Null
        try {
            $connection = Connect-PowerClerk -BaseUri $Mfa.BaseUri -Credential $Mfa.Credential -ApiKey $Mfa.ApiKey -TotpSecret $Mfa.TotpSecret -PassThru -Verbose -Debug 5>&1 4>&1
            $session = New-MfaSessionToken -Confirm:$false -Verbose -Debug 5>&1 4>&1
            $shown = @(
                $connection, $session | Format-List * -Force | Out-String
                $connection, $session | Out-String -Width 80
                $session | Where-Object { $_ -is [TokenAdmin.MfaSessionToken] } | ConvertTo-Json -Depth 3 -WarningAction Ignore
                $session | Where-Object { $_ -is [TokenAdmin.MfaSessionToken] } | ConvertTo-Csv
            ) -join "`n"
        }
        finally {
            Stop-Transcript | Out-Null
        }

        $text = $shown + (Get-Content -LiteralPath $transcript -Raw)
        Remove-Item -LiteralPath $transcript -Force
        Find-TokenAdminEmulatorSecret -Text $text -Secret $Mfa.Secrets | Should -BeNullOrEmpty
        $text | Should -Match 'SessionTokenId'
    }
}
