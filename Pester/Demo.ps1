#Requires -Version 7.4
<#
.SYNOPSIS
    A short, scripted tour of TokenAdmin's HDC cmdlets against a running emulator.

.DESCRIPTION
    build.ps1 -Task Demo starts the emulator and runs this script in a child pwsh. To run it by
    hand, start the emulator (tokenadmin-emulator, or dotnet run --project src/TokenAdmin.Emulator) and pass its HDC base
    URL, e.g. -BaseUri http://127.0.0.1:5080/hdc/.

    It connects as the emulator's demo administrator, lists connections, contexts and tokens,
    creates, updates and revokes tokens, shows -WhatIf and a caught error, and disconnects.
    Tokens appear only as their fingerprints: nothing here prints a password or a token value.

    Then, when the emulator names its RSA SecurID demo API key files (GET /_emulator, on the same
    host as -BaseUri), a short SecurID part: connect with the Super Administrator key file, look up
    two hardware tokens, delete one, and show the error a Help Desk Administrator key gets for a
    deletion. It prints key file paths, never their content. Against anything else (a real HDC
    tenant) that part is skipped.

    Last, with SecurID and apstrata there, offboarding two leavers with Revoke-TokenAdminUserAccess
    (-WhatIf first, then unattended, one failing) while the audit log records every change.

    The tour changes the emulator's state; POST /_emulator/reset restores the seed data.

.PARAMETER BaseUri
    The HDC base URL of the emulator (its base URL + 'hdc/').

.PARAMETER ModulePath
    The module to import. Default: the built module, out/TokenAdmin/TokenAdmin.psd1.

.PARAMETER Credential
    The account to connect with. Default: the emulator's demo administrator.

.EXAMPLE
    ./Pester/Demo.ps1 -BaseUri http://127.0.0.1:5080/hdc/
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [uri] $BaseUri,

    [ValidateNotNullOrEmpty()]
    [string] $ModulePath = (Join-Path (Split-Path -Parent $PSScriptRoot) 'out/TokenAdmin/TokenAdmin.psd1'),

    [pscredential] $Credential
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$script:StepNumber = 0

function Write-Step {
    <# Announces one step of the tour: a numbered title and the command about to run. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Title,

        [string] $Command
    )

    $script:StepNumber++
    Write-Host ''
    Write-Host ("[{0}] {1}" -f $script:StepNumber, $Title) -ForegroundColor Cyan
    if ($Command) {
        Write-Host "PS> $Command" -ForegroundColor DarkGray
    }
}

function Get-DemoEmulatorInfo {
    <#
        What the emulator on -BaseUri's host says about itself (GET /_emulator: services, demo
        credentials, key files), read once for every section of the tour; $null when there is no
        emulator there, and the sections that need it are left out.
    #>
    [CmdletBinding()]
    [OutputType([psobject])]
    param(
        [Parameter(Mandatory)]
        [uri] $BaseUri
    )

    $adminUri = [uri]::new($BaseUri, '/_emulator')
    try {
        Invoke-RestMethod -Method Get -Uri $adminUri -NoProxy -TimeoutSec 10 -ErrorAction Stop
    }
    catch {
        Write-Verbose "No emulator answers at ${adminUri}: $($_.Exception.Message)"
        $null
    }
}

function Find-DemoSecurIdKeyFile {
    <#
        The SecurID demo API key files the emulator lists, as a hashtable role name ('Super
        Administrator', 'Help Desk Administrator') -> path; $null when it lists none.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [psobject] $Info
    )

    $keyFiles = @{}
    foreach ($service in @($Info.services | Where-Object -FilterScript { $_.key -eq 'securid' })) {
        foreach ($credential in @($service.credentials)) {
            $values = $credential.values
            if ($values.PSObject.Properties.Name -contains 'keyFile' -and (Test-Path -LiteralPath $values.keyFile -PathType Leaf)) {
                $keyFiles[[string] $credential.role] = [string] $values.keyFile
            }
        }
    }

    if ($keyFiles.Count -eq 0) {
        return $null
    }

    $keyFiles
}

if (-not (Test-Path -LiteralPath $ModulePath -PathType Leaf)) {
    throw "The module is not built ($ModulePath). Run ./build.ps1 first, or pass -ModulePath."
}

if ($null -eq $Credential) {
    # The emulator's demo administrator (src/TokenAdmin.Emulator/Hdc/HdcDemoCredentials.cs). Its password
    # is public by design, which is the only reason a SecureString may be built from plain text
    # here; real scripts get credentials from Get-Credential or a secret store.
    $demoPassword = ConvertTo-SecureString -String 'Hdc-Demo-Passw0rd!' -AsPlainText -Force
    $Credential = [pscredential]::new('demo.admin', $demoPassword)
}

