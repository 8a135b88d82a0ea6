#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, packages and demonstrates TokenAdmin.

.DESCRIPTION
    Runs the given tasks in order. Needs only PowerShell 7.4+ and the .NET SDK that global.json
    names; the Pester task also needs Pester 5.5+ (it says how to install it when it is missing).

      Build    dotnet build TokenAdmin.sln; the build stages the module at out/TokenAdmin, which is
               then checked with Test-ModuleManifest.
      Test     dotnet test (the xunit suites; builds Debug).
      Pester   the Pester suite in Pester/ against the BUILT module (builds it first when
               out/TokenAdmin is missing), in a child pwsh. Prints "Pester: N passed, N failed".
      Package  builds Release and zips out/TokenAdmin into out/TokenAdmin.<version>.zip.
      Demo     builds, starts the emulator and runs a short tour of the cmdlets against it.
      Clean    deletes out/ and the bin/ and obj/ folders of every project.

    The Pester suite and the demo run in a child pwsh: a binary module cannot be unloaded, so
    importing out/TokenAdmin/TokenAdmin.dll here would keep the file locked (Windows) and keep
    the old types in this session after the next build, where a later Import-Module -Force would
    silently go on using the old code. A child process keeps your session clean.

.PARAMETER Task
    One or more of Build, Test, Pester, Package, Demo, Clean, run in the order given. Default: Build.

.PARAMETER Configuration
    Debug or Release for Build, Pester and Demo (default Release). Package always builds Release;
    Test builds Debug, as plain dotnet test does.

.EXAMPLE
    ./build.ps1

    Builds Release and stages the module at out/TokenAdmin.

.EXAMPLE
    ./build.ps1 -Task Clean, Build, Test, Pester

    A full check from scratch, as CI runs it.

.EXAMPLE
    ./build.ps1 -Task Demo

    Starts the emulator and shows the HDC cmdlets at work.

.EXAMPLE
    ./build.ps1 -Task Package

    Produces out/TokenAdmin.<version>.zip, ready to unzip into a folder on $env:PSModulePath.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'Demo', 'Clean')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
# Native exit codes are checked explicitly below, with messages that say what failed and what to do.
$PSNativeCommandUseErrorActionPreference = $false

$RepositoryRoot = $PSScriptRoot
$SolutionPath = Join-Path $RepositoryRoot 'TokenAdmin.sln'
$OutDirectory = Join-Path $RepositoryRoot 'out'
$ModuleDirectory = Join-Path $OutDirectory 'TokenAdmin'
$ModuleManifest = Join-Path $ModuleDirectory 'TokenAdmin.psd1'
$PesterDirectory = Join-Path $RepositoryRoot 'Pester'
$EmulatorSupportModule = Join-Path $PesterDirectory 'EmulatorSupport.psm1'
$MinimumPesterVersion = [version]'5.5.0'

# Shared with the Pester suite: Get-DotNetPath and the emulator's start/stop.
Import-Module -Name $EmulatorSupportModule -Force

# Configurations already built by this run, so "-Task Build, Demo" builds once.
$BuiltConfigurations = [System.Collections.Generic.HashSet[string]]::new([System.StringComparer]::OrdinalIgnoreCase)

function Write-TaskHeader {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Name
    )

    Write-Host ''
    Write-Host "==> $Name" -ForegroundColor Cyan
}

function Get-PwshPath {
    <# The pwsh running this script (same version for the child), else the first pwsh on PATH. #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    $current = [System.Environment]::ProcessPath
    if ($current -and [System.IO.Path]::GetFileNameWithoutExtension($current) -eq 'pwsh') {
        return $current
    }

    $command = Get-Command -Name 'pwsh' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($null -eq $command) {
        throw 'pwsh (PowerShell 7.4+) was not found on PATH; the Pester and Demo tasks run in a child pwsh. Install PowerShell 7.4+ and try again.'
    }

    $command.Source
}

function Invoke-NativeCommand {
    <# Runs a program in the repository root, showing its output; throws $FailureMessage on a non-zero exit code. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $FilePath,

        [string[]] $ArgumentList = @(),

        [Parameter(Mandatory)]
        [string] $FailureMessage
    )

    Write-Host "> $([System.IO.Path]::GetFileName($FilePath)) $($ArgumentList -join ' ')" -ForegroundColor DarkGray
    Push-Location -LiteralPath $RepositoryRoot
    try {
        & $FilePath @ArgumentList
        $exitCode = $LASTEXITCODE
    }
    finally {
        Pop-Location
    }

    if ($exitCode -ne 0) {
        throw "$FailureMessage (exit code $exitCode)."
    }
}

