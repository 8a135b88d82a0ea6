#Requires -Version 7.4
<#
    Every `powershell` code block of README.md, run as written against the emulator, so no recipe in
    the README fails when typed. Only the names of places are swapped for the emulator's (tenant
    URLs, the key file path) and the secrets a reader would fetch come from stand-ins for
    Get-Credential and Get-Secret; everything else runs verbatim. A block marked
    `<!-- readme-test: skip (reason) -->` on the line before its fence is not run, and the reason
    is in the README for everyone to see. Also: the PSReadLine history handler the README gives
    keeps TokenAdmin commands and still drops lines with secrets.
#>

BeforeDiscovery {
    $readme = Join-Path (Split-Path -Parent $PSScriptRoot) 'README.md'
    $lines = Get-Content -LiteralPath $readme
    $blocks = [System.Collections.Generic.List[hashtable]]::new()
    $heading = ''
    for ($i = 0; $i -lt $lines.Count; $i++) {
        if ($lines[$i] -match '^#+\s+(.*)$') { $heading = $Matches[1] }
        if ($lines[$i] -notmatch '^```powershell\s*$') { continue }
        $start = $i + 1
        $end = $start
        while ($lines[$end] -notmatch '^```\s*$') { $end++ }
        $skip = $i -gt 0 -and $lines[$i - 1] -match '<!--\s*readme-test:\s*skip'
        $blocks.Add(@{
                Name = "$heading, line $($i + 1)"
                Code = ($lines[$start..($end - 1)] -join "`n")
                Skip = $skip
            })
        $i = $end
    }

    $RunnableBlocks = @($blocks | Where-Object { -not $_.Skip })
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'EmulatorSupport.psm1') -Force
    $RepositoryRoot = Split-Path -Parent $PSScriptRoot
    $Emulator = Start-TokenAdminEmulator
    Import-Module -Name (Get-TokenAdminModuleManifest) -Force
    $SecurIdKey = Get-TokenAdminEmulatorSecurIdApiKey -Emulator $Emulator
    $PowerClerk = Get-TokenAdminEmulatorPowerClerkAccount -Emulator $Emulator -Role mfa
    $Apstrata = Get-TokenAdminEmulatorApstrataAccount -Emulator $Emulator
    $Fixtures = Join-Path ([System.IO.Path]::GetTempPath()) ('TokenAdmin.Readme.' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $Fixtures
    # ForEach-Object -Parallel finds the module by name, as for an installed module (README "Install").
    $SavedModulePath = $env:PSModulePath
    $env:PSModulePath = (Join-Path $RepositoryRoot 'out') + [System.IO.Path]::PathSeparator + $env:PSModulePath

    # Where the README names a place, the emulator's; nothing else in a block changes.
    $Places = [ordered]@{
        'https://tenant.bim.cloud/hdc'                            = $Emulator.Services.Hdc.BaseUri.AbsoluteUri
        'https://tenant.access.securid.com/AdminInterface/restapi' = $SecurIdKey.AdminRestApiUrl
        'https://api.powerclerk.com'                              = $PowerClerk.BaseUri.AbsoluteUri.TrimEnd('/')
        'https://sandbox.apstrata.com'                            = $Apstrata.BaseUri.AbsoluteUri.TrimEnd('/')
        '-AuthKey K1A2B3'                                         = "-AuthKey $($Apstrata.AuthKey)"
        '~/keys/securid-super-admin.json'                         = $SecurIdKey.KeyFile
        '-Credential admin@example.com'                           = '-Credential (Get-Credential)'  # would prompt for the password
        'exit 1'                                                  = 'throw "the example would exit 1"'  # would end the test run
    }

    function Reset-ReadmeWorld {
        <# Fresh emulator state, files the examples read, and the variables they assume. #>
        Reset-TokenAdminEmulator -Emulator $Emulator
        Disconnect-TokenAdmin
        $credential = Get-TokenAdminEmulatorHdcCredential -Emulator $Emulator -Role admin
        # A reader works down the page: blocks after the first Connect-* assume that connection.
        Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -Credential $credential
        Connect-SecurIdAdmin -KeyFile $SecurIdKey.KeyFile
        $tokens = @(Get-AuthToken)
        Set-Content -LiteralPath (Join-Path $Fixtures 'leavers.csv') -Value "UserId,Name`n5,Grace Hopper"
        Set-Content -LiteralPath (Join-Path $Fixtures 'users.csv') -Value "UserId`n5`n42"
        Set-Content -LiteralPath (Join-Path $Fixtures 'new-tokens.csv') -Value "UserId,Context`n777,""ReadDocuments,UploadDocuments""`n42,ManageWorkOrders"
        Set-Content -LiteralPath (Join-Path $Fixtures 'revoke.csv') -Value "Token`n$(($tokens | Where-Object UserId -eq 42).Token)"
        Set-Content -LiteralPath (Join-Path $Fixtures 'returned-tokens.csv') -Value "TokenSerialNumber`n000200000001`n000200000002"
        Set-Content -LiteralPath (Join-Path $Fixtures 'tokens.csv') -Value "SerialNumber`n000987654321`n000123456790"
        Set-Content -LiteralPath (Join-Path $Fixtures 'offboarding.csv') -Value "Name,HdcUserId,SecurIdSerialNumber,ApstrataLogin`nGrace Hopper,5,000987654321,amy@example.com`nKim Lee,42,000200000003;000200000004,"
        Set-TokenAdminAuditLog -Disable # an example that turns it on leaves it on (it is process-wide)
        [pscustomobject]@{ Credential = $credential; FirstToken = $tokens[0].Token }
    }
}

