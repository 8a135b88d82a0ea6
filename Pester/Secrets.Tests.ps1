#Requires -Version 7.4
<#
    No output of the BUILT module ever shows a secret: not objects, views or ToString(), not
    warnings, errors ($Error, Get-Error, exception properties), -Verbose or -Debug, not -WhatIf.
    The needles: the emulator's demo passwords (and the Base64 "user:password" of a Basic header),
    its bearer access tokens, wrong secrets typed by a "user", and every token value the emulator
    held before and after each scenario.
#>

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'EmulatorSupport.psm1') -Force
    $ModuleManifest = Get-TokenAdminModuleManifest
    $Emulator = Start-TokenAdminEmulator
    Import-Module -Name $ModuleManifest -Force
    $ProgressPreference = 'SilentlyContinue'

    $AdminCredential = Get-TokenAdminEmulatorHdcCredential -Emulator $Emulator -Role admin
    $AdminAccessToken = Get-TokenAdminEmulatorHdcAccessToken -Emulator $Emulator -Role admin

    # Secrets a user might mistype: refused, but never echoed either.
    $WrongPassword = 'Wrong-Passw0rd-Needle-7c1e'
    $WrongAccessToken = 'HdcAdm-wrong-needle-0b9f2d7a4c1e8f3a5b6d'
    $WrongCredential = [pscredential]::new($AdminCredential.UserName, (ConvertTo-SecureString -String $WrongPassword -AsPlainText -Force))
    $WrongAccessTokenSecure = ConvertTo-SecureString -String $WrongAccessToken -AsPlainText -Force

    $StaticSecrets = @(Get-TokenAdminEmulatorSecret -Emulator $Emulator) + @(
        [pscustomobject]@{ Name = 'a wrong password typed by the user'; Value = $WrongPassword }
        [pscustomobject]@{
            Name  = 'the Basic header of a wrong password'
            Value = [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes("$($AdminCredential.UserName):$WrongPassword"))
        }
        [pscustomobject]@{ Name = 'a wrong access token typed by the user'; Value = $WrongAccessToken }
    )

    function Get-SecretNeedle {
        <# Every secret that must never be shown: the fixed ones and the token values the emulator holds now. #>
        [CmdletBinding()]
        param()

        $StaticSecrets
        foreach ($token in Get-TokenAdminEmulatorHdcToken -Emulator $Emulator) {
            [pscustomobject]@{
                Name  = "the token value of user $($token.userId) (fingerprint $(ConvertTo-TokenAdminFingerprint -Token $token.token))"
                Value = $token.token
            }
        }
    }

    function Assert-NoSecret {
        <# Fails naming (never printing) each secret that appears in $Text, case-insensitively. #>
        [CmdletBinding()]
        param(
            [Parameter(Mandatory)]
            [AllowEmptyString()]
            [string] $Text,

            [Parameter(Mandatory)]
            [object[]] $Secret,

            [Parameter(Mandatory)]
            [string] $Source
        )

        $leaked = @(foreach ($needle in $Secret) {
                if ($needle.Value.Length -ge 6 -and $Text.IndexOf($needle.Value, [System.StringComparison]::OrdinalIgnoreCase) -ge 0) {
                    $needle.Name
                }
            }) | Sort-Object -Unique

        $leaked | Should -BeNullOrEmpty -Because "$Source must not show any secret, yet it shows $($leaked -join '; ')"
    }

    function Get-StateTokenValue {
        <# The value of a token the emulator holds (for scenarios that need one; never printed). #>
        [CmdletBinding()]
        param(
            [Parameter(Mandatory)]
            [long] $UserId
        )

        (Get-TokenAdminEmulatorHdcToken -Emulator $Emulator | Where-Object -Property userId -EQ -Value $UserId | Select-Object -First 1).token
    }

    function Invoke-SecretScenario {
        <#
            Runs one scenario, every TokenAdmin command with -Verbose and -Debug (and the preferences
            set to Continue locally, so helpers and piped commands log too), and returns everything
            it wrote to any stream (output, errors, warnings, verbose, debug, information) as text,
            formatted by the default views.
        #>
        [CmdletBinding()]
        param(
            [Parameter(Mandatory)]
            [string] $Name
        )

        $DebugPreference = 'Continue'
        $VerbosePreference = 'Continue'
        $WarningPreference = 'Continue'
        $InformationPreference = 'Continue'
        $ErrorActionPreference = 'Continue'

        $records = & {
            switch ($Name) {
                'Connect with a password' {
                    Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -Credential $AdminCredential -PassThru -Verbose -Debug
                }
                'Connect with an access token' {
                    Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -AccessToken $AdminAccessToken -PassThru -Verbose -Debug
                }
                'Connect with a wrong password' {
                    try { Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -Credential $WrongCredential -Verbose -Debug } catch { $_ }
                }
                'Connect with a wrong access token' {
                    try { Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -AccessToken $WrongAccessTokenSecure -Verbose -Debug } catch { $_ }
                }
                'Get-AuthToken' {
                    Get-AuthToken -Verbose -Debug
                    Get-AuthToken -UserId 5 -Context 'Read*' -Verbose -Debug
                }
                'Get-AuthTokenContext' {
                    Get-AuthTokenContext -Verbose -Debug
                    Get-AuthTokenContext -Name 'NoSuchContext' -Verbose -Debug
                }
                'New-AuthToken' {
                    New-AuthToken -UserId 777 -Context ReadDocuments, UploadDocuments -Verbose -Debug
                    New-AuthToken -UserId 777 -Context NoSuchContext -Verbose -Debug
                }
                'Set-AuthToken' {
                    Get-AuthToken -UserId 42 | Set-AuthToken -Context UploadDocuments -PassThru -Verbose -Debug
                }
                'Remove-AuthToken' {
                    Get-AuthToken -UserId 5 | Remove-AuthToken -Confirm:$false -PassThru -Verbose -Debug
                }
                'Remove-AuthToken and Set-AuthToken of a revoked token' {
                    $token = Get-AuthToken -UserId 42
                    $token | Remove-AuthToken -Confirm:$false -Verbose -Debug
                    $token | Remove-AuthToken -Confirm:$false -Verbose -Debug
                    $token | Set-AuthToken -Context ReadDocuments -Verbose -Debug
                    Set-AuthToken -Token $token.Token -UserId 42 -Context ReadDocuments -Verbose -Debug
                }
                'A retried request' {
                    Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.delete' -Step @{ status = 429; retryAfter = '1' }
                    Get-AuthToken -UserId 42 | Remove-AuthToken -Confirm:$false -PassThru -Verbose -Debug
                }
                'A service error that echoes the token' {
                    $value = Get-StateTokenValue -UserId 42
                    $body = ConvertTo-Json -Compress -InputObject @{ success = $false; errorCode = 'INTERNAL_ERROR'; message = "Could not revoke token $value" }
                    Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.delete' -Step @{ status = 500; body = $body; contentType = 'application/json' }
                    Remove-AuthToken -Token $value -Confirm:$false -Verbose -Debug
                }
                default {
                    throw "Unknown scenario '$Name'."
                }
            }
        } *>&1

        $records | Out-String -Width 4096
    }
}

