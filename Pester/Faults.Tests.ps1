#Requires -Version 7.4
<#
    Truthful outcomes under faults, secrets under a hostile service, and careless input, for the
    BUILT module in a real pwsh against the emulator process (faults set through its control API).
    Every item of a bulk run ends as exactly one of: done, failed with its error, not attempted.
#>

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'EmulatorSupport.psm1') -Force
    $ModuleManifest = Get-TokenAdminModuleManifest
    $Emulator = Start-TokenAdminEmulator
    Import-Module -Name $ModuleManifest -Force

    $AdminCredential = Get-TokenAdminEmulatorHdcCredential -Emulator $Emulator -Role admin
    $AdminAccessToken = Get-TokenAdminEmulatorHdcAccessToken -Emulator $Emulator -Role admin
    $BasicValue = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($AdminCredential.UserName):$($AdminCredential.GetNetworkCredential().Password)"))
    $ProgressPreference = 'SilentlyContinue'

    function Show-ErrorEverywhere {
        <# Every way a user looks at errors, as one string. #>
        param([object[]] $ErrorRecord)
        $views = foreach ($record in $ErrorRecord) {
            $record | Out-String
            $record | Format-List * -Force | Out-String
            $record | Get-Error | Out-String
            "$($record.TargetObject) $($record.CategoryInfo)"
        }
        $views -join "`n"
    }

    function ConvertTo-Needle {
        <# Secrets as Find-TokenAdminEmulatorSecret takes them: a name that says what, and the value. #>
        param([string[]] $Value, [string] $Name)
        $index = 0
        foreach ($item in $Value) { [pscustomobject]@{ Name = "$Name $((++$index))"; Value = $item } }
    }
}

AfterAll {
    Remove-TokenAdminTestSession -Emulator $Emulator
    Remove-Module -Name 'EmulatorSupport' -Force -ErrorAction SilentlyContinue
}

