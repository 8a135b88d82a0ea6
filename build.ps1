#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, packages and demonstrates TokenAdmin.

.DESCRIPTION
    Runs the given tasks in order. Needs only the .NET SDK that global.json names: PowerShell
    comes from the repository's tool manifest (.config/dotnet-tools.json) and Pester from NuGet
    (tests/TokenAdmin.TestTools), both restored by the repository itself:

      dotnet tool restore && dotnet pwsh ./build.ps1 Test

      Build    dotnet build TokenAdmin.sln; the build stages the module at out/TokenAdmin, which is
               then checked with Test-ModuleManifest.
      Test     every test: dotnet test (the xunit suites, including the engine tests that import
               the built module into PowerShell runspaces; builds Debug), then the Pester suite.
               Prints each runner's summary and ends with "N passed, N failed" for both together.
      Pester   only the Pester suite in Pester/ against the BUILT module (builds it first when
               out/TokenAdmin is missing), in a child pwsh, with the Pester version the repository
               restores. Prints "Pester: N passed, N failed".
      Package  builds, then makes out/packages/: TokenAdmin.<version>.nupkg and
               TokenAdmin.Testing.<version>.nupkg with Publish-PSResource (install them with
               Install-PSResource from that folder), and the emulator as a .NET tool,
               TokenAdmin.Emulator.<version>.nupkg (dotnet tool install TokenAdmin.Emulator
               --add-source out/packages). See README, "Testing your own scripts".
      Demo     builds, starts the emulator and runs a short tour of the cmdlets against it.
      Soak     the fault soak alone (a bulk Remove-AuthToken under 429/503, resets before and after
               applying, 200 with a login page), larger with -SoakCount; prints its counts: lost,
               false failures, false successes, requests inside a Retry-After window, duplicated
               effects. All must be 0. Test runs it too, with 300 items.
      Bench    builds Release, then the performance benchmark (tests/TokenAdmin.Benchmarks/Bench.ps1):
               bulk removal beside raw HttpClient, Invoke-RestMethod and ForEach-Object -Parallel at
               several concurrencies and latencies, listing 100k and 1M tokens, import time, and
               BenchmarkDotNet micro-benchmarks; prints ratios from one run (about 10 minutes).
               -Quick: a smoke run with small counts (well under a minute).
      Clean    deletes out/ and the bin/ and obj/ folders of every project.

    The Pester suite and the demo run in a child pwsh: a binary module cannot be unloaded, so
    importing out/TokenAdmin/TokenAdmin.dll here would keep the file locked (Windows) and keep
    the old types in this session after the next build, where a later Import-Module -Force would
    silently go on using the old code. A child process keeps your session clean.

.PARAMETER Task
    One or more of Build, Test, Pester, Package, Demo, Soak, Bench, Clean, run in the order given. Default: Build.
    A comma-joined list in one argument works too (-Task Demo,Pester from bash or cmd).

.PARAMETER SoakCount
    Items the Soak task removes (default 2002).

.PARAMETER Quick
    Bench only: small counts, one round, no micro-benchmarks; shows that the benchmark runs.

.PARAMETER Configuration
    Debug or Release for Build, Pester, Package and Demo (default Release);
    Test builds Debug, as plain dotnet test does.

.EXAMPLE
    ./build.ps1

    Builds Release and stages the module at out/TokenAdmin.

.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test

    Every test, xunit and Pester, on a machine that has only the .NET SDK (what CI runs).

.EXAMPLE
    ./build.ps1 -Task Clean, Build, Test

    A full check from scratch.

.EXAMPLE
    ./build.ps1 -Task Demo

    Starts the emulator and shows the HDC cmdlets at work.

.EXAMPLE
    dotnet pwsh ./build.ps1 Bench

    The performance figures of README "Performance", measured on this machine.

.EXAMPLE
    ./build.ps1 -Task Package

    Produces out/packages/TokenAdmin.<version>.nupkg, ready for Install-PSResource from that folder.
