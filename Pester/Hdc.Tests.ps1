#Requires -Version 7.4
<#
    The HDC cmdlets of the BUILT module (out/TokenAdmin) against the emulator, as a user drives
    them: connecting, listing, creating, updating and revoking tokens, pipelines, -WhatIf, errors,
    retries and throttling. Every test starts from a fresh connection and the seed data:
      contexts 1 AddCommentToChangeRequest, 2 ReadDocuments, 3 UploadDocuments,
               4 ApproveChangeRequest, 5 ManageWorkOrders
      users    5 Grace Hopper, 42 Alan Turing, 12345 Ada Lovelace, 777 Katherine Johnson
      tokens   12345 [AddCommentToChangeRequest]; 5 [ReadDocuments, UploadDocuments];
               5 [ManageWorkOrders]; 42 [ReadDocuments]
    Token values are secrets even here: tests compare fingerprints, never print values.
#>

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'EmulatorSupport.psm1') -Force
    $ModuleManifest = Get-TokenAdminModuleManifest
    # --https: the -SkipCertificateCheck tests need the emulator's self-signed HTTPS listener.
    $Emulator = Start-TokenAdminEmulator -ArgumentList '--https'
    Import-Module -Name $ModuleManifest -Force

    $AdminCredential = Get-TokenAdminEmulatorHdcCredential -Emulator $Emulator -Role admin
    $ReaderCredential = Get-TokenAdminEmulatorHdcCredential -Emulator $Emulator -Role reader
    $AdminAccessToken = Get-TokenAdminEmulatorHdcAccessToken -Emulator $Emulator -Role admin
    $ProgressPreference = 'SilentlyContinue'

    function Connect-DemoAdmin {
        <# Connects as the demo administrator over http:// (loopback) and returns the connection. #>
        [CmdletBinding()]
        param(
            [int] $MaximumRetryCount = 4
        )

        Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -Credential $AdminCredential -MaximumRetryCount $MaximumRetryCount -PassThru
    }

    function Get-MaximumConcurrency {
        <# The most journaled requests that were in flight at the same moment. #>
        [CmdletBinding()]
        param(
            [Parameter(Mandatory)]
            [object[]] $Request
        )

        $maximum = 0
        foreach ($entry in $Request) {
            $start = [datetimeoffset] $entry.arrivedAt
            $inFlight = @($Request | Where-Object -FilterScript {
                    ([datetimeoffset] $_.arrivedAt) -le $start -and ([datetimeoffset] $_.completedAt) -gt $start
                }).Count
            if ($inFlight -gt $maximum) {
                $maximum = $inFlight
            }
        }

        $maximum
    }
}

AfterAll {
    Remove-TokenAdminTestSession -Emulator $Emulator
    Remove-Module -Name 'EmulatorSupport' -Force -ErrorAction SilentlyContinue
}

