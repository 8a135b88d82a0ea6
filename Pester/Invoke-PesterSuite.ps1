#Requires -Version 7.4
<#
.SYNOPSIS
    Runs the TokenAdmin Pester suite in this process and writes a JSON summary of the result.

.DESCRIPTION
    build.ps1 (Pester task) runs this script in a child pwsh, so that the binary module the tests
    import never loads into the caller's session (see build.ps1). The summary it writes holds the
    counts of the Pester run (PassedCount, FailedCount, SkippedCount, NotRunCount, TotalCount,
    FailedBlocksCount, FailedContainersCount) and its Result; build.ps1 prints and judges them.

    Not named *.Tests.ps1, so Pester does not pick it up as a test file. It deliberately sets no
    strict mode and no $ErrorActionPreference at script scope: the test files run below this scope
    and must see PowerShell's defaults, as they would under a plain Invoke-Pester.

.PARAMETER Path
    The folder (or files) holding the *.Tests.ps1 files.

.PARAMETER SummaryPath
    Where to write the JSON summary.

.PARAMETER TestResultPath
    Optional: also write NUnit XML results here (for CI test reports).

.PARAMETER PesterPath
    The Pester manifest to import: build.ps1 passes the one the repository restores from NuGet
    (tests/TokenAdmin.TestTools pins its exact version), so every machine runs the same Pester.

.EXAMPLE
    dotnet pwsh -NoProfile -File Pester/Invoke-PesterSuite.ps1 -Path ./Pester -SummaryPath ./pester.json -PesterPath ~/.nuget/packages/pester/5.9.1/tools/Pester.psd1
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string[]] $Path,

    [Parameter(Mandatory)]
    [string] $SummaryPath,

    [string] $TestResultPath,

    [Parameter(Mandatory)]
    [string] $PesterPath
)

try {
    Import-Module -Name $PesterPath -ErrorAction Stop

    $configuration = New-PesterConfiguration
    $configuration.Run.Path = $Path
    $configuration.Run.Exit = $false
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $configuration
    if ($null -eq $result) {
        # Pester writes a failure of its own End step (a report it could not write) as an error and
        # returns nothing: that must never read as a clean run of zero tests.
        throw 'Invoke-Pester returned no result; its error is above.'
    }

    if ($TestResultPath) {
        # Written here, not by Pester's End step: a failure message with a control character (an
        # ANSI colour a test captured) makes the NUnit writer throw, and that must not lose the counts.
        try {
            $resultDirectory = Split-Path -Parent $TestResultPath
            if ($resultDirectory -and -not (Test-Path -LiteralPath $resultDirectory)) {
                $null = New-Item -ItemType Directory -Path $resultDirectory -Force -ErrorAction Stop
            }

            $result | Export-NUnitReport -Path $TestResultPath -ErrorAction Stop
        }
        catch {
            Write-Host "The NUnit report $TestResultPath could not be written ($($_.Exception.Message)); the counts below are Pester's own." -ForegroundColor Yellow
        }
    }

    [ordered]@{
        Result                = "$($result.Result)"
        PassedCount           = [int] $result.PassedCount
        FailedCount           = [int] $result.FailedCount
        SkippedCount          = [int] $result.SkippedCount
        NotRunCount           = [int] $result.NotRunCount
        TotalCount            = [int] $result.TotalCount
        FailedBlocksCount     = [int] $result.FailedBlocksCount
        FailedContainersCount = [int] $result.FailedContainersCount
        DurationSeconds       = [math]::Round($result.Duration.TotalSeconds, 1)
    } | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath -Encoding utf8 -ErrorAction Stop

    exit 0
}
catch {
    Write-Host "The Pester run could not complete: $($_.Exception.Message)" -ForegroundColor Red
    Write-Host $_.ScriptStackTrace
    exit 2
}