Describe 'Faults, hostile answers and careless input' {
    BeforeEach {
        Reset-TokenAdminEmulator -Emulator $Emulator
        Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -Credential $AdminCredential
        Reset-TokenAdminEmulator -Emulator $Emulator
    }

    Context 'Truthful outcomes' {
        It 'reports a removal done when the connection broke after the service applied it and the retry found it gone' {
            $victim = Get-AuthToken -UserId 42 | Select-Object -First 1
            Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.delete' -Step @{ abortAfterApplying = $true }

            $result = $victim | Remove-AuthToken -Confirm:$false -PassThru -ErrorVariable failed -Verbose 4>&1
            $verbose = @($result | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })

            $failed | Should -BeNullOrEmpty
            @($result | Where-Object { $_ -is [TokenAdmin.AuthTokenRemovalResult] }).Fingerprint | Should -Be $victim.Fingerprint
            ($verbose.Message -join "`n") | Should -Match 'already gone after a retry'
            Get-TokenAdminEmulatorHdcToken -Emulator $Emulator | Where-Object userId -EQ 42 | Should -BeNullOrEmpty
        }

        It 'reports UnexpectedResponse, and no result, when a removal is answered 200 with a login page' {
            $victim = Get-AuthToken -UserId 42 | Select-Object -First 1
            Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.delete' -Step @{ status = 200; body = '<html><title>Sign in</title></html>'; contentType = 'text/html' }

            $result = $victim | Remove-AuthToken -Confirm:$false -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue

            $result | Should -BeNullOrEmpty
            $failed.FullyQualifiedErrorId | Should -Be 'UnexpectedResponse,TokenAdmin.Hdc.RemoveAuthTokenCommand'
            "$failed" | Should -Match 'HTML page'
            @(Get-TokenAdminEmulatorHdcToken -Emulator $Emulator | Where-Object userId -EQ 42) | Should -HaveCount 1
        }

        It 'after a 401 mid-run, reports every removal that happened and carries the ones never sent, ready to retry' {
            foreach ($i in 1..12) { $null = New-AuthToken -UserId 777 -Context ReadDocuments }
            $tokens = (Get-AuthToken).Token
            $steps = @(1..5 | ForEach-Object { @{ pass = $true } }) + @(@{ status = 401 })
            Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.delete' -Step $steps -LatencyMs 30

            $fatal = $null
            try { Remove-AuthToken -Token $tokens -Confirm:$false -PassThru -ThrottleLimit 3 -OutVariable done | Out-Null }
            catch { $fatal = $_ }

            $fatal.FullyQualifiedErrorId | Should -Be 'AuthenticationFailed,TokenAdmin.Hdc.RemoveAuthTokenCommand'
            $notAttempted = @($fatal.Exception.NotAttempted)
            $notAttempted.Count | Should -BeGreaterThan 0
            "$fatal" | Should -Match "$($notAttempted.Count) more items were not attempted"
            $refused = @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.delete' | Where-Object statusCode -EQ 401).Count
            ($done.Count + $refused + $notAttempted.Count) | Should -Be $tokens.Count
            @(Get-TokenAdminEmulatorHdcToken -Emulator $Emulator).Count | Should -Be ($tokens.Count - $done.Count)
            Find-TokenAdminEmulatorSecret -Text (Show-ErrorEverywhere $fatal) -Secret (ConvertTo-Needle $tokens 'token') | Should -BeNullOrEmpty

            $retried = $notAttempted | Remove-AuthToken -Confirm:$false -PassThru
            @($retried).Count | Should -Be $notAttempted.Count
        }
    }

    Context 'Shared connections' {
        It 'lets ForEach-Object -Parallel loops each connect and list without breaking each other' {
            $uri = $Emulator.Services.Hdc.BaseUri
            $results = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
                Import-Module $using:ModuleManifest
                foreach ($i in 1..10) {
                    try { Connect-AuthTokenService -BaseUri $using:uri -Credential $using:AdminCredential; $null = Get-AuthToken -ErrorAction Stop; 'ok' }
                    catch { $_.FullyQualifiedErrorId }
                }
            }

            @($results | Where-Object { $_ -ne 'ok' }) | Should -BeNullOrEmpty
            @($results).Count | Should -Be 40
        }
    }

    Context 'Hostile answers' {
        It 'keeps a credential echoed in the reason phrase and X-Request-Id out of every view' {
            $victim = Get-AuthToken | Select-Object -First 1
            Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.delete' -Step @{ status = 500; reasonPhrase = 'Oops {authorization}'; headers = @{ 'X-Request-Id' = 'r-1 {authorization}' } }

            $verbose = $victim | Remove-AuthToken -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue -Verbose 4>&1 | Out-String
            $shown = (Show-ErrorEverywhere $failed) + $verbose + $failed[0].Exception.RequestId + $failed[0].Exception.Message

            $shown | Should -Match 'Oops'
            Find-TokenAdminEmulatorSecret -Text $shown -Secret (ConvertTo-Needle @($BasicValue, $AdminCredential.GetNetworkCredential().Password) 'credential') | Should -BeNullOrEmpty
        }
    }

    Context 'Careless input' {
        It 'refuses a piped object without a Token property, one error each, and sends nothing' {
            Get-Process -Id $PID | Remove-AuthToken -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue

            $failed.FullyQualifiedErrorId | Should -Be 'InvalidPipelineInput,TokenAdmin.Hdc.RemoveAuthTokenCommand'
            Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.delete' | Should -BeNullOrEmpty
        }

        It 'connects with a bearer token read with its trailing newline' {
            $withNewline = ConvertTo-SecureString "$([System.Net.NetworkCredential]::new('', $AdminAccessToken).Password)`n" -AsPlainText -Force

            { Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -AccessToken $withNewline } | Should -Not -Throw
        }

        It 'refuses a key file that is a device at once, as InvalidCredential' -Skip:$IsWindows {
            { Connect-SecurIdAdmin -KeyFile '/dev/zero' } | Should -Throw -ErrorId 'InvalidCredential,TokenAdmin.SecurId.ConnectSecurIdAdminCommand'
        }

        It 'connects to PowerClerk with an API key read by Get-Content -Raw, line break and all, and refuses one broken inside without showing it' {
            $mfa = Get-TokenAdminEmulatorPowerClerkAccount -Emulator $Emulator -Role mfa
            $key = [System.Net.NetworkCredential]::new('', $mfa.ApiKey).Password
            $file = Join-Path $TestDrive 'api-key.txt'
            Set-Content -LiteralPath $file -Value $key # Set-Content ends the file with a line break
            $read = Get-Content -Raw -LiteralPath $file | ConvertTo-SecureString -AsPlainText -Force

            Connect-PowerClerk -BaseUri $mfa.BaseUri -Credential $mfa.Credential -ApiKey $read -TotpSecret $mfa.TotpSecret
            { New-MfaSessionToken -Confirm:$false } | Should -Not -Throw

            $broken = ConvertTo-SecureString "$($key.Substring(0, 8))`n$($key.Substring(8))" -AsPlainText -Force
            { Connect-PowerClerk -BaseUri $mfa.BaseUri -Credential $mfa.Credential -ApiKey $broken -TotpSecret $mfa.TotpSecret } |
                Should -Throw -ErrorId 'InvalidCredential,TokenAdmin.PowerClerk.ConnectPowerClerkCommand'
            Find-TokenAdminEmulatorSecret -Text (Show-ErrorEverywhere $Error[0]) -Secret (ConvertTo-Needle @($key, $key.Substring(8)) 'API key') | Should -BeNullOrEmpty
        }

        It 'refuses a TOTP seed too short to be real, and an MST id ending in a line feed, before sending' {
            $mfa = Get-TokenAdminEmulatorPowerClerkAccount -Emulator $Emulator -Role mfa
            { Connect-PowerClerk -BaseUri $mfa.BaseUri -Credential $mfa.Credential -ApiKey $mfa.ApiKey -TotpSecret (ConvertTo-SecureString 'AB' -AsPlainText -Force) } |
                Should -Throw -ErrorId 'InvalidCredential,TokenAdmin.PowerClerk.ConnectPowerClerkCommand'

            Connect-PowerClerk -BaseUri $mfa.BaseUri -Credential $mfa.Credential -ApiKey $mfa.ApiKey -TotpSecret $mfa.TotpSecret
            { Remove-MfaSessionToken -TokenId "RXKVCEZTR0GN`n" -Confirm:$false -ErrorAction Stop } |
                Should -Throw -ErrorId 'InvalidArgument,TokenAdmin.PowerClerk.RemoveMfaSessionTokenCommand'
            Get-TokenAdminEmulatorJournal -Emulator $Emulator | Should -BeNullOrEmpty
        }

        It 'refuses a piped number under Token instead of sending its text "@{Token=42}"' {
            [pscustomobject]@{ Token = 42 } | Remove-AuthToken -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue

            $failed.FullyQualifiedErrorId | Should -Be 'InvalidPipelineInput,TokenAdmin.Hdc.RemoveAuthTokenCommand'
            Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.delete' | Should -BeNullOrEmpty
        }

        It 'refuses a blank login in an apstrata owner batch alone and sends the others' {
            $account = Get-TokenAdminEmulatorApstrataAccount -Emulator $Emulator
            Connect-Apstrata -AuthKey $account.AuthKey -BaseUri $account.BaseUri -Secret $account.Secret

            $removed = 'amy', ' ', 'bob' | Remove-ApstrataToken -Confirm:$false -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue

            $failed.TargetObject | Should -Be ' '
            $failed.FullyQualifiedErrorId | Should -Be 'InvalidArgument,TokenAdmin.Apstrata.RemoveApstrataTokenCommand'
            $removed.UserLogin | Sort-Object | Should -Be @('amy', 'bob')
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'apstrata.deletetoken').Count | Should -Be 1
        }

        It 'honours $VerbosePreference set as a string inside a function' {
            function Show-Tokens { $VerbosePreference = 'Continue'; Get-AuthToken 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } }

            (Show-Tokens).Message -join "`n" | Should -Match 'HTTP GET'
        }
    }
}