Write-Host 'TokenAdmin: a tour of the bim.cloud HDC cmdlets' -ForegroundColor Green
Write-Host "Service: $BaseUri (the TokenAdmin emulator)"

Import-Module -Name $ModulePath -Force
# The demo accounts are read from the emulator's description by the same helpers the Pester suite uses.
Import-Module -Name (Join-Path $PSScriptRoot 'EmulatorSupport.psm1') -Force

Write-Step -Title "Connect as $($Credential.UserName) (HTTP Basic; the password never leaves the PSCredential)" `
    -Command "Connect-AuthTokenService -BaseUri $BaseUri -Credential `$credential"
Connect-AuthTokenService -BaseUri $BaseUri -Credential $Credential
try {
    Write-Step -Title 'The current connection: where and as whom, never a secret' -Command 'Get-TokenAdminConnection'
    Get-TokenAdminConnection | Format-Table -AutoSize | Out-Host

    Write-Step -Title 'The contexts (named operations) a token can be scoped to' -Command 'Get-AuthTokenContext | Format-Table'
    Get-AuthTokenContext | Format-Table -AutoSize | Out-Host

    Write-Step -Title 'Every token; each shows as its fingerprint, never its value' -Command 'Get-AuthToken | Format-Table'
    Get-AuthToken | Format-Table -AutoSize | Out-Host

    Write-Step -Title 'Create a token for Katherine Johnson (user 777), contexts by name' `
        -Command 'New-AuthToken -UserId 777 -Context ReadDocuments, UploadDocuments'
    $newToken = New-AuthToken -UserId 777 -Context ReadDocuments, UploadDocuments
    if ($null -eq $newToken) {
        throw 'New-AuthToken accepted the request but could not identify the new token (see its warning above); the tour cannot go on.'
    }

    $newToken | Format-Table -AutoSize | Out-Host

    Write-Step -Title 'Rescope that token: piped, it binds -Token, -UserId and -Connection by property name' `
        -Command '$newToken | Set-AuthToken -Context ApproveChangeRequest -PassThru'
    $newToken | Set-AuthToken -Context ApproveChangeRequest -PassThru | Format-Table -AutoSize | Out-Host

    Write-Step -Title "Revoke all of Grace Hopper's (user 5) tokens" `
        -Command 'Get-AuthToken -UserId 5 | Remove-AuthToken -Confirm:$false -PassThru'
    # Tee-Object keeps the revoked tokens in $userFiveTokens for the error demonstrated below.
    $userFiveTokens = @()
    Get-AuthToken -UserId 5 |
        Tee-Object -Variable userFiveTokens |
        Remove-AuthToken -Confirm:$false -PassThru |
        Format-Table -AutoSize |
        Out-Host
    $userFiveTokens = @($userFiveTokens)

    Write-Step -Title 'Preview a revocation with -WhatIf: nothing is sent' `
        -Command 'Get-AuthToken -UserId 42 | Remove-AuthToken -WhatIf'
    Get-AuthToken -UserId 42 | Remove-AuthToken -WhatIf

    Write-Step -Title 'Revoke a token that is already gone: a non-terminating error with a stable ErrorId' `
        -Command '$userFiveTokens[0] | Remove-AuthToken -Confirm:$false -ErrorAction Stop   # inside try/catch'
    try {
        $userFiveTokens[0] | Remove-AuthToken -Confirm:$false -ErrorAction Stop
        Write-Host 'Unexpected: the token was removed twice.' -ForegroundColor Yellow
    }
    catch {
        Write-Host "  FullyQualifiedErrorId : $($_.FullyQualifiedErrorId)"
        Write-Host "  Category              : $($_.CategoryInfo.Category)"
        Write-Host "  Exception.Message     : $($_.Exception.Message)"
        if ($null -ne $_.ErrorDetails -and $_.ErrorDetails.RecommendedAction) {
            Write-Host "  RecommendedAction     : $($_.ErrorDetails.RecommendedAction)"
        }
    }

    Write-Step -Title 'The tokens now' -Command 'Get-AuthToken | Format-Table'
    Get-AuthToken | Format-Table -AutoSize | Out-Host
}
finally {
    Write-Step -Title 'Disconnect (forgets and closes the connection)' -Command 'Disconnect-TokenAdmin'
    Disconnect-TokenAdmin
}

$emulatorInfo = Get-DemoEmulatorInfo -BaseUri $BaseUri
$securIdKeyFiles = Find-DemoSecurIdKeyFile -Info $emulatorInfo
$superAdministratorKeyFile = if ($null -ne $securIdKeyFiles) { $securIdKeyFiles['Super Administrator'] } else { $null }
if (-not $superAdministratorKeyFile) {
    Write-Host ''
    Write-Host 'RSA SecurID: skipped (no emulator SecurID key files found at this host''s /_emulator).' -ForegroundColor DarkGray
}
else {
    Write-Host ''
    Write-Host 'TokenAdmin: RSA SecurID hardware tokens' -ForegroundColor Green

    Write-Step -Title 'Connect with the Super Administrator API key file (every request then carries a JWT signed with its key)' `
        -Command "Connect-SecurIdAdmin -KeyFile '$superAdministratorKeyFile' -PassThru"
    Connect-SecurIdAdmin -KeyFile $superAdministratorKeyFile -PassThru | Out-Host   # a list: a table cannot hold it at 80 columns
    try {
        Write-Step -Title 'Look up two hardware tokens by the serial numbers printed on their backs' `
            -Command "Get-SecurIdHardwareToken -SerialNumber '000123456789', '000987654321'"
        Get-SecurIdHardwareToken -SerialNumber '000123456789', '000987654321' | Format-Table -AutoSize | Out-Host

        Write-Step -Title 'Delete an unassigned token' `
            -Command "Remove-SecurIdHardwareToken -SerialNumber '000200000001' -Confirm:`$false -PassThru"
        Remove-SecurIdHardwareToken -SerialNumber '000200000001' -Confirm:$false -PassThru | Format-Table -AutoSize | Out-Host

        $helpDeskKeyFile = $securIdKeyFiles['Help Desk Administrator']
        if ($helpDeskKeyFile) {
            Write-Step -Title 'A Help Desk Administrator key may look tokens up but not delete them: the service answers 403' `
                -Command "Connect-SecurIdAdmin -KeyFile '$helpDeskKeyFile'; Remove-SecurIdHardwareToken -SerialNumber '000123456790' -Confirm:`$false -ErrorAction Stop   # inside try/catch"
            Connect-SecurIdAdmin -KeyFile $helpDeskKeyFile
            try {
                Remove-SecurIdHardwareToken -SerialNumber '000123456790' -Confirm:$false -ErrorAction Stop
                Write-Host 'Unexpected: a Help Desk Administrator key deleted a token.' -ForegroundColor Yellow
            }
            catch {
                Write-Host "  FullyQualifiedErrorId : $($_.FullyQualifiedErrorId)"
                Write-Host "  Category              : $($_.CategoryInfo.Category)"
                Write-Host "  Message               : $($_.ToString())"
            }
        }
    }
    finally {
        Write-Step -Title 'Disconnect from SecurID' -Command 'Disconnect-TokenAdmin -Service SecurId'
        Disconnect-TokenAdmin -Service SecurId
    }
}