AfterAll {
    Remove-TokenAdminTestSession -Emulator $Emulator
    Remove-Module -Name 'EmulatorSupport' -Force -ErrorAction SilentlyContinue
}

Describe 'Secrets never appear in TokenAdmin output' {
    BeforeEach {
        Reset-TokenAdminEmulator -Emulator $Emulator
        Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -Credential $AdminCredential
        Reset-TokenAdminEmulator -Emulator $Emulator
    }

    Context 'Every stream, with -Verbose and -Debug' {
        It '<Scenario>' -ForEach @(
            @{ Scenario = 'Connect with a password' }
            @{ Scenario = 'Connect with an access token' }
            @{ Scenario = 'Connect with a wrong password' }
            @{ Scenario = 'Connect with a wrong access token' }
            @{ Scenario = 'Get-AuthToken' }
            @{ Scenario = 'Get-AuthTokenContext' }
            @{ Scenario = 'New-AuthToken' }
            @{ Scenario = 'Set-AuthToken' }
            @{ Scenario = 'Remove-AuthToken' }
            @{ Scenario = 'Remove-AuthToken and Set-AuthToken of a revoked token' }
            @{ Scenario = 'A retried request' }
            @{ Scenario = 'A service error that echoes the token' }
        ) {
            $before = @(Get-SecretNeedle)

            $text = Invoke-SecretScenario -Name $Scenario

            # Tokens created by the scenario are needles too.
            $needles = $before + @(Get-SecretNeedle)
            $text | Should -Match 'HTTP (GET|POST|PUT|DELETE) http' -Because '-Verbose output must have been captured, or this test proves nothing'
            $text | Should -Match 'HTTP request (GET|POST|PUT|DELETE) ' -Because 'Debug output must have been captured, or this test proves nothing'
            Assert-NoSecret -Text $text -Secret $needles -Source "'$Scenario' (all streams)"
        }
    }

    Context 'Views and ToString()' {
        It 'shows fingerprints, not values, in Format-Table, Format-List, the default view and ToString() of tokens' {
            $needles = @(Get-SecretNeedle)
            $tokens = @(Get-AuthToken)
            $removal = @($tokens | Where-Object -Property UserId -EQ -Value 5 | Remove-AuthToken -Confirm:$false -PassThru)
            $views = [ordered]@{
                'Format-Table of tokens'        = $tokens | Format-Table | Out-String -Width 4096
                'Format-List of tokens'         = $tokens | Format-List | Out-String -Width 4096
                'the default view of tokens'    = $tokens | Out-String -Width 4096
                'ToString() of tokens'          = ($tokens | ForEach-Object -Process { $_.ToString() }) -join [System.Environment]::NewLine
                'tokens in a string'            = "$tokens"
                'removal results (-PassThru)'   = $removal | Format-List | Out-String -Width 4096
                'contexts (Get-AuthTokenContext)' = Get-AuthTokenContext | Format-List | Out-String -Width 4096
            }

            foreach ($view in $views.GetEnumerator()) {
                Assert-NoSecret -Text $view.Value -Secret $needles -Source $view.Key
            }

            foreach ($token in $tokens) {
                $views['Format-Table of tokens'] | Should -Match ([regex]::Escape($token.Fingerprint))
            }
        }

        It 'shows the Fingerprint and a masked Token line in Format-List of a token' {
            $needles = @(Get-SecretNeedle)
            $token = Get-AuthToken -UserId 42

            $list = $token | Format-List | Out-String -Width 4096

            $list | Should -Match "(?m)^Fingerprint\s*:\s*$([regex]::Escape($token.Fingerprint))\s*$"
            $list | Should -Match '(?m)^Token\s*:\s*\*{8}'
            Assert-NoSecret -Text $list -Secret $needles -Source 'Format-List of a token'
        }

        It 'shows no secret for a <Kind> connection in Get-TokenAdminConnection | Format-Table, Format-List, Format-List * or JSON' -ForEach @(
            @{ Kind = 'Basic' }
            @{ Kind = 'Bearer' }
        ) {
            if ($Kind -eq 'Bearer') {
                Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -AccessToken $AdminAccessToken
            }
            else {
                Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -Credential $AdminCredential
            }

            $needles = @(Get-SecretNeedle)
            $connection = Get-TokenAdminConnection -Service Hdc
            $views = [ordered]@{
                'Format-Table'    = $connection | Format-Table | Out-String -Width 4096
                'Format-List'     = $connection | Format-List | Out-String -Width 4096
                'Format-List *'   = $connection | Format-List -Property * | Out-String -Width 4096
                'ConvertTo-Json'  = $connection | ConvertTo-Json -Depth 3
                'ToString()'      = $connection.ToString()
            }

            $views['Format-List'] | Should -Match "AuthenticationType\s*:\s*$Kind"
            foreach ($view in $views.GetEnumerator()) {
                Assert-NoSecret -Text $view.Value -Secret $needles -Source "$($view.Key) of a $Kind connection"
            }
        }
    }

    Context 'Errors' {
        It 'shows no secret in $Error, Get-Error or the exceptions'' properties' {
            $userFive = @(Get-AuthToken -UserId 5)
            $needles = @(Get-SecretNeedle)
            $Error.Clear()

            $failures = [System.Collections.Generic.List[object]]::new()
            try { Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -Credential $WrongCredential } catch { $failures.Add($_) }
            try { Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -AccessToken $WrongAccessTokenSecure } catch { $failures.Add($_) }
            $userFive | Remove-AuthToken -Confirm:$false
            $userFive | Remove-AuthToken -Confirm:$false -ErrorAction SilentlyContinue
            $userFive[0] | Set-AuthToken -Context ReadDocuments -ErrorAction SilentlyContinue
            Set-AuthToken -Token $userFive[1].Token -UserId 5 -Context ReadDocuments -ErrorAction SilentlyContinue
            New-AuthToken -UserId 777 -Context NoSuchContext -ErrorAction SilentlyContinue
            $echoed = Get-StateTokenValue -UserId 42
            $needles += [pscustomobject]@{ Name = 'the token value echoed by the failing service'; Value = $echoed }
            $echoBody = ConvertTo-Json -Compress -InputObject @{ success = $false; errorCode = 'INTERNAL_ERROR'; message = "Could not revoke token $echoed" }
            Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.delete' -Step @{ status = 500; body = $echoBody; contentType = 'application/json' }
            Remove-AuthToken -Token $echoed -Confirm:$false -ErrorAction SilentlyContinue

            $failures | Should -HaveCount 2
            $Error.Count | Should -BeGreaterOrEqual 8 -Because 'every failure above is recorded in $Error'
            $errorText = $Error | Out-String -Width 4096
            $getErrorText = Get-Error -Newest $Error.Count | Out-String -Width 4096
            $exceptionText = $Error | ForEach-Object -Process { $_.Exception | Format-List -Property * -Force } | Out-String -Width 4096
            $detailsText = $Error | ForEach-Object -Process { $_.ErrorDetails; $_.TargetObject; $_.CategoryInfo } | Out-String -Width 4096

            $getErrorText | Should -Match 'AuthTokenNotFound,TokenAdmin\.Hdc\.RemoveAuthTokenCommand' -Because 'Get-Error must have shown the errors'
            $getErrorText | Should -Match 'AuthenticationFailed,TokenAdmin\.Hdc\.ConnectAuthTokenServiceCommand'
            $getErrorText | Should -Match 'ServiceError,TokenAdmin\.Hdc\.RemoveAuthTokenCommand'
            Assert-NoSecret -Text $errorText -Secret $needles -Source '$Error | Out-String'
            Assert-NoSecret -Text $getErrorText -Secret $needles -Source 'Get-Error'
            Assert-NoSecret -Text $exceptionText -Secret $needles -Source 'the exceptions (Format-List * -Force)'
            Assert-NoSecret -Text $detailsText -Secret $needles -Source 'ErrorDetails, TargetObject and CategoryInfo'
        }
    }

    Context '-WhatIf' {
        It 'shows no secret in -WhatIf messages (captured with a transcript, since they go to the host)' {
            $needles = @(Get-SecretNeedle)
            $transcript = Join-Path $TestDrive 'whatif.txt'

            $null = Start-Transcript -LiteralPath $transcript -UseMinimalHeader
            try {
                Get-AuthToken | Remove-AuthToken -WhatIf
                Get-AuthToken | Set-AuthToken -Context ReadDocuments -WhatIf
                New-AuthToken -UserId 777 -Context ReadDocuments -WhatIf
            }
            finally {
                $null = Stop-Transcript
            }

            $text = Get-Content -LiteralPath $transcript -Raw
            $text | Should -Match 'What if:' -Because 'the transcript must have captured the -WhatIf messages'
            Assert-NoSecret -Text $text -Secret $needles -Source '-WhatIf messages'
        }
    }
}