#>
[CmdletBinding()]
param(
    [ArgumentCompletions('Build', 'Test', 'Pester', 'Package', 'Demo', 'Soak', 'Bench', 'Clean')]
    [string[]] $Task = 'Build',

    [ValidateRange(1, 1000000)]
    [int] $SoakCount = 2002,

    [switch] $Quick,

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
$TestToolsProject = Join-Path $RepositoryRoot 'tests/TokenAdmin.TestTools/TokenAdmin.TestTools.csproj'
$TestResultsDirectory = Join-Path $OutDirectory 'TestResults'
$TaskNames = 'Build', 'Test', 'Pester', 'Package', 'Demo', 'Soak', 'Bench', 'Clean'

# "-Task Demo,Pester" arrives from bash (pwsh -File) as ONE string: split it, then check each name.
$Task = @($Task | ForEach-Object -Process { $_ -split ',' } | ForEach-Object -Process { $_.Trim() } | Where-Object -FilterScript { $_ })
foreach ($name in $Task) {
    if ($name -notin $TaskNames) {
        throw "Unknown task '$name'. Tasks: $($TaskNames -join ', ') (several: -Task Build, Test or -Task Build,Test)."
    }
}

# Shared with the Pester suite: Get-DotNetPath (the emulator helpers load only for Demo); child pwsh processes.
. (Join-Path $RepositoryRoot 'src/TokenAdmin.Testing/Functions/DotNet.ps1')
Import-Module -Name (Join-Path $PesterDirectory 'ChildPwsh.psm1') -Force

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

function Get-PesterModulePath {
    <#
        The Pester manifest restored from NuGet by tests/TokenAdmin.TestTools (a PackageDownload of
        one exact version): <NuGet global packages>/pester/<version>/tools/Pester.psd1. Restores that
        project when the package is not there yet. Never a module from the PSModulePath: the suite
        runs with the version the repository pins, on any machine.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    $download = Select-Xml -LiteralPath $TestToolsProject -XPath "//PackageDownload[@Include='Pester']" | Select-Object -First 1
    if ($null -eq $download -or $download.Node.Version -notmatch '^\[?([0-9.]+)\]?$') {
        throw "Could not read Pester's exact version (<PackageDownload Include=""Pester"" Version=""[x.y.z]"" />) from $TestToolsProject."
    }

    $version = $Matches[1]
    $dotnet = Get-DotNetPath
    $PSNativeCommandUseErrorActionPreference = $false
    $packageRoot = $env:NUGET_PACKAGES
    if (-not $packageRoot) {
        $listed = & $dotnet nuget locals global-packages --list 2>$null | Select-Object -First 1
        $packageRoot = ("$listed" -replace '^[^:]*global-packages:\s*', '').Trim()
    }

    $manifest = Join-Path $packageRoot "pester/$version/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $manifest -PathType Leaf)) {
        Invoke-NativeCommand -FilePath $dotnet -ArgumentList 'restore', $TestToolsProject, '--nologo' `
            -FailureMessage "Restoring Pester $version from NuGet failed (dotnet restore $TestToolsProject); the error is above"
    }

    if (-not (Test-Path -LiteralPath $manifest -PathType Leaf)) {
        throw "Pester $version was restored but $manifest does not exist. Check the NuGet global packages folder (dotnet nuget locals global-packages --list)."
    }

    $manifest
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
        & $FilePath @ArgumentList | Out-Host
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

function Read-TrxCount {
    <# Passed, failed and not-run counts from the TRX files dotnet test wrote to $Directory. #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [string] $Directory
    )

    $passed = 0
    $failed = 0
    $notRun = 0
    $files = @(Get-ChildItem -LiteralPath $Directory -Filter '*.trx' -File -Recurse -ErrorAction SilentlyContinue)
    foreach ($file in $files) {
        $counters = ([xml] (Get-Content -LiteralPath $file.FullName -Raw)).TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        $notRun += [int] $counters.notExecuted + [int] $counters.inconclusive
    }

    [pscustomobject]@{ Files = $files.Count; Passed = $passed; Failed = $failed; NotRun = $notRun }
}

function Invoke-XunitSuite {
    <#
        Plain "dotnet test" in the repository root (it builds Debug, which also re-stages
        out/TokenAdmin as Debug), with a TRX logger so the counts are read, not scraped.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param()

    $resultDirectory = Join-Path $TestResultsDirectory 'xunit'
    Remove-Item -LiteralPath $resultDirectory -Recurse -Force -ErrorAction SilentlyContinue
    $dotnet = Get-DotNetPath
    $exitCode = 0
    try {
        Invoke-NativeCommand -FilePath $dotnet -ArgumentList 'test', '--logger', 'trx', '--logger', 'console;verbosity=minimal', '--results-directory', $resultDirectory `
            -FailureMessage 'dotnet test failed'
    }
    catch {
        $exitCode = 1
    }

    # out/TokenAdmin now holds the Debug build: a later Build or Demo task in this run must build again.
    $BuiltConfigurations.Clear()
    $count = Read-TrxCount -Directory $resultDirectory
    if ($exitCode -ne 0 -and $count.Failed -eq 0) {
        Write-Host 'dotnet test failed without reporting a failed test (a build error, a crashed test host or a timeout; see above): counted as one failure.' -ForegroundColor Red
        $count.Failed = 1
    }

    $color = if ($count.Failed -gt 0 -or $count.NotRun -gt 0) { 'Red' } else { 'Green' }
    Write-Host ("xunit: {0} passed, {1} failed, {2} not run ({3} test assemblies)" -f $count.Passed, $count.Failed, $count.NotRun, $count.Files) -ForegroundColor $color
    $count
}

