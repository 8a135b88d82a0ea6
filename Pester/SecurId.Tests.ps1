#Requires -Version 7.4
<#
    The RSA SecurID cmdlets of the BUILT module (out/TokenAdmin) against the emulator, as a user drives
    them: connecting with an API key file or the same values from a vault, key file defects, looking
    up and deleting hardware tokens, pipelines and CSV files, -WhatIf, the Help Desk role, retries and
    faults, and -Verbose/-Debug output. The emulator checks every JWT (RS256 signature, sub, aud, iat,
    exp). Every test starts from a fresh Super Administrator connection, an empty journal and the seed:
      000123456789  Enabled,  assigned to jdoe   ("John's token")
      000123456790  Enabled,  unassigned
      000987654321  Disabled, assigned to asmith ("Anna's token")
      000200000001 .. 000200000005  Enabled, unassigned (stock for deletions)
    The key files hold private keys, valid only while this emulator runs: tests pass their paths and
    compare with Find-TokenAdminEmulatorSecret, which names a leaked secret without printing it. Assertions that
    would print a text that might hold a secret come only after that text was found clean.
#>

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'EmulatorSupport.psm1') -Force
    $ModuleManifest = Get-TokenAdminModuleManifest
    $Emulator = Start-TokenAdminEmulator
    Import-Module -Name $ModuleManifest -Force
    $ProgressPreference = 'SilentlyContinue'

    $SuperAdministratorKey = Get-TokenAdminEmulatorSecurIdApiKey -Emulator $Emulator -Role SuperAdministrator
    $HelpDeskAdministratorKey = Get-TokenAdminEmulatorSecurIdApiKey -Emulator $Emulator -Role HelpDeskAdministrator
    # Every demo secret, including one needle per line of both private keys.
    $Needles = @(Get-TokenAdminEmulatorSecret -Emulator $Emulator)

    $LookupRoute = 'securid.tokens.lookup'
    $DeleteRoute = 'securid.tokens.delete'

    # A connection of its own for reading the tenant's state: handed out (-PassThru), so the
    # connections the tests make later never close it.
    $StateConnection = Connect-SecurIdAdmin -KeyFile $SuperAdministratorKey.KeyFile -PassThru

    function Test-SecurIdToken {
        <#
            True when the tenant still has the token, false when the lookup says 404. Reads through
            $StateConnection (the lookup is journaled: assert on the journal first).
        #>
        [CmdletBinding()]
        [OutputType([bool])]
        param(
            [Parameter(Mandatory)]
            [string] $SerialNumber
        )

        $found = @(Get-SecurIdHardwareToken -SerialNumber $SerialNumber -Connection $StateConnection -ErrorVariable lookupErrors -ErrorAction SilentlyContinue)
        if ($found.Count -eq 1) {
            return $true
        }

        if (@($lookupErrors).Count -eq 1 -and $lookupErrors[0].FullyQualifiedErrorId -like 'SecurIdTokenNotFound,*') {
            return $false
        }

        throw "Could not tell whether the SecurID token $SerialNumber exists: $(@($lookupErrors | ForEach-Object -Process { $_.FullyQualifiedErrorId }) -join ', ')"
    }

    function ConvertTo-CapturedText {
        <# Records captured with *>&1 as text: their default views plus the message of each verbose, debug, warning or information record. #>
        [CmdletBinding()]
        [OutputType([string])]
        param(
            [Parameter(Mandatory)]
            [AllowEmptyCollection()]
            [AllowNull()]
            [object[]] $Record
        )

        $messages = foreach ($item in $Record) {
            if ($item -is [System.Management.Automation.InformationalRecord]) {
                $item.Message
            }
            elseif ($item -is [System.Management.Automation.InformationRecord]) {
                "$($item.MessageData)"
            }
            elseif ($item -is [System.Management.Automation.ErrorRecord]) {
                # The concise error view shows only the message: add what the other views would.
                $item.FullyQualifiedErrorId
                "$($item.ErrorDetails)"
                $item.Exception.ToString()
            }
        }

        (@($Record | Out-String -Width 4096) + @($messages)) -join [System.Environment]::NewLine
    }

    function Assert-NoKeyMaterial {
        <# Fails naming (never printing) each demo secret in $Text; also fails on any JWT and any PEM header. #>
        [CmdletBinding()]
        param(
            [Parameter(Mandatory)]
            [AllowEmptyString()]
            [string] $Text,

            [Parameter(Mandatory)]
            [string] $Source
        )

        Find-TokenAdminEmulatorSecret -Text $Text -Secret $Needles | Should -BeNullOrEmpty -Because "$Source must not show any secret"
        $Text.Contains('eyJ') | Should -BeFalse -Because "$Source must not show a JWT (every JWT starts with eyJ, the base64url of '{`"')"
        $Text.Contains('PRIVATE KEY') | Should -BeFalse -Because "$Source must not show a PEM private key"
    }
}