Describe 'HDC cmdlets against the emulator' {
    BeforeEach {
        # Reset (drops faults a previous test left queued), connect, reset again (empties the journal):
        # every test starts with a fresh current connection, the seed data and an empty journal.
        Reset-TokenAdminEmulator -Emulator $Emulator
        $CurrentConnection = Connect-DemoAdmin
        Reset-TokenAdminEmulator -Emulator $Emulator
    }

    Context 'Connect-AuthTokenService' {
        It 'connects with HTTP Basic (-Credential) and makes the connection current' {
            $connection = Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -Credential $AdminCredential -PassThru

            $connection | Should -BeOfType ([TokenAdmin.HdcConnection])
            $connection.Service | Should -Be 'Hdc'
            $connection.AuthenticationType | Should -Be 'Basic'
            $connection.UserName | Should -Be $AdminCredential.UserName
            $connection.BaseUri.AbsoluteUri | Should -Be $Emulator.Services.Hdc.BaseUri.AbsoluteUri
            $connection.IsOpen | Should -BeTrue
            [object]::ReferenceEquals((Get-TokenAdminConnection -Service Hdc), $connection) | Should -BeTrue

            $checks = @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.contexts.list')
            $checks | Should -HaveCount 1 -Because 'Connect proves URL and credentials with one cheap read'
            $checks[0].authScheme | Should -Be 'Basic'
            $checks[0].statusCode | Should -Be 200
        }

        It 'connects with a bearer access token (-AccessToken as a SecureString)' {
            $connection = Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -AccessToken $AdminAccessToken -PassThru

            $connection.AuthenticationType | Should -Be 'Bearer'
            $connection.UserName | Should -BeNullOrEmpty
            @(Get-AuthToken) | Should -HaveCount 4
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator).authScheme | Should -Be @('Bearer', 'Bearer')
        }

        It 'stops with a terminating AuthenticationFailed error on a wrong password, and keeps the current connection' {
            $wrongPassword = ConvertTo-SecureString -String 'Not-The-Passw0rd!' -AsPlainText -Force
            $wrongCredential = [pscredential]::new($AdminCredential.UserName, $wrongPassword)

            # -ErrorAction SilentlyContinue cannot silence a terminating error: the throw proves it terminates.
            $failure = { Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -Credential $wrongCredential -ErrorAction SilentlyContinue } |
                Should -Throw -ErrorId 'AuthenticationFailed,TokenAdmin.Hdc.ConnectAuthTokenServiceCommand' -PassThru

            $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $failure.Exception.StatusCode | Should -Be 401
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator).statusCode | Should -Be @(401) -Because 'a 401 is not retried'
            [object]::ReferenceEquals((Get-TokenAdminConnection -Service Hdc), $CurrentConnection) | Should -BeTrue
        }

        It 'refuses http:// to <TargetHost> (not this computer) before sending anything' -ForEach @(
            @{ TargetHost = 'hdc.example.invalid' }
            @{ TargetHost = '192.0.2.10' }
        ) {
            $baseUri = "http://$TargetHost/hdc/"

            # Had a request been tried, the error would be ConnectionFailed, not InvalidEndpoint.
            $failure = { Connect-AuthTokenService -BaseUri $baseUri -Credential $AdminCredential -MaximumRetryCount 0 -ErrorAction SilentlyContinue } |
                Should -Throw -ErrorId 'InvalidEndpoint,TokenAdmin.Hdc.ConnectAuthTokenServiceCommand' -PassThru

            $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failure.Exception.Message | Should -BeLike '*-AllowUnencryptedAuthentication*'
            Get-TokenAdminEmulatorJournal -Emulator $Emulator | Should -BeNullOrEmpty
            [object]::ReferenceEquals((Get-TokenAdminConnection -Service Hdc), $CurrentConnection) | Should -BeTrue
        }

        It 'warns that -SkipCertificateCheck trusts any certificate, then connects over HTTPS' {
            $connection = Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.HttpsBaseUri -Credential $AdminCredential -SkipCertificateCheck -PassThru -WarningVariable warnings -WarningAction SilentlyContinue

            $warnings | Should -HaveCount 1
            $warnings[0].Message | Should -BeLike '*-SkipCertificateCheck*'
            $connection.SkipCertificateCheck | Should -BeTrue
            $connection.BaseUri.Scheme | Should -Be 'https'
            @(Get-AuthToken -Connection $connection) | Should -HaveCount 4
        }

        It 'refuses the self-signed certificate without -SkipCertificateCheck (CertificateRejected)' {
            { Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.HttpsBaseUri -Credential $AdminCredential -MaximumRetryCount 0 -ErrorAction SilentlyContinue } |
                Should -Throw -ErrorId 'CertificateRejected,TokenAdmin.Hdc.ConnectAuthTokenServiceCommand'
        }

        It 'lets a reader list tokens but not create them (PermissionDenied)' {
            $reader = Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -Credential $ReaderCredential -PassThru

            @(Get-AuthToken -Connection $reader) | Should -HaveCount 4
            $created = New-AuthToken -Connection $reader -UserId 777 -Context ReadDocuments -ErrorVariable failures -ErrorAction SilentlyContinue

            $created | Should -BeNullOrEmpty
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'PermissionDenied,TokenAdmin.Hdc.NewAuthTokenCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
            @(Get-TokenAdminEmulatorHdcToken -Emulator $Emulator) | Should -HaveCount 4
        }
    }

    Context 'Get-AuthToken' {
        It 'lists the four seed tokens as typed AuthToken objects' {
            $tokens = @(Get-AuthToken)

            $tokens | Should -HaveCount 4
            foreach ($token in $tokens) {
                $token | Should -BeOfType ([TokenAdmin.AuthToken])
                $token.Fingerprint | Should -Match '^[0-9a-f]{12}$'
                $token.LastUpdate | Should -BeOfType ([datetimeoffset])
                $token.Connection.BaseUri.AbsoluteUri | Should -Be $Emulator.Services.Hdc.BaseUri.AbsoluteUri
            }

            @($tokens.UserId | Sort-Object) | Should -Be @(5, 5, 42, 12345)
            $ada = $tokens | Where-Object -Property UserId -EQ -Value 12345
            $ada.UserFullName | Should -Be 'Ada Lovelace'
            $ada.Context | Should -Be @('AddCommentToChangeRequest')
            $ada.ContextCode | Should -Be @(1)
        }

        It 'carries the fingerprint of the value the service holds (first 12 hex digits of SHA-256)' {
            $expected = @(Get-TokenAdminEmulatorHdcToken -Emulator $Emulator | ForEach-Object -Process { ConvertTo-TokenAdminFingerprint -Token $_.token } | Sort-Object)

            @((Get-AuthToken).Fingerprint | Sort-Object) | Should -Be $expected
        }

        It 'filters -UserId <UserId>' -ForEach @(
            @{ UserId = @(5); Expected = @(5, 5) }
            @{ UserId = @(5, 42); Expected = @(5, 5, 42) }
            @{ UserId = @(777); Expected = @() }
        ) {
            @(Get-AuthToken -UserId $UserId).UserId | Sort-Object | Should -Be $Expected
        }

        It 'filters -Context <Context> (names with wildcards, any case, or codes)' -ForEach @(
            @{ Context = @('ReadDocuments'); Expected = @(5, 42) }
            @{ Context = @('read*'); Expected = @(5, 42) }
            @{ Context = @('*ChangeRequest'); Expected = @(12345) }
            @{ Context = @('Upload*', 'Manage*'); Expected = @(5, 5) }
            @{ Context = @('5'); Expected = @(5) }
            @{ Context = @('NoSuch*'); Expected = @() }
        ) {
            @(Get-AuthToken -Context $Context).UserId | Sort-Object | Should -Be $Expected
        }

        It 'takes user ids from the pipeline by property name and lists only once' {
            $tokens = @([pscustomobject]@{ UserId = 42 }, [pscustomobject]@{ UserId = 12345 } | Get-AuthToken)

            @($tokens.UserId | Sort-Object) | Should -Be @(42, 12345)
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.list') | Should -HaveCount 1
        }
    }

    Context 'Get-AuthTokenContext' {
        It 'lists the five contexts in code order' {
            $contexts = @(Get-AuthTokenContext)

            $contexts | Should -HaveCount 5
            $contexts[0] | Should -BeOfType ([TokenAdmin.AuthTokenContext])
            $contexts.Code | Should -Be @(1, 2, 3, 4, 5)
            $contexts.Name | Should -Be @('AddCommentToChangeRequest', 'ReadDocuments', 'UploadDocuments', 'ApproveChangeRequest', 'ManageWorkOrders')
        }

        It 'filters -Name <Name>' -ForEach @(
            @{ Name = @('Read*'); Expected = @('ReadDocuments') }
            @{ Name = @('*ChangeRequest'); Expected = @('AddCommentToChangeRequest', 'ApproveChangeRequest') }
            @{ Name = @('uploaddocuments'); Expected = @('UploadDocuments') }
            @{ Name = @('NoSuch*'); Expected = @() }
        ) {
            @(Get-AuthTokenContext -Name $Name -ErrorAction Stop).Name | Should -Be $Expected
        }

        It 'writes AuthTokenContextNotFound for an exact name that does not exist, and goes on with the others' {
            $contexts = @(Get-AuthTokenContext -Name 'NoSuchContext', 'ReadDocuments' -ErrorVariable failures -ErrorAction SilentlyContinue)

            $contexts.Name | Should -Be @('ReadDocuments')
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'AuthTokenContextNotFound,TokenAdmin.Hdc.GetAuthTokenContextCommand'
            $failures[0].TargetObject | Should -Be 'NoSuchContext'
        }
    }

    Context 'New-AuthToken' {
        It 'creates a token from context <Description> and returns it' -ForEach @(
            @{ Description = 'names'; Context = @('ReadDocuments', 'UploadDocuments') }
            @{ Description = 'names in another case'; Context = @('readdocuments', 'UPLOADDOCUMENTS') }
            @{ Description = 'codes'; Context = @(2, 3) }
        ) {
            $before = @(Get-TokenAdminEmulatorHdcToken -Emulator $Emulator)

            $created = @(New-AuthToken -UserId 777 -Context $Context)

            $created | Should -HaveCount 1
            $created[0] | Should -BeOfType ([TokenAdmin.AuthToken])
            $created[0].UserId | Should -Be 777
            $created[0].UserFullName | Should -Be 'Katherine Johnson'
            $created[0].Context | Should -Be @('ReadDocuments', 'UploadDocuments')
            $created[0].ContextCode | Should -Be @(2, 3)

            $after = @(Get-TokenAdminEmulatorHdcToken -Emulator $Emulator)
            $after | Should -HaveCount ($before.Count + 1)
            $added = @($after | Where-Object -FilterScript { $_.token -notin $before.token })
            $added | Should -HaveCount 1
            $added[0].userId | Should -Be 777
            $created[0].Fingerprint | Should -Be (ConvertTo-TokenAdminFingerprint -Token $added[0].token) -Because 'New-AuthToken returns the token the service created'
            (Get-AuthToken -UserId 777).Fingerprint | Should -Be $created[0].Fingerprint
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.create') | Should -HaveCount 1
        }

        It 'writes InvalidAuthTokenContext for an unknown context and sends no create request' {
            $created = New-AuthToken -UserId 777 -Context 'ReadDocuments', 'NoSuchContext' -ErrorVariable failures -ErrorAction SilentlyContinue

            $created | Should -BeNullOrEmpty
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'InvalidAuthTokenContext,TokenAdmin.Hdc.NewAuthTokenCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failures[0].Exception.Message | Should -BeLike "*'NoSuchContext'*"
            Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.create' | Should -BeNullOrEmpty
            @(Get-TokenAdminEmulatorHdcToken -Emulator $Emulator) | Should -HaveCount 4
        }

        It 'creates tokens from CSV rows (UserId and Context bind by property name)' {
            $csv = Join-Path $TestDrive 'new-tokens.csv'
            @(
                [pscustomobject]@{ UserId = 777; Context = 'ReadDocuments' }
                [pscustomobject]@{ UserId = 42; Context = 'ApproveChangeRequest' }
            ) | Export-Csv -LiteralPath $csv

            $created = @(Import-Csv -LiteralPath $csv | New-AuthToken)

            $created | Should -HaveCount 2
            @($created.UserId | Sort-Object) | Should -Be @(42, 777)
            ($created | Where-Object -Property UserId -EQ -Value 42).Context | Should -Be @('ApproveChangeRequest')
            @(Get-TokenAdminEmulatorHdcToken -Emulator $Emulator) | Should -HaveCount 6
        }
    }

    Context 'Set-AuthToken' {
        It 'binds Token, UserId and Connection by property name: Get-AuthToken | Set-AuthToken -Context X' {
            $updated = @(Get-AuthToken | Set-AuthToken -Context 'ApproveChangeRequest' -PassThru)

            $updated | Should -HaveCount 4
            $updated.Context | Should -Be (@('ApproveChangeRequest') * 4)
            $state = @(Get-TokenAdminEmulatorHdcToken -Emulator $Emulator)
            @($state.userId | Sort-Object) | Should -Be @(5, 5, 42, 12345) -Because 'each token keeps the owner bound from its UserId'
            foreach ($token in $state) {
                $token.context.name | Should -Be @('ApproveChangeRequest')
            }

            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.update') | Should -HaveCount 4
        }

        It 'moves a token to another user with -UserId' {
            $token = Get-AuthToken -UserId 42

            $updated = Set-AuthToken -Token $token.Token -UserId 777 -Context ReadDocuments -PassThru

            $updated.UserId | Should -Be 777
            $updated.Fingerprint | Should -Be $token.Fingerprint
            (Get-TokenAdminEmulatorHdcToken -Emulator $Emulator | Where-Object -Property userId -EQ -Value 777).context.name | Should -Be @('ReadDocuments')
        }
    }

    Context 'Remove-AuthToken' {
        It 'removes exactly the two tokens of Get-AuthToken -UserId 5 | Remove-AuthToken -Confirm:$false' {
            Get-AuthToken -UserId 5 | Remove-AuthToken -Confirm:$false

            @((Get-TokenAdminEmulatorHdcToken -Emulator $Emulator).userId | Sort-Object) | Should -Be @(42, 12345)
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.delete').statusCode | Should -Be @(204, 204)
        }

        It 'writes an AuthTokenRemovalResult per revoked token with -PassThru' {
            $tokens = @(Get-AuthToken -UserId 5)

            $results = @($tokens | Remove-AuthToken -Confirm:$false -PassThru)

            $results | Should -HaveCount 2
            $results[0] | Should -BeOfType ([TokenAdmin.AuthTokenRemovalResult])
            @($results.Fingerprint | Sort-Object) | Should -Be @($tokens.Fingerprint | Sort-Object)
            $results[0].BaseUri.AbsoluteUri | Should -Be $Emulator.Services.Hdc.BaseUri.AbsoluteUri
        }

        It 'removes the tokens of a CSV file with a Token column (Import-Csv | Remove-AuthToken)' {
            $csv = Join-Path $TestDrive 'revoke.csv'
            Get-TokenAdminEmulatorHdcToken -Emulator $Emulator |
                Where-Object -FilterScript { $_.userId -in 42, 12345 } |
                Select-Object -Property @{ Name = 'Token'; Expression = { $_.token } }, @{ Name = 'Reason'; Expression = { "offboarding user $($_.userId)" } } |
                Export-Csv -LiteralPath $csv

            Import-Csv -LiteralPath $csv | Remove-AuthToken -Confirm:$false

            @((Get-TokenAdminEmulatorHdcToken -Emulator $Emulator).userId) | Should -Be @(5, 5)
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.delete') | Should -HaveCount 2
        }

        It 'writes one AuthTokenNotFound error for an unknown token in the middle of a pipeline and removes the others' {
            $tokens = @(Get-AuthToken -UserId 5, 42)
            $unknown = 'no-such-token-0123456789abcdef'
            $values = @($tokens[0].Token, $unknown, $tokens[1].Token, $tokens[2].Token)

            $removed = @($values | Remove-AuthToken -Confirm:$false -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue)

            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'AuthTokenNotFound,TokenAdmin.Hdc.RemoveAuthTokenCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be (ConvertTo-TokenAdminFingerprint -Token $unknown) -Because 'errors name tokens by fingerprint'
            $removed | Should -HaveCount 3
            @((Get-TokenAdminEmulatorHdcToken -Emulator $Emulator).userId) | Should -Be @(12345)
        }

        It 'refuses -ThrottleLimit <ThrottleLimit> before sending anything' -ForEach @(
            @{ ThrottleLimit = 0 }
            @{ ThrottleLimit = 65 }
        ) {
            $token = Get-AuthToken -UserId 42

            { Remove-AuthToken -Token $token.Token -ThrottleLimit $ThrottleLimit -Confirm:$false } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,TokenAdmin.Hdc.RemoveAuthTokenCommand'
            Get-TokenAdminEmulatorJournal -Emulator $Emulator -Method 'DELETE' | Should -BeNullOrEmpty
        }

        It 'keeps at most -ThrottleLimit <ThrottleLimit> revocations in flight' -ForEach @(
            @{ ThrottleLimit = 1 }
            @{ ThrottleLimit = 3 }
        ) {
            # Each DELETE takes 200 ms on the server, so requests in flight together overlap in the journal.
            Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.delete' -LatencyMs 200

            Get-AuthToken | Remove-AuthToken -ThrottleLimit $ThrottleLimit -Confirm:$false -ErrorAction Stop

            $deletes = @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.delete')
            $deletes.statusCode | Should -Be @(204, 204, 204, 204)
            Get-MaximumConcurrency -Request $deletes | Should -BeLessOrEqual $ThrottleLimit -Because "reaching the limit depends on scheduling; exceeding it never may"
            Get-TokenAdminEmulatorHdcToken -Emulator $Emulator | Should -BeNullOrEmpty
        }
    }

    Context '-WhatIf' {
        It '<Command> -WhatIf sends no change request' -ForEach @(
            @{ Command = 'New-AuthToken' }
            @{ Command = 'Set-AuthToken' }
            @{ Command = 'Remove-AuthToken' }
        ) {
            $token = Get-AuthToken -UserId 42
            $parameters = switch ($Command) {
                'New-AuthToken' { @{ UserId = 777; Context = 'ReadDocuments' } }
                'Set-AuthToken' { @{ Token = $token.Token; Context = 'UploadDocuments' } }
                'Remove-AuthToken' { @{ Token = $token.Token } }
            }

            $output = & $Command @parameters -WhatIf

            $output | Should -BeNullOrEmpty
            Get-TokenAdminEmulatorJournal -Emulator $Emulator -Method 'POST', 'PUT', 'DELETE' | Should -BeNullOrEmpty
            $state = @(Get-TokenAdminEmulatorHdcToken -Emulator $Emulator)
            $state | Should -HaveCount 4
            ($state | Where-Object -Property userId -EQ -Value 42).context.name | Should -Be @('ReadDocuments')
        }
    }

    Context 'Retries and faults' {
        It 'retries <Route> after 429 with Retry-After: 1, waits that second, and succeeds' -ForEach @(
            @{ Route = 'hdc.tokens.list'; SuccessStatus = 200 }
            @{ Route = 'hdc.tokens.delete'; SuccessStatus = 204 }
        ) {
            Add-TokenAdminEmulatorFault -Emulator $Emulator -Route $Route -Step @{ status = 429; retryAfter = '1' }

            $removed = @(Get-AuthToken -UserId 42 -ErrorAction Stop | Remove-AuthToken -Confirm:$false -PassThru -ErrorAction Stop)

            $removed | Should -HaveCount 1
            $attempts = @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName $Route)
            $attempts.statusCode | Should -Be @(429, $SuccessStatus)
            $waited = ([datetimeoffset] $attempts[1].arrivedAt) - ([datetimeoffset] $attempts[0].completedAt)
            $waited.TotalMilliseconds | Should -BeGreaterOrEqual 900 -Because 'Retry-After: 1 asks for a one-second wait'
        }

        It 'retries a DELETE whose connection was aborted (repeating it is harmless) and succeeds' {
            Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.delete' -Step @{ abort = $true }

            Get-AuthToken -UserId 42 | Remove-AuthToken -Confirm:$false -ErrorAction Stop

            $attempts = @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.delete')
            $attempts | Should -HaveCount 2
            $attempts[0].aborted | Should -BeTrue
            $attempts[1].statusCode | Should -Be 204
        }

        It 'reports RateLimited (LimitsExceeded) when the service still says 429 and no retry is left' {
            $connection = Connect-DemoAdmin -MaximumRetryCount 0
            Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.list' -Step @{ status = 429; retryAfter = '1' }

            $tokens = Get-AuthToken -Connection $connection -ErrorVariable failures -ErrorAction SilentlyContinue

            $tokens | Should -BeNullOrEmpty
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'RateLimited,TokenAdmin.Hdc.GetAuthTokenCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.list') | Should -HaveCount 1
        }

        It 'gives ServiceUnavailable after 1 + MaximumRetryCount attempts when the service keeps answering 503' {
            $connection = Connect-DemoAdmin -MaximumRetryCount 1
            Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.list' -Step (1..6 | ForEach-Object -Process { @{ status = 503 } })

            $tokens = Get-AuthToken -Connection $connection -ErrorVariable failures -ErrorAction SilentlyContinue

            $tokens | Should -BeNullOrEmpty
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'ServiceUnavailable,TokenAdmin.Hdc.GetAuthTokenCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
            $failures[0].Exception.Attempts | Should -Be 2
            @(Get-TokenAdminEmulatorJournal -Emulator $Emulator -RouteName 'hdc.tokens.list').statusCode | Should -Be @(503, 503)
        }
    }

    Context 'Disconnect-TokenAdmin' {
        It 'forgets the connection: Get-AuthToken then stops with a terminating NotConnected error' {
            Disconnect-TokenAdmin

            Get-TokenAdminConnection | Should -BeNullOrEmpty
            { Get-AuthToken -ErrorAction SilentlyContinue } |
                Should -Throw -ErrorId 'NotConnected,TokenAdmin.Hdc.GetAuthTokenCommand'
            Get-TokenAdminEmulatorJournal -Emulator $Emulator | Should -BeNullOrEmpty
        }

        It 'closes the connection object: using it later stops with ConnectionClosed' {
            Disconnect-TokenAdmin

            $CurrentConnection.IsOpen | Should -BeFalse
            { Get-AuthToken -Connection $CurrentConnection -ErrorAction SilentlyContinue } |
                Should -Throw -ErrorId 'ConnectionClosed,TokenAdmin.Hdc.GetAuthTokenCommand'
        }

        It 'takes -Service from Get-TokenAdminConnection by property name' {
            Get-TokenAdminConnection | Disconnect-TokenAdmin

            Get-TokenAdminConnection | Should -BeNullOrEmpty
        }
    }
}