function Invoke-TestTask {
    [CmdletBinding()]
    param()

    $xunit = Invoke-XunitSuite
    # The Pester suite runs against the module dotnet test just staged (Debug), even when xunit failed.
    $pester = Invoke-PesterSuite -SuiteConfiguration 'Debug'
    # A skipped or not-run test is not a pass: CI must run every test.
    $passed = $xunit.Passed + $pester.PassedCount
    $failed = $xunit.Failed + $xunit.NotRun + $pester.NotPassedCount
    Write-Host ''
    Write-Host ("xunit and Pester: {0} passed, {1} failed" -f $passed, $failed) -ForegroundColor ($(if ($failed -gt 0) { 'Red' } else { 'Green' }))
    "$passed passed, $failed failed" | Out-Host
    if ($failed -gt 0) {
        throw "$failed test(s) failed or did not run; see the summaries above."
    }
}

function Invoke-PesterSuite {
    <# Runs the Pester suite in a child pwsh and prints its summary; returns the counts, and NotPassedCount. #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [ValidateSet('Debug', 'Release')]
        [string] $SuiteConfiguration = $Configuration
    )

    $pesterManifest = Get-PesterModulePath
    if (-not (Test-Path -LiteralPath $ModuleManifest -PathType Leaf)) {
        Write-Host 'out/TokenAdmin is missing: building it first.'
        Invoke-BuildTask -BuildConfiguration $SuiteConfiguration
    }

    $runner = Join-Path $PesterDirectory 'Invoke-PesterSuite.ps1'
    $summaryPath = Join-Path ([System.IO.Path]::GetTempPath()) ('TokenAdmin.Pester.' + [guid]::NewGuid().ToString('N') + '.json')
    $testResultPath = Join-Path $TestResultsDirectory 'Pester.xml'
    $previousConfiguration = $env:TOKENADMIN_CONFIGURATION
    # The suite starts the emulator built in this configuration (see Pester/EmulatorSupport.psm1).
    $env:TOKENADMIN_CONFIGURATION = $SuiteConfiguration
    try {
        Write-Host "Running Pester ($pesterManifest) on $PesterDirectory in a child pwsh" -ForegroundColor DarkGray
        $exitCode = Invoke-ChildPwsh -ArgumentList '-File', $runner, '-Path', $PesterDirectory, '-SummaryPath', $summaryPath,
            '-TestResultPath', $testResultPath, '-PesterPath', $pesterManifest
        if (Test-Path -LiteralPath $summaryPath -PathType Leaf) {
            $summary = Get-Content -LiteralPath $summaryPath -Raw | ConvertFrom-Json
        }
        else {
            Write-Host "The Pester run did not complete (exit code $exitCode); its error is above: counted as one failure." -ForegroundColor Red
            $summary = [pscustomobject]@{ PassedCount = 0; FailedCount = 1; SkippedCount = 0; NotRunCount = 0; FailedBlocksCount = 0; FailedContainersCount = 0 }
        }
    }
    finally {
        $env:TOKENADMIN_CONFIGURATION = $previousConfiguration
        Remove-Item -LiteralPath $summaryPath -Force -ErrorAction SilentlyContinue
    }

    if ($summary.TotalCount -eq 0 -and $summary.FailedCount -eq 0) {
        # A suite of hundreds of tests that ran none did not pass.
        Write-Host 'The Pester run reported no tests at all: counted as one failure.' -ForegroundColor Red
        $summary.FailedCount = 1
    }

    $failed = $summary.FailedCount -gt 0 -or $summary.FailedBlocksCount -gt 0 -or $summary.FailedContainersCount -gt 0
    Write-Host ("Pester: {0} passed, {1} failed" -f $summary.PassedCount, $summary.FailedCount) -ForegroundColor ($(if ($failed) { 'Red' } else { 'Green' }))
    if ($summary.SkippedCount -gt 0 -or $summary.NotRunCount -gt 0) {
        Write-Host ("        {0} skipped, {1} not run" -f $summary.SkippedCount, $summary.NotRunCount) -ForegroundColor Red
    }

    if ($summary.FailedBlocksCount -gt 0 -or $summary.FailedContainersCount -gt 0) {
        Write-Host ("        {0} failed BeforeAll/AfterAll block(s), {1} test file(s) that failed to load" -f $summary.FailedBlocksCount, $summary.FailedContainersCount) -ForegroundColor Red
    }

    Write-Host "NUnit results: $testResultPath" -ForegroundColor DarkGray
    # Everything that is not a pass, in one number: failed, skipped and not-run tests, and broken blocks or files.
    $notPassed = $summary.FailedCount + $summary.SkippedCount + $summary.NotRunCount + $summary.FailedBlocksCount + $summary.FailedContainersCount
    $summary | Add-Member -NotePropertyName NotPassedCount -NotePropertyValue $notPassed -PassThru
}