AfterAll {
    Remove-TokenAdminTestSession -Emulator $Emulator
    Remove-Module -Name 'EmulatorSupport' -Force -ErrorAction SilentlyContinue
}

Describe 'SecurID cmdlets against the emulator' {
    BeforeEach {
        # Connect-SecurIdAdmin sends nothing (the key is checked locally), so one reset leaves the
        # seed data, no faults and an empty journal.
        Reset-TokenAdminEmulator -Emulator $Emulator
        $CurrentConnection = Connect-SecurIdAdmin -KeyFile $SuperAdministratorKey.KeyFile -PassThru
    }

    Context 'Connect-SecurIdAdmin' {
        It 'connects with a key file (-KeyFile): customer, URL, access id and role, and no key in any view' {
            $connection = Connect-SecurIdAdmin -KeyFile $SuperAdministratorKey.KeyFile -PassThru

            $views = [ordered]@{
                'Format-List'   = $connection | Format-List | Out-String -Width 4096
                'Format-List *' = $connection | Format-List -Property * | Out-String -Width 4096
                'Format-Table'  = $connection | Format-Table | Out-String -Width 4096
                'ToString()'    = $connection.ToString()
            }
            foreach ($view in $views.GetEnumerator()) {
                Assert-NoKeyMaterial -Text $view.Value -Source "$($view.Key) of the connection"
            }

            $connection | Should -BeOfType ([TokenAdmin.SecurIdConnection])
            $connection.Service | Should -Be 'SecurId'
            $connection.CustomerName | Should -Be 'TokenAdmin Demo'
            $connection.AdminRestApiUrl | Should -Be $SuperAdministratorKey.AdminRestApiUrl
            $connection.AccessId | Should -Be $SuperAdministratorKey.AccessId
            $connection.KeyRole | Should -Be 'SuperAdministrator'
            $connection.KeyFile | Should -Be $SuperAdministratorKey.KeyFile
            $connection.AuthenticationType | Should -Be 'JWT (RS256)'
            $connection.IsOpen | Should -BeTrue
            [object]::ReferenceEquals((Get-TokenAdminConnection -Service SecurId), $connection) | Should -BeTrue
            $views['Format-List'] | Should -Match 'CustomerName\s*:\s*TokenAdmin Demo'
            $views['Format-List'] | Should -Match "AccessId\s*:\s*$([regex]::Escape($SuperAdministratorKey.AccessId))"
            $views['Format-List'] | Should -Match 'KeyRole\s*:\s*SuperAdministrator'
            $views['Format-Table'] | Should -Match ([regex]::Escape($SuperAdministratorKey.AdminRestApiUrl))
            Get-TokenAdminEmulatorJournal -Emulator $Emulator | Should -BeNullOrEmpty -Because 'Connect-SecurIdAdmin checks the key locally; the service sees it on the first request'
        }

        It 'connects with -AccessId, -AccessKey (a SecureString) and -AdminRestApiUrl, and the JWTs it signs are accepted' {
            $connection = Connect-SecurIdAdmin -AccessId $SuperAdministratorKey.AccessId -AccessKey $SuperAdministratorKey.AccessKey -AdminRestApiUrl $SuperAdministratorKey.AdminRestApiUrl -PassThru

            Assert-NoKeyMaterial -Text ($connection | Format-List -Property * | Out-String -Width 4096) -Source 'Format-List * of the connection'
            $connection.AccessId | Should -Be $SuperAdministratorKey.AccessId
            $connection.AdminRestApiUrl | Should -Be $SuperAdministratorKey.AdminRestApiUrl
            $connection.KeyFile | Should -BeNullOrEmpty
            $connection.KeyRole | Should -Be 'Unknown' -Because 'without a key file there is no description to read the role from'

            $token = Get-SecurIdHardwareToken -SerialNumber '000123456789'

            $token.UserId | Should -Be 'jdoe'
            $lookups = @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName $LookupRoute)
            $lookups | Should -HaveCount 1
            $lookups[0].statusCode | Should -Be 200 -Because 'the emulator verified the JWT (signature, sub, aud, iat, exp)'
            $lookups[0].authScheme | Should -Be 'Bearer'
        }

        It 'stops with a terminating InvalidCredential error for <Defect>, naming the file and never the key' -ForEach @(
            @{ Defect = 'a missing file'; Expected = 'was not found' }
            @{ Defect = 'a file that is not JSON'; Expected = 'not valid JSON' }
            @{ Defect = 'a key file without accessID'; Expected = 'no "accessID"' }
            @{ Defect = 'a public key instead of the private key'; Expected = 'public key' }
            @{ Defect = 'an http:// adminRestApiUrl to another computer'; Expected = 'unencrypted http://' }
        ) {
            $path = Join-Path $TestDrive ('key-' + ($Defect -replace '[^A-Za-z0-9]+', '-') + '.json')
            $key = Get-Content -LiteralPath $SuperAdministratorKey.KeyFile -Raw | ConvertFrom-Json
            $content = switch ($Defect) {
                'a missing file' {
                    $null
                }
                'a file that is not JSON' {
                    '{ this is not json'
                }
                'a key file without accessID' {
                    $key.PSObject.Properties.Remove('accessID')
                    $key | ConvertTo-Json
                }
                'a public key instead of the private key' {
                    $rsa = [System.Security.Cryptography.RSA]::Create(2048)
                    try {
                        $key.accessKey = $rsa.ExportSubjectPublicKeyInfoPem()
                    }
                    finally {
                        $rsa.Dispose()
                    }

                    $key | ConvertTo-Json
                }
                'an http:// adminRestApiUrl to another computer' {
                    # Refused before anything is sent: no request ever leaves this computer.
                    $key.adminRestApiUrl = 'http://securid.example.invalid/AdminInterface/restapi'
                    $key | ConvertTo-Json
                }
            }
            if ($null -ne $content) {
                Set-Content -LiteralPath $path -Value $content -NoNewline
            }

            # Caught by hand, not with Should -Throw: that would print an unexpected error's message,
            # which is exactly what might hold key material.
            $failure = $null
            try {
                # -ErrorAction SilentlyContinue cannot silence a terminating error: reaching the catch proves it terminates.
                $null = Connect-SecurIdAdmin -KeyFile $path -ErrorAction SilentlyContinue
            }
            catch {
                $failure = $_
            }

            $failure | Should -Not -BeNullOrEmpty -Because 'a defective key file must stop the command'
            $text = ($failure | Out-String -Width 4096) + $failure.Exception.ToString() + "$($failure.ErrorDetails)"
            Assert-NoKeyMaterial -Text $text -Source "the error for $Defect"
            $failure.FullyQualifiedErrorId | Should -Be 'InvalidCredential,TokenAdmin.SecurId.ConnectSecurIdAdminCommand'
            $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failure.TargetObject | Should -Be $path
            $failure.Exception.Message.Contains($path) | Should -BeTrue -Because "the message should name the file: $($failure.Exception.Message)"
            $failure.Exception.Message | Should -BeLike "*$Expected*"
            [object]::ReferenceEquals((Get-TokenAdminConnection -Service SecurId), $CurrentConnection) | Should -BeTrue -Because 'a failed Connect keeps the current connection'
            Get-TokenAdminEmulatorJournal -Emulator $Emulator | Should -BeNullOrEmpty
        }

        It 'warns when the key file is readable by other users (chmod 644), and connects' -Skip:$IsWindows {
            $path = Join-Path $TestDrive 'world-readable-key.json'
            Copy-Item -LiteralPath $SuperAdministratorKey.KeyFile -Destination $path
            [System.IO.File]::SetUnixFileMode($path, [System.IO.UnixFileMode] 'UserRead, UserWrite, GroupRead, OtherRead')

            $connection = Connect-SecurIdAdmin -KeyFile $path -PassThru -WarningVariable warnings -WarningAction SilentlyContinue

            $warnings | Should -HaveCount 1
            Assert-NoKeyMaterial -Text $warnings[0].Message -Source 'the permission warning'
            $warnings[0].Message | Should -BeLike '*readable by other users (mode 0644)*'
            $warnings[0].Message | Should -BeLike '*chmod 600*'
            $warnings[0].Message.Contains($path) | Should -BeTrue -Because 'the warning should name the file'
            $connection.KeyFile | Should -Be $path
        }

        It 'connects with the emulator''s own key files (mode 0600) without a warning' {
            $null = Connect-SecurIdAdmin -KeyFile $HelpDeskAdministratorKey.KeyFile -WarningVariable warnings -WarningAction SilentlyContinue

            $warnings | Should -BeNullOrEmpty
            (Get-TokenAdminConnection -Service SecurId).KeyRole | Should -Be 'HelpDeskAdministrator'
        }
    }

    Context 'Get-SecurIdHardwareToken' {
        It 'looks up a token as a typed SecurIdHardwareToken whose dates are [datetimeoffset]' {
            $tokens = @(Get-SecurIdHardwareToken -SerialNumber '000123456789')

            $tokens | Should -HaveCount 1
            $token = $tokens[0]
            $token | Should -BeOfType ([TokenAdmin.SecurIdHardwareToken])
            $token.SerialNumber | Should -Be '000123456789'
            $token.DeviceType | Should -Be 'SecurID 700'
            $token.Status | Should -Be 'Enabled'
            $token.UserId | Should -Be 'jdoe'
            $token.AssignedBy | Should -Be 'admin@demo'
            $token.Name | Should -Be "John's token"
            $token.PinSet | Should -BeTrue
            $token.AssignedAt | Should -BeOfType ([datetimeoffset])
            $token.RegisteredDate | Should -BeOfType ([datetimeoffset])
            $token.ExpiryDate | Should -BeOfType ([datetimeoffset])
            $token.AssignedAt | Should -Be ([datetimeoffset]::new(2025, 3, 1, 9, 30, 0, [timespan]::Zero))
            $token.RegisteredDate | Should -Be ([datetimeoffset]::new(2024, 11, 4, 8, 15, 0, [timespan]::Zero))
            $token.ExpiryDate | Should -Be ([datetimeoffset]::new(2029, 10, 31, 0, 0, 0, [timespan]::Zero))
            $token.StatusChangedAt | Should -BeNullOrEmpty
            [object]::ReferenceEquals($token.Connection, $CurrentConnection) | Should -BeTrue

            $lookups = @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName $LookupRoute)
            $lookups | Should -HaveCount 1
            $lookups[0].method | Should -Be 'POST'
            $lookups[0].body | Should -Be '{"tokenSerialNumber":"000123456789"}'
            $lookups[0].authScheme | Should -Be 'Bearer'
            $lookups[0].statusCode | Should -Be 200
        }

        It 'shows <SerialNumber> as <Status> (<Description>)' -ForEach @(
            @{ SerialNumber = '000123456790'; Status = 'Enabled'; UserId = $null; StatusChanged = $false; Description = 'unassigned' }
            @{ SerialNumber = '000987654321'; Status = 'Disabled'; UserId = 'asmith'; StatusChanged = $true; Description = 'assigned to asmith, disabled on 2025-06-02' }
        ) {
            $token = Get-SecurIdHardwareToken -SerialNumber $SerialNumber

            $token.Status | Should -Be $Status
            if ($null -eq $UserId) {
                $token.UserId | Should -BeNullOrEmpty
                $token.AssignedAt | Should -BeNullOrEmpty
            }
            else {
                $token.UserId | Should -Be $UserId
            }

            if ($StatusChanged) {
                $token.StatusChangedAt | Should -Be ([datetimeoffset]::new(2025, 6, 2, 10, 45, 30, [timespan]::Zero))
            }
            else {
                $token.StatusChangedAt | Should -BeNullOrEmpty
            }
        }

        It 'writes SecurIdTokenNotFound for an unknown serial in the middle of a pipeline and goes on with the others' {
            $tokens = @('000123456790', '999999999999', '000987654321' | Get-SecurIdHardwareToken -ErrorVariable failures -ErrorAction SilentlyContinue)

            $tokens.SerialNumber | Should -Be @('000123456790', '000987654321')
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'SecurIdTokenNotFound,TokenAdmin.SecurId.GetSecurIdHardwareTokenCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be '999999999999'
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName $LookupRoute).statusCode | Should -Be @(200, 404, 200)
        }

        It 'lets a Help Desk Administrator key look tokens up' {
            $helpDesk = Connect-SecurIdAdmin -KeyFile $HelpDeskAdministratorKey.KeyFile -PassThru

            $token = Get-SecurIdHardwareToken -SerialNumber '000123456789' -Connection $helpDesk

            $token.UserId | Should -Be 'jdoe'
            $helpDesk.KeyRole | Should -Be 'HelpDeskAdministrator'
        }
    }

    Context 'Serial number validation' {
        It '<Command> refuses a serial of 37 characters while binding, before any request' -ForEach @(
            @{ Command = 'Get-SecurIdHardwareToken'; ClassName = 'GetSecurIdHardwareTokenCommand' }
            @{ Command = 'Remove-SecurIdHardwareToken'; ClassName = 'RemoveSecurIdHardwareTokenCommand' }
        ) {
            $parameters = @{ SerialNumber = '1' * 37 }
            if ($Command -eq 'Remove-SecurIdHardwareToken') {
                $parameters.Confirm = $false
            }

            # ValidateLength(1, 36): PowerShell refuses the argument before the cmdlet runs.
            $failure = { & $Command @parameters } |
                Should -Throw -ErrorId "ParameterArgumentValidationError,TokenAdmin.SecurId.$ClassName" -ExceptionType ([System.Management.Automation.ParameterBindingException]) -PassThru

            $failure.Exception.GetType().Name | Should -Be 'ParameterBindingValidationException'
            $failure.CategoryInfo.Category | Should -Be 'InvalidData'
            Get-TokenAdminEmulatorJournal -Emulator $Emulator | Should -BeNullOrEmpty
        }

        It 'accepts a serial of exactly 36 characters (the service answers 404 for it)' {
            $token = Get-SecurIdHardwareToken -SerialNumber ('1' * 36) -ErrorVariable failures -ErrorAction SilentlyContinue

            $token | Should -BeNullOrEmpty
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'SecurIdTokenNotFound,TokenAdmin.SecurId.GetSecurIdHardwareTokenCommand'
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName $LookupRoute) | Should -HaveCount 1
        }
    }

    Context 'Remove-SecurIdHardwareToken' {
        It 'deletes exactly the tokens of Get-SecurIdHardwareToken ... | Remove-SecurIdHardwareToken -Confirm:$false' {
            Get-SecurIdHardwareToken -SerialNumber '000200000001', '000200000002' | Remove-SecurIdHardwareToken -Confirm:$false

            $deletes = @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName $DeleteRoute)
            $deletes.statusCode | Should -Be @(200, 200)
            @($deletes.method | Sort-Object -Unique) | Should -Be @('DELETE')
            @($deletes.body | Sort-Object) | Should -Be @('{"tokenSerialNumber":"000200000001"}', '{"tokenSerialNumber":"000200000002"}')
            Test-SecurIdToken -SerialNumber '000200000001' | Should -BeFalse
            Test-SecurIdToken -SerialNumber '000200000002' | Should -BeFalse
            Test-SecurIdToken -SerialNumber '000200000003' | Should -BeTrue
        }

        It 'deletes the tokens of a CSV file with a TokenSerialNumber column (Import-Csv | Remove-SecurIdHardwareToken)' {
            $csv = Join-Path $TestDrive 'returned-tokens.csv'
            @(
                [pscustomobject]@{ TokenSerialNumber = '000200000003'; ReturnedBy = 'jdoe' }
                [pscustomobject]@{ TokenSerialNumber = '000200000004'; ReturnedBy = 'asmith' }
            ) | Export-Csv -LiteralPath $csv

            Import-Csv -LiteralPath $csv | Remove-SecurIdHardwareToken -Confirm:$false -ErrorAction Stop

            $deletes = @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName $DeleteRoute)
            $deletes.statusCode | Should -Be @(200, 200)
            @($deletes.body | Sort-Object) | Should -Be @('{"tokenSerialNumber":"000200000003"}', '{"tokenSerialNumber":"000200000004"}')
            Test-SecurIdToken -SerialNumber '000200000003' | Should -BeFalse
            Test-SecurIdToken -SerialNumber '000200000004' | Should -BeFalse
            Test-SecurIdToken -SerialNumber '000200000005' | Should -BeTrue
        }

        It 'writes a SecurIdTokenRemovalResult per deleted token with -PassThru' {
            $before = [datetimeoffset]::UtcNow.AddSeconds(-1)

            $results = @(Remove-SecurIdHardwareToken -SerialNumber '000123456789', '000200000005' -Confirm:$false -PassThru)

            $results | Should -HaveCount 2
            foreach ($result in $results) {
                $result | Should -BeOfType ([TokenAdmin.SecurIdTokenRemovalResult])
                $result.CustomerName | Should -Be 'TokenAdmin Demo'
                $result.RemovedAt | Should -BeOfType ([datetimeoffset])
                $result.RemovedAt | Should -BeGreaterOrEqual $before
            }

            @($results.SerialNumber | Sort-Object) | Should -Be @('000123456789', '000200000005')
            ($results | Where-Object -Property SerialNumber -EQ -Value '000123456789').UserId | Should -Be 'jdoe' -Because 'the result names the user the token was assigned to'
            ($results | Where-Object -Property SerialNumber -EQ -Value '000200000005').UserId | Should -BeNullOrEmpty
            Test-SecurIdToken -SerialNumber '000123456789' | Should -BeFalse
        }

        It 'writes nothing without -PassThru' {
            $output = Remove-SecurIdHardwareToken -SerialNumber '000200000001' -Confirm:$false

            $output | Should -BeNullOrEmpty
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName $DeleteRoute).statusCode | Should -Be @(200)
        }

        It 'sends nothing with -WhatIf' {
            $output = Remove-SecurIdHardwareToken -SerialNumber '000123456789', '000123456790' -WhatIf

            $output | Should -BeNullOrEmpty
            Get-TokenAdminEmulatorJournal -Emulator $Emulator | Should -BeNullOrEmpty
            Test-SecurIdToken -SerialNumber '000123456789' | Should -BeTrue
            Test-SecurIdToken -SerialNumber '000123456790' | Should -BeTrue
        }

        It 'writes SecurIdTokenNotFound for an unknown serial and deletes the others' {
            $removed = @('000200000001', '123', '000200000002' | Remove-SecurIdHardwareToken -Confirm:$false -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue)

            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'SecurIdTokenNotFound,TokenAdmin.SecurId.RemoveSecurIdHardwareTokenCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be '123'
            @($removed.SerialNumber | Sort-Object) | Should -Be @('000200000001', '000200000002')
        }

        It 'refuses every deletion with a Help Desk Administrator key: SecurIdPermissionDenied per serial, naming the Super Administrator role' {
            $helpDesk = Connect-SecurIdAdmin -KeyFile $HelpDeskAdministratorKey.KeyFile -PassThru

            $removed = '000123456789', '000123456790' |
                Remove-SecurIdHardwareToken -Connection $helpDesk -Confirm:$false -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

            $removed | Should -BeNullOrEmpty
            $failures | Should -HaveCount 2 -Because 'each serial gets its own error and the pipeline goes on'
            foreach ($failure in $failures) {
                $failure.FullyQualifiedErrorId | Should -Be 'SecurIdPermissionDenied,TokenAdmin.SecurId.RemoveSecurIdHardwareTokenCommand'
                $failure.CategoryInfo.Category | Should -Be 'PermissionDenied'
                $failure.ToString() | Should -BeLike '*Super Administrator*'
            }

            @($failures.TargetObject | Sort-Object) | Should -Be @('000123456789', '000123456790')
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName $DeleteRoute).statusCode | Should -Be @(403, 403)
            Test-SecurIdToken -SerialNumber '000123456789' | Should -BeTrue
            Test-SecurIdToken -SerialNumber '000123456790' | Should -BeTrue
        }
    }

    Context 'Retries and faults' {
        It 'retries <Route> after 429 with Retry-After: 1, waits that second, and succeeds' -ForEach @(
            @{ Route = 'securid.tokens.lookup' }
            @{ Route = 'securid.tokens.delete' }
        ) {
            Add-TokenAdminEmulatorFault -Emulator $Emulator -Route $Route -Step @{ status = 429; retryAfter = '1' }

            $removed = @(Get-SecurIdHardwareToken -SerialNumber '000200000001' -ErrorAction Stop | Remove-SecurIdHardwareToken -Confirm:$false -PassThru -ErrorAction Stop)

            $removed | Should -HaveCount 1
            $attempts = @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName $Route)
            $attempts.statusCode | Should -Be @(429, 200)
            $waited = ([datetimeoffset] $attempts[1].arrivedAt) - ([datetimeoffset] $attempts[0].completedAt)
            $waited.TotalMilliseconds | Should -BeGreaterOrEqual 900 -Because 'Retry-After: 1 asks for a one-second wait'
        }

        It 'reports RateLimited (LimitsExceeded) when the service still says 429 after -MaximumRetryCount 1' {
            $null = Connect-SecurIdAdmin -KeyFile $SuperAdministratorKey.KeyFile -MaximumRetryCount 1
            Add-TokenAdminEmulatorFault -Emulator $Emulator -Route $DeleteRoute -Step @{ status = 429; retryAfter = '1' }, @{ status = 429; retryAfter = '1' }

            $removed = Remove-SecurIdHardwareToken -SerialNumber '000200000002' -Confirm:$false -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

            $removed | Should -BeNullOrEmpty
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'RateLimited,TokenAdmin.SecurId.RemoveSecurIdHardwareTokenCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $failures[0].TargetObject | Should -Be '000200000002'
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName $DeleteRoute).statusCode | Should -Be @(429, 429)
            Test-SecurIdToken -SerialNumber '000200000002' | Should -BeTrue
        }

        It 'reports ServiceError quoting "Unable to complete service call" for a 500, without retrying' {
            Add-TokenAdminEmulatorFault -Emulator $Emulator -Route $DeleteRoute -Step @{ status = 500 }

            $removed = Remove-SecurIdHardwareToken -SerialNumber '000200000005' -Confirm:$false -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

            $removed | Should -BeNullOrEmpty
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'ServiceError,TokenAdmin.SecurId.RemoveSecurIdHardwareTokenCommand'
            $failures[0].TargetObject | Should -Be '000200000005'
            $failures[0].ToString() | Should -BeLike '*Unable to complete service call*'
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName $DeleteRoute).statusCode | Should -Be @(500)
            Test-SecurIdToken -SerialNumber '000200000005' | Should -BeTrue
        }
    }

    Context '-Verbose and -Debug' {
        It 'show the requests but no key material and no JWT' {
            $records = & {
                # Local to this script block: the preferences reach every command in it, nothing after.
                $VerbosePreference = 'Continue'
                $DebugPreference = 'Continue'
                $ErrorActionPreference = 'Continue' # the not-found and the refusal are captured, not thrown
                Connect-SecurIdAdmin -KeyFile $SuperAdministratorKey.KeyFile -PassThru -Verbose -Debug
                Get-SecurIdHardwareToken -SerialNumber '000123456789', '999999999999' -Verbose -Debug
                Remove-SecurIdHardwareToken -SerialNumber '000200000001' -Confirm:$false -PassThru -Verbose -Debug
                Connect-SecurIdAdmin -AccessId $SuperAdministratorKey.AccessId -AccessKey $SuperAdministratorKey.AccessKey -AdminRestApiUrl $SuperAdministratorKey.AdminRestApiUrl -Verbose -Debug
                Get-SecurIdHardwareToken -SerialNumber '000987654321' -Verbose -Debug
                Connect-SecurIdAdmin -KeyFile $HelpDeskAdministratorKey.KeyFile -Verbose -Debug
                Remove-SecurIdHardwareToken -SerialNumber '000200000002' -Confirm:$false -Verbose -Debug
            } *>&1

            $text = ConvertTo-CapturedText -Record $records

            $text.Contains("HTTP POST $($SuperAdministratorKey.AdminRestApiUrl)/v1/sidTokens/lookup") | Should -BeTrue -Because '-Verbose output must have been captured, or this test proves nothing'
            $text.Contains('HTTP request DELETE ') | Should -BeTrue -Because '-Debug output must have been captured, or this test proves nothing'
            $text.Contains('Authorization: REDACTED') | Should -BeTrue -Because 'the debug output shows the request headers, the Authorization header redacted'
            Assert-NoKeyMaterial -Text $text -Source '-Verbose and -Debug output'
            $refusals = @($records | Where-Object -FilterScript {
                    $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'SecurIdPermissionDenied,*'
                })
            $refusals | Should -HaveCount 1 -Because 'the Help Desk refusal (an error record) must have been captured too'
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName $DeleteRoute).statusCode | Should -Be @(200, 403)
        }
    }
}