$powerClerk = if ($emulatorInfo -and @($emulatorInfo.services.key) -contains 'powerclerk') { Get-TokenAdminEmulatorPowerClerkAccount -Info $emulatorInfo }
if ($null -ne $powerClerk) {
    Write-Host ''
    Write-Host 'PowerClerk: MFA session tokens' -ForegroundColor Green
    try {
        Write-Step -Title "Connect as $($powerClerk.Credential.UserName) with the API key and the authenticator app's TOTP seed (codes are computed, each used once)" `
            -Command 'Connect-PowerClerk -BaseUri <powerclerk> -Credential $credential -ApiKey $apiKey -TotpSecret $seed -PassThru'
        Connect-PowerClerk -BaseUri $powerClerk.BaseUri -Credential $powerClerk.Credential -ApiKey $powerClerk.ApiKey -TotpSecret $powerClerk.TotpSecret -PassThru | Out-Host

        Write-Step -Title 'Create an MFA session token (this deletes the user''s previous one); the token itself never shows' `
            -Command 'New-MfaSessionToken -ExpiresAfterMinutes 30 -Confirm:$false'
        $session = New-MfaSessionToken -ExpiresAfterMinutes 30 -Confirm:$false
        $session | Format-Table | Out-Host

        Write-Step -Title 'The connection now sends that session token as its second factor' -Command 'Get-TokenAdminConnection -Service PowerClerk'
        Get-TokenAdminConnection -Service PowerClerk | Out-Host

        Write-Step -Title 'Remove it; the connection goes back to one-time codes' -Command '$session | Remove-MfaSessionToken -Confirm:$false -PassThru'
        $session | Remove-MfaSessionToken -Confirm:$false -PassThru | Format-Table | Out-Host
    }
    finally {
        Write-Step -Title 'Disconnect from PowerClerk' -Command 'Disconnect-TokenAdmin -Service PowerClerk'
        Disconnect-TokenAdmin -Service PowerClerk
    }
}

