#Requires -Version 7.4
<#
    The package as a user gets it: build.ps1 Package makes a .nupkg; Publish-PSResource accepts it
    into a folder repository; Install-PSResource installs it; a fresh pwsh imports TokenAdmin BY NAME
    and works, and so do ForEach-Object -Parallel runspaces. Every child pwsh has its own user folders
    under a scratch path, so nothing here touches the caller's PSResourceGet settings or modules.
#>

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'EmulatorSupport.psm1') -Force
    Import-Module -Name (Join-Path $PSScriptRoot 'ChildPwsh.psm1') -Force
    $RepositoryRoot = Split-Path -Parent $PSScriptRoot
    $Version = (Import-PowerShellDataFile -LiteralPath (Join-Path $RepositoryRoot 'TokenAdmin.psd1')).ModuleVersion
    $Package = Join-Path $RepositoryRoot "out/packages/TokenAdmin.$Version.nupkg"
    $Scratch = Join-Path ([System.IO.Path]::GetTempPath()) ('TokenAdmin.Packaging.' + [guid]::NewGuid().ToString('N'))
    $UserHome = Join-Path $Scratch 'home'
    $Repository = Join-Path $Scratch 'repository'
    $null = New-Item -ItemType Directory -Path $Repository -Force
    $Emulator = Start-TokenAdminEmulator
    $Credential = Get-TokenAdminEmulatorHdcCredential -Emulator $Emulator -Role admin

    function Invoke-InScratchPwsh {
        <# Runs $Script in a child pwsh with the scratch user folders; fails with its output when it fails. #>
        param([string] $Script, [string[]] $Arguments = @(), [string] $InHome = $UserHome)
        $file = Join-Path $Scratch ('step-' + [guid]::NewGuid().ToString('N') + '.ps1')
        # The param() line stays first; then every error stops the step.
        $paramLine, $body = $Script -split "`n", 2
        Set-Content -LiteralPath $file -Value "$paramLine`n`$ErrorActionPreference = 'Stop'`n$body" -Encoding utf8
        $result = Invoke-ChildPwsh -UserHome $InHome -Capture -ArgumentList (@('-File', $file) + $Arguments)
        if ($result.ExitCode -ne 0) {
            throw "The child pwsh failed (exit code $($result.ExitCode)):`n$($result.Output -join "`n")"
        }

        $result.Output
    }

    # The task under test, exactly as a user runs it (the configuration the suite runs in, so no second build).
    $configuration = if ($env:TOKENADMIN_CONFIGURATION) { $env:TOKENADMIN_CONFIGURATION } else { 'Release' }
    $built = Invoke-ChildPwsh -Capture -ArgumentList '-File', (Join-Path $RepositoryRoot 'build.ps1'), '-Task', 'Package', '-Configuration', $configuration
    $PackageOutput = $built.Output -join "`n"
    $PackageExitCode = $built.ExitCode
}

AfterAll {
    if ($Emulator) { Stop-TokenAdminEmulator -Emulator $Emulator }
    Remove-Item -LiteralPath $Scratch -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module -Name 'EmulatorSupport', 'ChildPwsh' -Force -ErrorAction SilentlyContinue
}

Describe 'build.ps1 Package' {
    It 'produces out/packages/TokenAdmin.<version>.nupkg' {
        $PackageExitCode | Should -Be 0 -Because $PackageOutput
        $Package | Should -Exist
        $PackageOutput | Should -Match ([regex]::Escape("Packaged TokenAdmin $Version"))
    }

    It 'is accepted by Publish-PSResource into a folder repository and installed by Install-PSResource' {
        $output = Invoke-InScratchPwsh -Script @'
param($Package, $Repository)
Register-PSResourceRepository -Name TokenAdminScratch -Uri $Repository -Trusted
Publish-PSResource -NupkgPath $Package -Repository TokenAdminScratch
$installed = Install-PSResource -Name TokenAdmin -Repository TokenAdminScratch -Scope CurrentUser -TrustRepository -PassThru
"installed:$($installed.Name):$($installed.Version)"
'@ -Arguments $Package, $Repository

        $output | Should -Contain "installed:TokenAdmin:$Version"
        Join-Path $Repository "TokenAdmin.$Version.nupkg" | Should -Exist
    }

    It 'imports by name in a fresh pwsh, from the installed folder, and works against the service' {
        $output = Invoke-InScratchPwsh -Script @'
param($BaseUri, $User, $Password)
Import-Module TokenAdmin
"base:$((Get-Module TokenAdmin).ModuleBase)"
$credential = [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
Connect-AuthTokenService -BaseUri $BaseUri -Credential $credential
"tokens:$(@(Get-AuthToken).Count)"
'@ -Arguments $Emulator.Services.Hdc.BaseUri.AbsoluteUri, $Credential.UserName, $Credential.GetNetworkCredential().Password

        $base = ($output | Where-Object { $_ -like 'base:*' }) -replace '^base:', ''
        $base | Should -BeLike "$UserHome*"
        $output | Should -Contain 'tokens:4'
    }

    It 'lets ForEach-Object -Parallel runspaces load it by name and use the session''s connection' {
        $output = Invoke-InScratchPwsh -Script @'
param($BaseUri, $User, $Password)
$credential = [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
Connect-AuthTokenService -BaseUri $BaseUri -Credential $credential
5, 42 | ForEach-Object -Parallel { "user $($_): $(@(Get-AuthToken -UserId $_).Count)" } -ThrottleLimit 2 | Sort-Object
'@ -Arguments $Emulator.Services.Hdc.BaseUri.AbsoluteUri, $Credential.UserName, $Credential.GetNetworkCredential().Password

        $output | Should -Be @('user 42: 1', 'user 5: 2')
    }
}

Describe 'Isolation of the packaging steps' {
    It 'kept every PSResourceGet setting in the scratch user folders' {
        Get-ChildItem -LiteralPath $UserHome -Recurse -Force -Filter 'PSResourceRepository.xml' | Should -Not -BeNullOrEmpty
        # A per-user folder that does not exist makes .NET answer '' and the tools write to the current directory.
        foreach ($stray in 'PSResourceGet', 'NuGet') {
            Join-Path $RepositoryRoot $stray | Should -Not -Exist
            Join-Path (Get-Location) $stray | Should -Not -Exist
        }
    }
}

Describe 'A module imported by path only' {
    It 'is unknown to ForEach-Object -Parallel until the block imports it, as README says' {
        $output = Invoke-InScratchPwsh -Script @'
param($Manifest, $BaseUri, $User, $Password)
Import-Module $Manifest
$credential = [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
Connect-AuthTokenService -BaseUri $BaseUri -Credential $credential
1 | ForEach-Object -Parallel { try { Get-AuthToken -ErrorAction Stop | Out-Null; 'found' } catch [System.Management.Automation.CommandNotFoundException] { 'not recognized' } }
1 | ForEach-Object -Parallel { Import-Module $using:Manifest; "tokens:$(@(Get-AuthToken).Count)" }
'@ -Arguments (Get-TokenAdminModuleManifest), $Emulator.Services.Hdc.BaseUri.AbsoluteUri, $Credential.UserName, $Credential.GetNetworkCredential().Password -InHome (Join-Path $Scratch 'home-without-install')

        $output | Should -Be @('not recognized', 'tokens:4')
    }
}

Describe 'Testing your own scripts (README), with nothing but the packaged artifacts' {
    BeforeAll {
        # The example's files, exactly as the README shows them.
        $ExampleDirectory = Join-Path $Scratch 'example'
        $null = New-Item -ItemType Directory -Path $ExampleDirectory -Force
        $readme = Get-Content -LiteralPath (Join-Path $RepositoryRoot 'README.md') -Raw
        $files = [regex]::Matches($readme, "<!-- readme-test: skip \(the example's file (\S+), [^\n]*-->\r?\n``````powershell\r?\n(.*?)\r?\n``````", 'Singleline')
        foreach ($file in $files) {
            Set-Content -LiteralPath (Join-Path $ExampleDirectory $file.Groups[1].Value) -Value $file.Groups[2].Value -Encoding utf8
        }

        $ExampleFiles = @($files | ForEach-Object { $_.Groups[1].Value })
    }

    It 'finds the example''s script and its tests in the README' {
        $ExampleFiles | Should -Be @('Remove-Leaver.ps1', 'Remove-Leaver.Tests.ps1')
    }

    It 'installs the emulator tool and both modules from out/packages and passes the example''s tests' {
        $PackageExitCode | Should -Be 0 -Because $PackageOutput
        # A fresh user profile: no module, no tool, no TokenAdmin path of this repository.
        $output = Invoke-InScratchPwsh -InHome (Join-Path $Scratch 'home-example') -Script @'
param($PackageDirectory, $Version, $ExampleDirectory, $PesterManifest)
$PSNativeCommandUseErrorActionPreference = $true
$tools = Join-Path $HOME 'tools'
dotnet tool install TokenAdmin.Emulator --tool-path $tools --add-source $PackageDirectory --version $Version | Out-Null
$env:PATH = $tools + [System.IO.Path]::PathSeparator + $env:PATH
Register-PSResourceRepository -Name TokenAdminLocal -Uri $PackageDirectory -Trusted
Install-PSResource -Name TokenAdmin, TokenAdmin.Testing -Repository TokenAdminLocal -Scope CurrentUser -TrustRepository
Set-Location -LiteralPath $ExampleDirectory
Import-Module $PesterManifest
$result = Invoke-Pester -Path . -PassThru -Output None
foreach ($name in 'TokenAdmin', 'TokenAdmin.Testing') { "base:${name}:$((Get-Module $name).ModuleBase)" }
"emulator:$((Get-Command tokenadmin-emulator).Source)"
"result:$($result.PassedCount):$($result.FailedCount):$($result.SkippedCount)"
$result.Failed | ForEach-Object { "failed:$($_.ExpandedPath): $($_.ErrorRecord)" }
'@ -Arguments (Join-Path $RepositoryRoot 'out/packages'), $Version, $ExampleDirectory, (Get-Module -Name Pester).Path

        $failures = @($output | Where-Object { $_ -like 'failed:*' }) -join "`n"
        $output | Should -Contain 'result:3:0:0' -Because $failures
        foreach ($line in $output | Where-Object { $_ -like 'base:*' }) {
            ($line -split ':', 3)[2] | Should -BeLike "$Scratch*" -Because 'the modules come from the scratch install'
        }
        ($output | Where-Object { $_ -like 'emulator:*' }) -replace '^emulator:', '' | Should -BeLike "$Scratch*"
    }
}
