#Requires -Version 7.4
<#
    TokenAdmin.Testing, the companion module users test their scripts with (the README's example
    runs from the packages in Packaging.Tests.ps1): how it finds the emulator tool, its manifest,
    seeding through it, and connecting TokenAdmin to all four services.
#>

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'EmulatorSupport.psm1') -Force
    $RepositoryRoot = Split-Path -Parent $PSScriptRoot
    $TestingManifest = Join-Path $RepositoryRoot 'src/TokenAdmin.Testing/TokenAdmin.Testing.psd1'
    # Imported by EmulatorSupport, so it is that module's nested module.
    $Testing = (Get-Module -Name 'EmulatorSupport').NestedModules | Where-Object -Property Name -EQ -Value 'TokenAdmin.Testing'
    $Scratch = Join-Path ([System.IO.Path]::GetTempPath()) ('TokenAdmin.Testing.' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $Scratch
    $Emulator = Start-TokenAdminEmulator
    Import-Module -Name (Get-TokenAdminModuleManifest) -Force

    function Resolve-InModule {
        <# The module's own resolution, from a folder, with these environment variables set for the call. #>
        param([string] $Location, [hashtable] $Environment = @{}, [string[]] $Command)
        $saved = @{}
        foreach ($name in @($Environment.Keys) + 'TOKENADMIN_EMULATOR') { $saved[$name] = [System.Environment]::GetEnvironmentVariable($name) }
        Push-Location -LiteralPath $Location
        try {
            [System.Environment]::SetEnvironmentVariable('TOKENADMIN_EMULATOR', $null)
            foreach ($name in $Environment.Keys) { [System.Environment]::SetEnvironmentVariable($name, $Environment[$name]) }
            & $Testing { param($Command) Resolve-TokenAdminEmulatorCommand -Command $Command } $Command
        }
        finally {
            Pop-Location
            foreach ($name in $saved.Keys) { [System.Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }
}

AfterAll {
    Remove-TokenAdminTestSession -Emulator $Emulator
    Remove-Item -LiteralPath $Scratch -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The TokenAdmin.Testing manifest' {
    It 'has TokenAdmin''s version, and exports exactly the functions it defines, each with help' {
        $manifest = Import-PowerShellDataFile -LiteralPath $TestingManifest
        $manifest.ModuleVersion | Should -Be (Import-PowerShellDataFile -LiteralPath (Join-Path $RepositoryRoot 'TokenAdmin.psd1')).ModuleVersion
        @($Testing.ExportedFunctions.Keys | Sort-Object) | Should -Be @($manifest.FunctionsToExport | Sort-Object)
        foreach ($name in $manifest.FunctionsToExport) {
            # The comment-based help itself (Get-Help would also search for help files, seconds per command).
            $help = $Testing.ExportedFunctions[$name].ScriptBlock.Ast.GetHelpContent()
            $help.Synopsis | Should -Not -BeNullOrEmpty -Because "$name needs a .SYNOPSIS"
        }
    }
}

Describe 'Finding the emulator' {
    It 'takes -Command as given' {
        $launch = Resolve-InModule -Location $Scratch -Command 'my-emulator', '--flag'
        $launch.FilePath | Should -Be 'my-emulator'
        $launch.Arguments | Should -Be @('--flag')
    }

    It 'runs $env:TOKENADMIN_EMULATOR, a dll with dotnet' {
        $dll = Join-Path $Scratch 'TokenAdmin.Emulator.dll'
        Set-Content -LiteralPath $dll -Value 'not really'
        $launch = Resolve-InModule -Location $Scratch -Environment @{ TOKENADMIN_EMULATOR = $dll }
        $launch.FilePath | Should -Be (Get-DotNetPath)
        $launch.Arguments | Should -Be @($dll)
    }

    It 'runs the tool of a local tool manifest above the current folder straight from its restored package' {
        $project = Join-Path $Scratch 'project'
        $nested = Join-Path $project 'tests/unit'
        $null = New-Item -ItemType Directory -Path $nested, (Join-Path $project '.config') -Force
        Set-Content -LiteralPath (Join-Path $project '.config/dotnet-tools.json') -Value '{ "version": 1, "isRoot": true, "tools": { "tokenadmin.emulator": { "version": "9.8.7", "commands": [ "tokenadmin-emulator" ] } } }'
        $packages = Join-Path $Scratch 'nuget-packages'
        $dll = Join-Path $packages 'tokenadmin.emulator/9.8.7/tools/net10.0/any/TokenAdmin.Emulator.dll'
        $null = New-Item -ItemType Directory -Path (Split-Path $dll) -Force
        Set-Content -LiteralPath $dll -Value 'not really'

        $launch = Resolve-InModule -Location $nested -Environment @{ NUGET_PACKAGES = $packages }

        $launch.FilePath | Should -Be (Get-DotNetPath)
        $launch.Arguments | Should -Be @($dll)
        Remove-Item -LiteralPath $dll
        { Resolve-InModule -Location $nested -Environment @{ NUGET_PACKAGES = $packages } } | Should -Throw '*TokenAdmin.Emulator 9.8.7*dotnet tool restore*'
    }

    It 'says how to install it when there is none anywhere' {
        $empty = Join-Path $Scratch 'empty'
        $null = New-Item -ItemType Directory -Path $empty -Force
        { Resolve-InModule -Location $empty -Environment @{ PATH = $empty; HOME = $empty; USERPROFILE = $empty } } |
            Should -Throw '*dotnet tool install TokenAdmin.Emulator*'
    }

    It 'names a TOKENADMIN_EMULATOR that does not exist' {
        { Resolve-InModule -Location $Scratch -Environment @{ TOKENADMIN_EMULATOR = (Join-Path $Scratch 'nope.dll') } } | Should -Throw '*TOKENADMIN_EMULATOR names*nope.dll*'
    }
}

Describe 'The emulator object' {
    It 'has one entry per service, keyed by its TokenAdminService name, whose BaseUri is what the emulator serves it at' {
        $names = [Enum]::GetNames([TokenAdmin.TokenAdminService])
        @($Emulator.Services.PSObject.Properties.Name) | Should -Be $names
        $info = Get-TokenAdminEmulatorInfo -Emulator $Emulator
        foreach ($name in $names) {
            $served = @($info.services | Where-Object key -EQ $name.ToLowerInvariant())[0].baseUrl
            "$($Emulator.Services.$name.BaseUri)" | Should -Be $served -Because $name
        }

        Test-Path -LiteralPath $Emulator.Services.SecurId.KeyDirectory -PathType Container | Should -BeTrue
        @($Emulator.PSObject.Properties.Name) | Should -Not -Contain 'HdcBaseUri'
    }
}

Describe 'Stopping the emulator' {
    It 'disconnects what was connected to it, so the next command says NotConnected at once, and keeps the others' {
        $other = Start-TokenAdminEmulator
        try {
            Connect-TokenAdminEmulator -Emulator $other -Service Hdc, SecurId, PowerClerk
            Connect-TokenAdminEmulator -Emulator $Emulator -Service Apstrata
        }
        finally {
            Stop-TokenAdminEmulator -Emulator $other
        }

        @(Get-TokenAdminConnection).Service | Should -Be @('Apstrata')
        { Get-AuthToken -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,TokenAdmin.Hdc.GetAuthTokenCommand'
        Disconnect-TokenAdmin
    }
}

Describe 'Arranging data and connecting' {
    BeforeEach { Reset-TokenAdminEmulator -Emulator $Emulator; Disconnect-TokenAdmin }

    It 'connects TokenAdmin to all four services with the demo accounts' {
        $connections = @(Connect-TokenAdminEmulator -Emulator $Emulator -PassThru)
        @($connections.Service) | Should -Be @('Hdc', 'SecurId', 'PowerClerk', 'Apstrata')
        @(Get-TokenAdminConnection).Count | Should -Be 4
    }

    It 'adds HDC, SecurID and apstrata data that TokenAdmin then sees, until a reset' {
        Connect-TokenAdminEmulator -Emulator $Emulator -Service Hdc, SecurId
        $added = Add-TokenAdminEmulatorData -Emulator $Emulator -HdcToken @{ userId = 5001; userFullName = 'Dana Reyes'; contexts = @('ReadDocuments') } `
            -SecurIdToken @{ serialNumber = '000300000001'; assignedTo = 'dreyes' } -ApstrataToken @{ login = 'dreyes' }

        $added.hdc, $added.securid, $added.apstrata | Should -Be 1, 1, 1
        (Get-AuthToken -UserId 5001).UserFullName | Should -Be 'Dana Reyes'
        (Get-SecurIdHardwareToken -SerialNumber '000300000001').UserId | Should -Be 'dreyes'
        Reset-TokenAdminEmulator -Emulator $Emulator
        Get-AuthToken -UserId 5001 | Should -BeNullOrEmpty
    }

    It 'fails with the emulator''s own words when the data is wrong, and adds none of it' {
        { Add-TokenAdminEmulatorData -Emulator $Emulator -HdcToken @{ userId = 5001; userFullName = 'Dana'; contexts = @('ReadDocuments') } -SecurIdToken @{ serialNumber = '000123456789' } } |
            Should -Throw 'The emulator refused POST /_emulator/seed: securid.tokens`[0`]: a token with serial number 000123456789 exists already.'
        Get-TokenAdminEmulatorHdcToken -Emulator $Emulator | Where-Object userId -EQ 5001 | Should -BeNullOrEmpty
    }

    It 'clears faults without touching the data' {
        Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.list' -Step @{ status = 503 }
        Clear-TokenAdminEmulatorFault -Emulator $Emulator
        Connect-TokenAdminEmulator -Emulator $Emulator -Service Hdc
        @(Get-AuthToken).Count | Should -Be 4
    }
}

Describe 'The control API and the journal, as a web page and a script see them' {
    BeforeEach { Reset-TokenAdminEmulator -Emulator $Emulator; Disconnect-TokenAdmin }

    It 'refuses <What> with 403 and changes nothing' -ForEach @(
        @{ What = 'a cross-site form POST'; Request = @{ Method = 'Post'; Path = 'reset'; Headers = @{ Origin = 'https://attacker.example' }; ContentType = 'application/x-www-form-urlencoded'; Body = 'a=1' } }
        @{ What = 'a text/plain POST'; Request = @{ Method = 'Post'; Path = 'faults'; ContentType = 'text/plain'; Body = '{"route":"*","steps":[{"status":500}]}' } }
        @{ What = 'a rebound host name'; Request = @{ Method = 'Get'; Path = 'requests'; Headers = @{ Host = 'attacker.example' } } }
        @{ What = 'Sec-Fetch-Site: cross-site'; Request = @{ Method = 'Post'; Path = 'reset'; Headers = @{ 'Sec-Fetch-Site' = 'cross-site' } } }
    ) {
        Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.list' -Step @{ status = 400 }
        $send = @{ Method = $Request.Method; Uri = [uri]::new($Emulator.BaseUri, "_emulator/$($Request.Path)"); NoProxy = $true; SkipHeaderValidation = $true; SkipHttpErrorCheck = $true; StatusCodeVariable = 'status' }
        foreach ($name in 'Headers', 'ContentType', 'Body') { if ($Request.ContainsKey($name)) { $send[$name] = $Request[$name] } }

        $null = Invoke-RestMethod @send

        $status | Should -Be 403
        Connect-TokenAdminEmulator -Emulator $Emulator -Service Hdc
        { Get-AuthToken -UserId 5 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidRequest,*' -Because 'the fault was neither reset nor joined by another'
    }

    It 'keeps no credential of a session on all four services, and says how each request authenticated' {
        Connect-TokenAdminEmulator -Emulator $Emulator
        $hdc = @(Get-AuthToken -UserId 5)
        $hdc[0] | Set-AuthToken -Context UploadDocuments -Confirm:$false
        $hdc | Remove-AuthToken -Confirm:$false
        $session = New-MfaSessionToken -Confirm:$false
        $session | Remove-MfaSessionToken -Confirm:$false
        $account = Get-TokenAdminEmulatorApstrataAccount -Emulator $Emulator
        Connect-Apstrata -AuthKey $account.AuthKey -BaseUri $account.BaseUri -Credential $account.Credential
        $apstrata = New-ApstrataToken -Confirm:$false
        Connect-Apstrata -AuthKey $account.AuthKey -BaseUri $account.BaseUri -User $apstrata.User -Token $apstrata.Token
        Remove-ApstrataToken -Confirm:$false

        $journal = @(Get-TokenAdminEmulatorJournal -Emulator $Emulator)
        $text = $journal | ConvertTo-Json -Depth 5
        $values = @($hdc.Token) + $session.Token + $apstrata.Token | ForEach-Object { [pscustomobject]@{ Name = 'a token value'; Value = [System.Net.NetworkCredential]::new('', $_).Password } }
        Find-TokenAdminEmulatorSecret -Text $text -Secret (@(Get-TokenAdminEmulatorSecret -Emulator $Emulator) + $values) | Should -BeNullOrEmpty
        $text | Should -Not -Match 'authSig=[0-9A-F]{32}' -Because 'no signature'
        # The removals run concurrently: which one the journal records first is the machine's business.
        @($journal | Where-Object routeName -EQ 'hdc.tokens.delete' | ForEach-Object body | Sort-Object) |
            Should -Be @($hdc | ForEach-Object { "{`"token`":`"redacted:$($_.Fingerprint)`"}" } | Sort-Object)
        @($journal | Where-Object routeName -Like 'apstrata.*' | ForEach-Object authScheme) | Should -Be @('apstrata signature (Simple)', 'apstrata token')
    }
}
