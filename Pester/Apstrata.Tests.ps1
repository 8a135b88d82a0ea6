#Requires -Version 7.4
<#
    The apstrata cmdlets of the BUILT module against the emulator process: a user's token round
    trip, owner batches, refusals, and no secret, password hash or token in any output or transcript.
#>

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'EmulatorSupport.psm1') -Force
    $ModuleManifest = Get-TokenAdminModuleManifest
    $Emulator = Start-TokenAdminEmulator
    Import-Module -Name $ModuleManifest -Force
    $Account = Get-TokenAdminEmulatorApstrataAccount -Emulator $Emulator
}

AfterAll {
    Remove-TokenAdminTestSession -Emulator $Emulator
    Remove-Module -Name 'EmulatorSupport' -Force -ErrorAction SilentlyContinue
}

Describe 'apstrata cmdlets against the emulator' {
    BeforeEach {
        Reset-TokenAdminEmulator -Emulator $Emulator
    }

    It 'makes a token, connects with it by property name, renews it and deletes it' {
        Connect-Apstrata -AuthKey $Account.AuthKey -BaseUri $Account.BaseUri -Credential $Account.Credential

        $token = New-ApstrataToken -ExpiresAfterSeconds 600
        $token | Should -BeOfType ([TokenAdmin.ApstrataToken])
        $token.Token | Should -BeOfType ([securestring])
        $connection = $token | Connect-Apstrata -PassThru
        $connection.Identity | Should -Be 'Token'

        New-ApstrataToken -Renew | Should -BeOfType ([TokenAdmin.ApstrataToken])
        Remove-ApstrataToken -Confirm:$false -PassThru | Should -BeOfType ([TokenAdmin.ApstrataTokenRemovalResult])
        Get-TokenAdminConnection | Where-Object Service -EQ 'Apstrata' | Should -BeNullOrEmpty
    }

    It 'deletes the tokens of many users as the owner, at most 100 logins per request' {
        Connect-Apstrata -AuthKey $Account.AuthKey -BaseUri $Account.BaseUri -Secret $Account.Secret -SignatureMode Simple

        $removed = 1..150 | ForEach-Object { "user$_" } | Remove-ApstrataToken -Confirm:$false -PassThru

        @($removed).Count | Should -Be 150
        @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'apstrata.deletetoken').Count | Should -Be 2
    }

    It 'refuses -UserLogin on a user connection before sending' {
        Connect-Apstrata -AuthKey $Account.AuthKey -BaseUri $Account.BaseUri -Credential $Account.Credential

        { Remove-ApstrataToken -UserLogin bob -Confirm:$false } | Should -Throw -ErrorId 'ApstrataWrongConnection,TokenAdmin.Apstrata.RemoveApstrataTokenCommand'
        Get-TokenAdminEmulatorJournal -Emulator $Emulator | Should -BeNullOrEmpty
    }

    It 'shows no secret, password or password hash in any output or transcript' {
        $transcript = Join-Path ([System.IO.Path]::GetTempPath()) ("ap-transcript-" + [guid]::NewGuid().ToString('N') + '.txt')
        Start-Transcript -LiteralPath $transcript | Out-Null
        try {
            Connect-Apstrata -AuthKey $Account.AuthKey -BaseUri $Account.BaseUri -Credential $Account.Credential -Verbose
            $token = New-ApstrataToken -Verbose -Debug 5>&1 4>&1
            $shown = @(
                $token | Format-List * -Force | Out-String
                $token | Where-Object { $_ -is [TokenAdmin.ApstrataToken] } | ConvertTo-Json -Depth 3 -WarningAction Ignore
                Get-TokenAdminConnection | Format-List * | Out-String
            ) -join "`n"
        }
        finally {
            Stop-Transcript | Out-Null
        }

        $text = $shown + (Get-Content -LiteralPath $transcript -Raw)
        Remove-Item -LiteralPath $transcript -Force
        $hash = [Convert]::ToHexString([System.Security.Cryptography.MD5]::HashData([Text.Encoding]::UTF8.GetBytes($Account.Credential.GetNetworkCredential().Password)))
        Find-TokenAdminEmulatorSecret -Text $text -Secret ($Account.Secrets + [pscustomobject]@{ Name = 'password hash'; Value = $hash }) | Should -BeNullOrEmpty
        $text | Should -Match 'ExpiresAt'
    }
}
