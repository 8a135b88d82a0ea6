#Requires -Version 7.4
<#
    The suite's own runner (Invoke-PesterSuite.ps1, which build.ps1 and CI use): a failing test is
    counted as failed even when Pester cannot write its NUnit report, and a run is never a clean
    "0 passed, 0 failed". A runner that loses failures makes every other test worthless.
#>

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'ChildPwsh.psm1') -Force
    $Scratch = Join-Path ([System.IO.Path]::GetTempPath()) ('TokenAdmin.Runner.' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $Scratch
    $PesterManifest = (Get-Module -Name Pester).Path -replace '\.psm1$', '.psd1'

    function Invoke-Runner([string] $TestText) {
        $tests = Join-Path $Scratch ('t' + [guid]::NewGuid().ToString('N') + '.Tests.ps1')
        Set-Content -LiteralPath $tests -Value $TestText -Encoding utf8
        $summary = Join-Path $Scratch 'summary.json'
        Remove-Item -LiteralPath $summary -ErrorAction SilentlyContinue
        $run = Invoke-ChildPwsh -Capture -ArgumentList '-File', (Join-Path $PSScriptRoot 'Invoke-PesterSuite.ps1'), '-Path', $tests,
            '-SummaryPath', $summary, '-TestResultPath', (Join-Path $Scratch 'result.xml'), '-PesterPath', $PesterManifest
        [pscustomobject]@{ Run = $run; Summary = if (Test-Path -LiteralPath $summary) { Get-Content -LiteralPath $summary -Raw | ConvertFrom-Json } }
    }
}

AfterAll { Remove-Item -LiteralPath $Scratch -Recurse -Force -ErrorAction SilentlyContinue }

Describe 'The suite runner' {
    It 'counts a failure whose message holds a control character (an ANSI colour), which the NUnit writer cannot write' {
        $result = Invoke-Runner @'
Describe 'x' {
    It 'passes' { 1 | Should -Be 1 }
    It 'fails with a coloured message' { "a`e[31mred`e[0m" | Should -Be 'plain' }
}
'@
        $result.Summary.PassedCount | Should -Be 1 -Because ($result.Run.Output -join "`n")
        $result.Summary.FailedCount | Should -Be 1
    }

    It 'writes the NUnit report when it can' {
        $result = Invoke-Runner "Describe 'x' { It 'passes' { 1 | Should -Be 1 } }"
        $result.Summary.PassedCount | Should -Be 1
        ([xml] (Get-Content -LiteralPath (Join-Path $Scratch 'result.xml') -Raw)).'test-results'.total | Should -Be 1
    }
}