$apstrata = if ($emulatorInfo -and @($emulatorInfo.services.key) -contains 'apstrata') { Get-TokenAdminEmulatorApstrataAccount -Info $emulatorInfo }
if ($null -ne $apstrata) {
    Write-Host ''
    Write-Host 'apstrata: user tokens' -ForegroundColor Green
    try {
        Write-Step -Title "Connect as the user $($apstrata.Credential.UserName) (requests signed with HMAC-SHA1; the password itself is not kept)" `
            -Command 'Connect-Apstrata -AuthKey <key> -BaseUri <apstrata> -Credential $user'
        Connect-Apstrata -AuthKey $apstrata.AuthKey -BaseUri $apstrata.BaseUri -Credential $apstrata.Credential

        Write-Step -Title 'Make a token and connect with it (User, Token, AuthKey and BaseUri bind by property name)' `
            -Command 'New-ApstrataToken -ExpiresAfterSeconds 1800 | Connect-Apstrata -PassThru'
        New-ApstrataToken -ExpiresAfterSeconds 1800 | Connect-Apstrata -PassThru | Out-Host

        Write-Step -Title 'Delete that token; the connection, now useless, is closed' -Command 'Remove-ApstrataToken -Confirm:$false -PassThru'
        Remove-ApstrataToken -Confirm:$false -PassThru | Format-Table | Out-Host

        Write-Step -Title 'As the owner, delete the tokens of users who leave: at most 100 logins per signed request' `
            -Command "Connect-Apstrata -AuthKey <key> -BaseUri <apstrata> -Secret `$secret; 'amy@example.com', 'bob' | Remove-ApstrataToken -Confirm:`$false -PassThru"
        Connect-Apstrata -AuthKey $apstrata.AuthKey -BaseUri $apstrata.BaseUri -Secret $apstrata.Secret
        'amy@example.com', 'bob' | Remove-ApstrataToken -Confirm:$false -PassThru | Format-Table | Out-Host
    }
    finally {
        Disconnect-TokenAdmin -Service Apstrata
    }
}

if ($null -ne $apstrata -and $superAdministratorKeyFile) {
    Write-Host ''
    Write-Host 'Offboarding across services, with an audit trail' -ForegroundColor Green
    $auditPath = Join-Path ([System.IO.Path]::GetTempPath()) ('tokenadmin-demo-changes.' + [guid]::NewGuid().ToString('N') + '.jsonl')
    try {
        Write-Step -Title 'Audit every change to a JSON-lines file (one line per change; never a secret or token value)' `
            -Command 'Set-TokenAdminAuditLog -Path ./changes.jsonl'
        Set-TokenAdminAuditLog -Path $auditPath
        Connect-AuthTokenService -BaseUri $BaseUri -Credential $Credential
        Connect-SecurIdAdmin -KeyFile $superAdministratorKeyFile
        Connect-Apstrata -AuthKey $apstrata.AuthKey -BaseUri $apstrata.BaseUri -Secret $apstrata.Secret
        # Rows as Import-Csv ./leavers.csv reads them; Ada's serial does not exist.
        $leavers = @(
            [pscustomobject]@{ Name = 'Kim Lee'; HdcUserId = '42'; SecurIdSerialNumber = '000987654321'; ApstrataLogin = 'kim@example.com' }
            [pscustomobject]@{ Name = 'Ada Lovelace'; HdcUserId = '12345'; SecurIdSerialNumber = '000999999999'; ApstrataLogin = '' }
        )

        Write-Step -Title 'The whole plan for two leavers, first: -WhatIf changes nothing (a serial the service does not know is reported now)' `
            -Command 'Import-Csv ./leavers.csv | Revoke-TokenAdminUserAccess -WhatIf'
        $leavers | Revoke-TokenAdminUserAccess -WhatIf -ErrorAction Continue # the demo stops on errors; this one is expected

        Write-Step -Title 'Offboard them unattended: a summary per person; a failure is reported and the rest goes on' `
            -Command 'Import-Csv ./leavers.csv | Revoke-TokenAdminUserAccess -Confirm:$false | Export-Csv ./offboarding.csv'
        $leavers | Revoke-TokenAdminUserAccess -Confirm:$false -ErrorAction SilentlyContinue | Format-Table | Out-Host

        Write-Step -Title 'What the audit log recorded' -Command 'Get-Content ./changes.jsonl | ConvertFrom-Json | Format-Table service, command, target, owner, outcome, errorId'
        Get-Content -LiteralPath $auditPath | ConvertFrom-Json | Format-Table service, command, target, owner, outcome, errorId | Out-Host
    }
    finally {
        Set-TokenAdminAuditLog -Disable
        Remove-Item -LiteralPath $auditPath -ErrorAction SilentlyContinue
        Disconnect-TokenAdmin
    }
}

Write-Host ''
Write-Host 'Tour complete.' -ForegroundColor Green