AfterAll {
    $env:PSModulePath = $SavedModulePath
    Remove-TokenAdminTestSession -Emulator $Emulator
    Remove-Item -LiteralPath $Fixtures -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module -Name 'EmulatorSupport' -Force -ErrorAction SilentlyContinue
}

Describe 'README examples' {
    It 'runs: <Name>' -ForEach $RunnableBlocks {
        $world = Reset-ReadmeWorld
        $code = $Code
        foreach ($place in $Places.Keys) { $code = $code.Replace($place, $Places[$place]) }

        $demoCredential = $world.Credential
        $vault = @{
            HdcAccessToken   = Get-TokenAdminEmulatorHdcAccessToken -Emulator $Emulator
            HdcToken         = Get-TokenAdminEmulatorHdcAccessToken -Emulator $Emulator
            SecurIdAccessKey = $SecurIdKey.AccessKey
            PowerClerkCredential = $PowerClerk.Credential
            PowerClerkApiKey     = $PowerClerk.ApiKey
            PowerClerkTotpSeed   = $PowerClerk.TotpSecret
            ApstrataSecret       = $Apstrata.Secret
            ApstrataUser         = $Apstrata.Credential
        }
        $example = [scriptblock]::Create(@"
param(`$demoCredential, `$vault, `$t)
function Get-Credential { `$demoCredential }                         # what the reader types at the prompt
function Get-Secret { param([Parameter(Position = 0)] [string] `$Name) `$vault[`$Name] }   # SecretManagement stand-in
function Set-PSReadLineOption { param(`$AddToHistoryHandler) `$script:HistoryHandler = `$AddToHistoryHandler }
`$ConfirmPreference = 'None'                                           # the reader answers Yes
$code
"@)
        $env:SECURID_ACCESS_ID = $SecurIdKey.AccessId
        Push-Location -LiteralPath $Fixtures
        try {
            $output = & $example $demoCredential $vault $world.FirstToken 2>&1
        }
        finally {
            Pop-Location
            Remove-Item Env:SECURID_ACCESS_ID -ErrorAction SilentlyContinue
        }

        $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors | ForEach-Object { "$_" } | Should -BeNullOrEmpty -Because "the README block at $Name must run as written"
        # A file an example writes must hold what it reads as: no "System.String[]" in a CSV cell.
        foreach ($written in Get-ChildItem -LiteralPath $Fixtures -Filter '*.csv' -File) {
            Get-Content -LiteralPath $written.FullName -Raw | Should -Not -Match 'System\.(String|Object)\[\]' -Because "$($written.Name), written by the README block at $Name"
        }

        $text = $output | Out-String -Width 120
        foreach ($secret in @($world.FirstToken, $demoCredential.GetNetworkCredential().Password)) {
            $text | Should -Not -Match ([regex]::Escape($secret))
        }
    }
}

Describe 'The PSReadLine history handler in the README' {
    BeforeAll {
        Import-Module PSReadLine -ErrorAction Stop
        $readme = Get-Content -LiteralPath (Join-Path $RepositoryRoot 'README.md') -Raw
        $block = [regex]::Match($readme, '(?s)```powershell\r?\n(Set-PSReadLineOption -AddToHistoryHandler .*?)\r?\n```').Groups[1].Value
        $block | Should -Not -BeNullOrEmpty
        function Set-PSReadLineOption { param($AddToHistoryHandler) $script:Handler = $AddToHistoryHandler }
        . ([scriptblock]::Create($block))
    }

    It 'keeps <Line>' -ForEach @(
        @{ Line = 'Get-AuthToken -UserId 5 | Remove-AuthToken' }
        @{ Line = 'New-AuthToken -UserId 5 -Context ReadDocuments' }
        @{ Line = "Get-SecurIdHardwareToken -SerialNumber '000123456789' | Remove-SecurIdHardwareToken" }
        @{ Line = 'Get-TokenAdminConnection' }
        @{ Line = 'Connect-AuthTokenService -BaseUri https://tenant.bim.cloud/hdc -AccessToken (Get-Secret HdcToken)' }
    ) {
        [Microsoft.PowerShell.PSConsoleReadLine]::GetDefaultAddToHistoryOption($Line) | Should -Be 'MemoryOnly' -Because 'PSReadLine alone drops it (the reason for the handler)'
        & $script:Handler $Line | Should -Be 'MemoryAndFile'
    }

    It 'keeps every command of the module, on its own and with a harmless argument' {
        $names = (Get-Command -Module TokenAdmin).Name
        $names | Should -Contain 'Revoke-TokenAdminUserAccess'
        $names | Should -Contain 'Connect-Apstrata'
        foreach ($name in $names) {
            & $script:Handler $name | Should -Be 'MemoryAndFile' -Because $name
            & $script:Handler "$name -Verbose" | Should -Be 'MemoryAndFile' -Because "$name -Verbose"
        }
    }

    It 'still drops <Line>' -ForEach @(
        @{ Line = 'Remove-AuthToken -Token 57e0a1b2c3d4e5f60718293a4b5c6d7e8f901234' }
        @{ Line = 'Connect-AuthTokenService -BaseUri https://x/hdc -AccessToken (ConvertTo-SecureString "abc" -AsPlainText -Force)' }
        @{ Line = '$password = "Hdc-Demo-Passw0rd!"' }
    ) {
        & $script:Handler $Line | Should -Be 'MemoryOnly'
    }
}

Describe 'The install steps in the README' {
    It 'name the folder build.ps1 Package writes the packages to, in every section' {
        $readme = Get-Content -LiteralPath (Join-Path $RepositoryRoot 'README.md') -Raw
        $sources = @([regex]::Matches($readme, '(?:--add-source|Resolve-Path) (\./[^\s)]+)') | ForEach-Object { $_.Groups[1].Value })
        $sources.Count | Should -BeGreaterThan 1
        @($sources | Sort-Object -Unique) | Should -Be @('./out/packages')
    }

    It 'register the local repository only once when followed in order' {
        $readme = Get-Content -LiteralPath (Join-Path $RepositoryRoot 'README.md') -Raw
        $registrations = [regex]::Matches($readme, '(?m)^\s*(if \(-not \(Get-PSResourceRepository -Name TokenAdminLocal[^\n]*\n\s*)?Register-PSResourceRepository -Name TokenAdminLocal')
        @($registrations | Where-Object { -not $_.Groups[1].Success }).Count | Should -Be 1 -Because 'a second unguarded registration fails with "already exists"'
    }
}
