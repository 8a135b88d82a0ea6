#Requires -Version 7.4
<#
    The performance behaviour in a real pwsh, against the emulator process: the token listing is
    streamed, bulk runs adapt their concurrency to a service's quota, and the benchmark runs.
    Numbers are never asserted here (build.ps1 Bench prints them); behaviour is.
#>

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'EmulatorSupport.psm1') -Force
    Import-Module -Name (Join-Path $PSScriptRoot 'ChildPwsh.psm1') -Force
    $ModuleManifest = Get-TokenAdminModuleManifest
    $Emulator = Start-TokenAdminEmulator
    Import-Module -Name $ModuleManifest -Force
    $AdminCredential = Get-TokenAdminEmulatorHdcCredential -Emulator $Emulator -Role admin
    $ProgressPreference = 'SilentlyContinue'
}

AfterAll {
    Remove-TokenAdminTestSession -Emulator $Emulator
    Remove-Module -Name 'EmulatorSupport', 'ChildPwsh' -Force -ErrorAction SilentlyContinue
}

Describe 'Performance behaviour' {
    BeforeEach {
        Reset-TokenAdminEmulator -Emulator $Emulator
        Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -Credential $AdminCredential
    }

    It 'writes the first tokens of a listing that is still arriving, and Select-Object -First ends the read' {
        $body = '{"list":[{"userId":5,"token":"first-token-value-000000000000","context":[{"name":"ReadDocuments","code":2}]},' +
            '{"userId":42,"token":"second-token-value-00000000000","context":[{"name":"ReadDocuments","code":2}]},{"userId":7'
        Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.list' -Step @{ status = 200; body = $body; contentType = 'application/json'; hang = $true }

        $tokens = Get-AuthToken | Select-Object -First 2

        $tokens.UserId | Should -Be 5, 42
        $tokens[0].Fingerprint | Should -Match '^[0-9a-f]{12}$'
    }

    It 'removes every token without -ThrottleLimit against a concurrency quota, lowering its concurrency to it' {
        $count = 80
        1..$count | ForEach-Object { New-AuthToken -UserId 777 -Context ReadDocuments -Confirm:$false } | Out-Null
        Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.delete' -LatencyMs 10 -ConcurrencyLimit 5 -ConcurrencyRetryAfter '1'

        $verbose = Get-AuthToken -UserId 777 | Remove-AuthToken -Confirm:$false -Verbose -ErrorVariable failed 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        $failed | Should -BeNullOrEmpty
        Get-AuthToken -UserId 777 | Should -BeNullOrEmpty
        $summary = @($verbose | Where-Object Message -Match 'requests in flight adapted between (\d+) and (\d+), ending at (\d+)')
        $summary | Should -HaveCount 1
        [int] $Matches[3] | Should -BeLessOrEqual 7
        @(Get-TokenAdminEmulatorJournal -Emulator $Emulator | Where-Object fault -EQ 'concurrency-limit').Count | Should -BeGreaterThan 0
    }

    It 'runs the benchmark end to end (build.ps1 Bench -Quick, on the module under test)' {
        $bench = Join-Path $PSScriptRoot '../tests/TokenAdmin.Benchmarks/Bench.ps1'
        $configuration = if ($env:TOKENADMIN_CONFIGURATION) { $env:TOKENADMIN_CONFIGURATION } else { 'Release' }
        $run = Invoke-ChildPwsh -Capture -ArgumentList '-File', $bench, '-Quick', '-Configuration', $configuration

        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $text = $run.Output -join "`n"
        $text | Should -Match 'Remove-AuthToken -ThrottleLimit 16'
        $text | Should -Match 'raw HttpClient, concurrency 16'
        $text | Should -Match 'raw RestSharp, concurrency 16'
        $text | Should -Match 'Get-AuthToken'
        $text | Should -Match 'Import-Module TokenAdmin'
    }
}