function Invoke-PesterTask {
    [CmdletBinding()]
    param()

    $summary = Invoke-PesterSuite
    if ($summary.NotPassedCount -gt 0) {
        throw "The Pester suite did not pass: $($summary.FailedCount) failed, $($summary.SkippedCount) skipped, $($summary.NotRunCount) not run, $($summary.FailedBlocksCount + $summary.FailedContainersCount) block(s) or file(s) could not run; see the output above."
    }
}

function Invoke-PackageTask {
    <#
        Builds, then makes the three packages a user installs, in out/packages:
        - TokenAdmin and TokenAdmin.Testing (src/TokenAdmin.Testing), each with Publish-PSResource
          (PSResourceGet ships with PowerShell), so they are exactly what PSResourceGet produces and
          accepts. The publish runs in a child pwsh whose user data folders point into a temporary
          folder: registering the scratch repository never touches the caller's PSResourceGet settings.
        - TokenAdmin.Emulator, the emulator as a .NET tool (dotnet pack; PackAsTool in its project).
    #>
    [CmdletBinding()]
    param()

    Invoke-BuildTask
    $version = (Import-PowerShellDataFile -LiteralPath $ModuleManifest).ModuleVersion
    $testingModule = Join-Path $RepositoryRoot 'src/TokenAdmin.Testing'
    $testingVersion = (Import-PowerShellDataFile -LiteralPath (Join-Path $testingModule 'TokenAdmin.Testing.psd1')).ModuleVersion
    if ($testingVersion -ne $version) {
        throw "src/TokenAdmin.Testing/TokenAdmin.Testing.psd1 has ModuleVersion $testingVersion, TokenAdmin.psd1 ${version}: the two ship together, set the same version in both."
    }

    $packageDirectory = Join-Path $OutDirectory 'packages'
    $null = New-Item -ItemType Directory -Path $packageDirectory -Force
    $scratch = Join-Path ([System.IO.Path]::GetTempPath()) ('TokenAdmin.Package.' + [guid]::NewGuid().ToString('N'))
    $script = Join-Path $scratch 'publish.ps1'
    $null = New-Item -ItemType Directory -Path (Join-Path $scratch 'repository') -Force
    Set-Content -LiteralPath $script -Encoding utf8 -Value @'
# Every argument after the repository is a module folder to publish.
param($Repository)
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name TokenAdminPackage -Uri $Repository -Trusted
foreach ($directory in $args) { Publish-PSResource -Path $directory -Repository TokenAdminPackage }
'@
    try {
        $exitCode = Invoke-ChildPwsh -UserHome (Join-Path $scratch 'home') -ArgumentList '-File', $script, (Join-Path $scratch 'repository'), $ModuleDirectory, $testingModule
        foreach ($name in 'TokenAdmin', 'TokenAdmin.Testing') {
            $built = Join-Path $scratch "repository/$name.$version.nupkg"
            if ($exitCode -ne 0 -or -not (Test-Path -LiteralPath $built -PathType Leaf)) {
                throw "Publish-PSResource did not produce $name.$version.nupkg (exit code $exitCode); its error is above."
            }

            Copy-Item -LiteralPath $built -Destination (Join-Path $packageDirectory "$name.$version.nupkg") -Force
        }
    }
    finally {
        Remove-Item -LiteralPath $scratch -Recurse -Force -ErrorAction SilentlyContinue
    }

    # --no-build: the Build task above has just built it in this configuration.
    Invoke-NativeCommand -FilePath (Get-DotNetPath) -ArgumentList 'pack', (Join-Path $RepositoryRoot 'src/TokenAdmin.Emulator/TokenAdmin.Emulator.csproj'),
        '--configuration', $Configuration, '--output', $packageDirectory, '--no-build', '--nologo' `
        -FailureMessage 'dotnet pack of the emulator tool failed; the errors are above'
    if (-not (Test-Path -LiteralPath (Join-Path $packageDirectory "TokenAdmin.Emulator.$version.nupkg") -PathType Leaf)) {
        throw "dotnet pack did not produce TokenAdmin.Emulator.$version.nupkg in $packageDirectory."
    }

    Write-Host "Packaged TokenAdmin $version, TokenAdmin.Testing $version and the TokenAdmin.Emulator tool $version at $packageDirectory" -ForegroundColor Green
}

function Invoke-DemoTask {
    [CmdletBinding()]
    param()

    Invoke-BuildTask
    $emulator = $null
    try {
        Import-Module -Name $EmulatorSupportModule -Force
        $emulator = Start-TokenAdminEmulator -Configuration $Configuration
        Write-Host "Emulator listening at $($emulator.BaseUri) (HDC at $($emulator.HdcBaseUri))" -ForegroundColor DarkGray
        # A child pwsh, so the demo's Import-Module and connection stay out of this session (see .DESCRIPTION).
        $exitCode = Invoke-ChildPwsh -ArgumentList '-File', (Join-Path $PesterDirectory 'Demo.ps1'),
            '-BaseUri', $emulator.HdcBaseUri.AbsoluteUri, '-ModulePath', $ModuleManifest
        if ($exitCode -ne 0) {
            throw "The demo failed (exit code $exitCode); its error is above."
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

function Invoke-SoakTask {
    <#
        The engine suite's fault soak with TOKENADMIN_SOAK_COUNT items; the detailed console
        logger prints the test's own output line with the counts.
    #>
    [CmdletBinding()]
    param()

    $project = Join-Path $RepositoryRoot 'tests/TokenAdmin.Engine.Tests/TokenAdmin.Engine.Tests.csproj'
    $previous = $env:TOKENADMIN_SOAK_COUNT
    $env:TOKENADMIN_SOAK_COUNT = $SoakCount
    try {
        Invoke-NativeCommand -FilePath (Get-DotNetPath) -ArgumentList 'test', $project, '--filter', 'FullyQualifiedName~FaultSoakTests', '--logger', 'console;verbosity=detailed' `
            -FailureMessage 'The fault soak found lost items or false outcomes (see its counts above)'
    }
    finally {
        $env:TOKENADMIN_SOAK_COUNT = $previous
    }

    $BuiltConfigurations.Clear()
}

function Invoke-BenchTask {
    <# Release build, then the benchmark; it measures the Release module and emulator. #>
    [CmdletBinding()]
    param()

    Invoke-BuildTask -BuildConfiguration Release
    & (Join-Path $RepositoryRoot 'tests/TokenAdmin.Benchmarks/Bench.ps1') -Quick:$Quick
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
            'Soak' { Invoke-SoakTask }
            'Bench' { Invoke-BenchTask }
            'Clean' { Invoke-CleanTask }
        }
    }
}
finally {
    # Run from an existing session, the script must not leave its helper module behind.
    Remove-Module -Name 'EmulatorSupport', 'ChildPwsh' -Force -ErrorAction SilentlyContinue
}

Write-Host ''
Write-Host ("Done: {0} in {1:0.0} s" -f ($Task -join ', '), $stopwatch.Elapsed.TotalSeconds) -ForegroundColor Green