function Invoke-BuildTask {
    [CmdletBinding()]
    param(
        [ValidateSet('Debug', 'Release')]
        [string] $BuildConfiguration = $Configuration
    )

    if ($BuiltConfigurations.Contains($BuildConfiguration) -and (Test-Path -LiteralPath $ModuleManifest -PathType Leaf)) {
        Write-Host "Already built ($BuildConfiguration) in this run." -ForegroundColor DarkGray
        return
    }

    $dotnet = Get-DotNetPath
    Invoke-NativeCommand -FilePath $dotnet -ArgumentList 'build', $SolutionPath, '--configuration', $BuildConfiguration, '--nologo' `
        -FailureMessage "dotnet build ($BuildConfiguration) failed; the errors are above"

    if (-not (Test-Path -LiteralPath $ModuleManifest -PathType Leaf)) {
        throw "The build succeeded but did not stage the module at $ModuleDirectory. The StageModule target (src/TokenAdmin/StageModule.targets) runs after the build of src/TokenAdmin unless StageModule=false; check that it ran."
    }

    try {
        $module = Test-ModuleManifest -Path $ModuleManifest -ErrorAction Stop
    }
    catch {
        throw "The staged manifest $ModuleManifest is not valid: $($_.Exception.Message) Fix TokenAdmin.psd1 (the source of truth) and build again."
    }

    $null = $BuiltConfigurations.Add($BuildConfiguration)
    Write-Host "TokenAdmin $($module.Version) ($BuildConfiguration) is staged at $ModuleDirectory" -ForegroundColor Green
}

function Invoke-TestTask {
    [CmdletBinding()]
    param()

    # Exactly the README's command: plain "dotnet test" in the repository root (it builds Debug,
    # which also re-stages out/TokenAdmin as Debug).
    $dotnet = Get-DotNetPath
    Invoke-NativeCommand -FilePath $dotnet -ArgumentList 'test' -FailureMessage 'dotnet test failed; the failing tests are listed above'
    # out/TokenAdmin now holds the Debug build: a later Build or Demo task in this run must build again.
    $BuiltConfigurations.Clear()
}

function Invoke-PesterTask {
    [CmdletBinding()]
    param()

    $pester = Get-Module -ListAvailable -Name 'Pester' |
        Where-Object -FilterScript { $_.Version -ge $MinimumPesterVersion } |
        Sort-Object -Property Version -Descending |
        Select-Object -First 1
    if ($null -eq $pester) {
        $found = @(Get-Module -ListAvailable -Name 'Pester' | ForEach-Object -Process { $_.Version.ToString() })
        $foundText = if ($found.Count -gt 0) { "Only Pester $($found -join ', ') is installed." } else { 'Pester is not installed.' }
        throw "The Pester task needs Pester $MinimumPesterVersion or later. $foundText Install it with:$([System.Environment]::NewLine)    Install-Module Pester -MinimumVersion 5.5 -Scope CurrentUser$([System.Environment]::NewLine)then run this task again."
    }

    if (-not (Test-Path -LiteralPath $ModuleManifest -PathType Leaf)) {
        Write-Host 'out/TokenAdmin is missing: building it first.'
        Invoke-BuildTask
    }

    $runner = Join-Path $PesterDirectory 'Invoke-PesterSuite.ps1'
    $summaryPath = Join-Path ([System.IO.Path]::GetTempPath()) ('TokenAdmin.Pester.' + [guid]::NewGuid().ToString('N') + '.json')
    $testResultPath = Join-Path $OutDirectory 'TestResults/Pester.xml'
    $previousConfiguration = $env:TOKENADMIN_CONFIGURATION
    # The suite starts the emulator built in this configuration (see Pester/EmulatorSupport.psm1).
    $env:TOKENADMIN_CONFIGURATION = $Configuration
    try {
        $arguments = @(
            '-NoProfile', '-NonInteractive', '-File', $runner,
            '-Path', $PesterDirectory,
            '-SummaryPath', $summaryPath,
            '-TestResultPath', $testResultPath,
            '-PesterVersion', $pester.Version.ToString()
        )
        Write-Host "Running Pester $($pester.Version) on $PesterDirectory in a child pwsh" -ForegroundColor DarkGray
        & (Get-PwshPath) @arguments
        $exitCode = $LASTEXITCODE
        if (-not (Test-Path -LiteralPath $summaryPath -PathType Leaf)) {
            throw "The Pester run did not complete (exit code $exitCode); its error is above."
        }

        $summary = Get-Content -LiteralPath $summaryPath -Raw | ConvertFrom-Json
    }
    finally {
        $env:TOKENADMIN_CONFIGURATION = $previousConfiguration
        Remove-Item -LiteralPath $summaryPath -Force -ErrorAction SilentlyContinue
    }

    $failedBlocks = [int] $summary.FailedBlocksCount
    $failedContainers = [int] $summary.FailedContainersCount
    $color = if ($summary.FailedCount -gt 0 -or $failedBlocks -gt 0 -or $failedContainers -gt 0) { 'Red' } else { 'Green' }
    Write-Host ("Pester: {0} passed, {1} failed" -f $summary.PassedCount, $summary.FailedCount) -ForegroundColor $color
    if ($summary.SkippedCount -gt 0 -or $summary.NotRunCount -gt 0) {
        Write-Host ("        {0} skipped, {1} not run" -f $summary.SkippedCount, $summary.NotRunCount)
    }

    Write-Host "NUnit results: $testResultPath" -ForegroundColor DarkGray
    if ($summary.FailedCount -gt 0) {
        throw "$($summary.FailedCount) Pester test(s) failed; see the output above."
    }

    if ($failedBlocks -gt 0 -or $failedContainers -gt 0) {
        throw "Pester could not run part of the suite ($failedBlocks failed BeforeAll/AfterAll block(s), $failedContainers test file(s) that failed to load); see the output above."
    }
}

function Invoke-PackageTask {
    [CmdletBinding()]
    param()

    if ($Configuration -ne 'Release') {
        Write-Warning 'Package always builds Release; -Configuration Debug does not apply to it.'
    }

    Invoke-BuildTask -BuildConfiguration 'Release'
    $version = (Import-PowerShellDataFile -LiteralPath $ModuleManifest).ModuleVersion
    $archive = Join-Path $OutDirectory "TokenAdmin.$version.zip"
    # The folder itself goes into the archive, so it unzips to TokenAdmin/ (a module folder).
    Compress-Archive -LiteralPath $ModuleDirectory -DestinationPath $archive -Force
    Write-Host "Packaged TokenAdmin $version at $archive" -ForegroundColor Green
}

function Invoke-DemoTask {
    [CmdletBinding()]
    param()

    Invoke-BuildTask
    $emulator = $null
    try {
        $emulator = Start-TokenAdminEmulator -Configuration $Configuration
        Write-Host "Emulator listening at $($emulator.BaseUri) (HDC at $($emulator.HdcBaseUri))" -ForegroundColor DarkGray
        # A child pwsh, so the demo's Import-Module and connection stay out of this session (see .DESCRIPTION).
        $arguments = @(
            '-NoProfile', '-NonInteractive', '-File', (Join-Path $PesterDirectory 'Demo.ps1'),
            '-BaseUri', $emulator.HdcBaseUri.AbsoluteUri,
            '-ModulePath', $ModuleManifest
        )
        & (Get-PwshPath) @arguments
        if ($LASTEXITCODE -ne 0) {
            throw "The demo failed (exit code $LASTEXITCODE); its error is above."
        }
    }
    finally {
        if ($null -ne $emulator) {
            Stop-TokenAdminEmulator -Emulator $emulator
        }
    }
}

function Invoke-CleanTask {
    [CmdletBinding()]
    param()

    $targets = [System.Collections.Generic.List[string]]::new()
    $targets.Add($OutDirectory)
    $roots = @(@('src', 'tests') |
            ForEach-Object -Process { Join-Path $RepositoryRoot $_ } |
            Where-Object -FilterScript { Test-Path -LiteralPath $_ -PathType Container })
    if ($roots.Count -gt 0) {
        foreach ($project in Get-ChildItem -LiteralPath $roots -Filter '*.csproj' -File -Recurse) {
            $targets.Add((Join-Path $project.DirectoryName 'bin'))
            $targets.Add((Join-Path $project.DirectoryName 'obj'))
        }
    }

    foreach ($target in $targets) {
        if (-not (Test-Path -LiteralPath $target)) {
            continue
        }

        try {
            Remove-Item -LiteralPath $target -Recurse -Force -ErrorAction Stop
        }
        catch {
            throw "Could not delete ${target}: $($_.Exception.Message) A PowerShell session that imported out/TokenAdmin, a running emulator or an IDE may hold files there; close them and run Clean again."
        }

        Write-Host "Removed $([System.IO.Path]::GetRelativePath($RepositoryRoot, $target))"
    }

    $BuiltConfigurations.Clear()
}

$stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
try {
    foreach ($name in $Task) {
        Write-TaskHeader -Name $name
        switch ($name) {
            'Build' { Invoke-BuildTask }
            'Test' { Invoke-TestTask }
            'Pester' { Invoke-PesterTask }
            'Package' { Invoke-PackageTask }
            'Demo' { Invoke-DemoTask }
            'Clean' { Invoke-CleanTask }
        }
    }
}
finally {
    # Run from an existing session, the script must not leave its helper module behind.
    Remove-Module -Name 'EmulatorSupport' -Force -ErrorAction SilentlyContinue
}

Write-Host ''
Write-Host ("Done: {0} in {1:0.0} s" -f ($Task -join ', '), $stopwatch.Elapsed.TotalSeconds) -ForegroundColor Green
