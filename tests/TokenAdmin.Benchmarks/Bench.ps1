#Requires -Version 7.4
<#
.SYNOPSIS
    The performance benchmark: TokenAdmin beside raw HttpClient, Invoke-RestMethod and
    ForEach-Object -Parallel, in one run, printed as ratios. Run it through build.ps1 Bench.

.DESCRIPTION
    Needs the Release build (build.ps1 Bench builds it). Everything runs on this machine against
    the emulator on 127.0.0.1, each variant in a child process of its own, interleaved over rounds
    (medians), so the machine's noise falls on every variant alike.

      Bulk removal    -Items tokens of one user, removed by: Remove-AuthToken at each concurrency and
                      with its adaptive default; a C# program with one shared HttpClient at the same
                      concurrency ("raw"); ForEach-Object -Parallel { Invoke-RestMethod }; and a plain
                      foreach { Invoke-RestMethod } loop (-IrmItems tokens, it is slow). At each
                      injected latency. Removals per second, CPU per removal, and module / raw.
      Listing         Get-AuthToken over each of -ListSizes tokens: time to the first object, total
                      time, and the peak working set above the idle module; Invoke-RestMethod beside
                      it up to 100,000 tokens.
      Import          pwsh -NoProfile -c exit, with and without Import-Module TokenAdmin.
      Micro           BenchmarkDotNet: the core's per-request work and the listing parser.

    Bulk removal is measured twice: cold (a fresh pwsh, as a scheduled script runs) and warm (after
    -Warmup removals in the same process, once JIT and tiered compilation have settled: the cost of
    the work itself). Numbers are for comparing side by side on one machine, never thresholds.
#>
[CmdletBinding()]
param(
    [ValidateRange(10, 1000000)]
    [int] $Items = 2000,

    [ValidateRange(10, 100000)]
    [int] $IrmItems = 200,

    [ValidateRange(1, 64)]
    [int[]] $Concurrency = @(16, 32, 64),

    [ValidateRange(0, 1000)]
    [int[]] $LatencyMs = @(0, 20),

    [ValidateRange(1000, 10000000)]
    [int[]] $ListSizes = @(100000, 1000000),

    [ValidateRange(1, 20)]
    [int] $Rounds = 3,

    # Removals done untimed in the same process before the warm CPU measurement (on 2 cores,
    # tiered compilation of PowerShell, RestSharp and TokenAdmin goes on for some 20,000).
    [ValidateRange(0, 1000000)]
    [int] $Warmup = 24000,

    # Which parts to run: Removal, Warm, Listing, Import, Micro (default: all; "Warm,Listing" works from bash too).
    [string[]] $Section = @('Removal', 'Warm', 'Listing', 'Import', 'Micro'),

    [switch] $SkipMicro,

    # The build to measure (build.ps1 Bench builds Release; the Pester smoke test uses the suite's).
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # A smoke run in well under a minute: small counts, one round, no micro-benchmarks. Checks that the benchmark works, measures little.
    [switch] $Quick
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $false
$Section = @($Section | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
foreach ($name in $Section) {
    if ($name -notin 'Removal', 'Warm', 'Listing', 'Import', 'Micro') {
        throw "Unknown section '$name'. Sections: Removal, Warm, Listing, Import, Micro."
    }
}
if ($Quick) {
    $Items = 100
    $IrmItems = 20
    $Concurrency = @(16)
    $LatencyMs = @(0)
    $ListSizes = @(10000)
    $Rounds = 1
    $Warmup = 100
    $SkipMicro = $true
}

$repositoryRoot = Resolve-Path (Join-Path $PSScriptRoot '../..')
$manifest = Join-Path $repositoryRoot 'out/TokenAdmin/TokenAdmin.psd1'
$benchAssembly = Join-Path $PSScriptRoot "bin/$Configuration/net10.0/TokenAdmin.Benchmarks.dll"
Import-Module (Join-Path $repositoryRoot 'Pester/EmulatorSupport.psm1') -Force
Import-Module (Join-Path $repositoryRoot 'Pester/ChildPwsh.psm1') -Force
$dotnet = Get-DotNetPath
$pwsh = Get-PwshCommand
$owner = 777 # the emulator's --hdc-tokens belong to this user

foreach ($required in $manifest, $benchAssembly) {
    if (-not (Test-Path -LiteralPath $required -PathType Leaf)) {
        throw "$required is missing: run 'dotnet pwsh ./build.ps1 Bench', which builds Release first (or build $Configuration)."
    }
}

# Each child prints one JSON line last; everything before it is shown only if it fails.
$removalScript = @'
param($Manifest, $BaseUri, $User, $Password, $Owner, $Variant, [int] $Concurrency, [int] $Limit, [int] $Warmup)
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
$credential = [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
$null = Connect-AuthTokenService -BaseUri $BaseUri -Credential $credential
$tokens = @(Get-AuthToken -UserId $Owner | Select-Object -First ($Limit + $Warmup))
if ($Warmup -gt 0) {
    # Untimed, the same pipeline as the timed part: JIT and tiered compilation settle first.
    $tokens[0..($Warmup - 1)] | Remove-AuthToken -ThrottleLimit $Concurrency -Confirm:$false
    $tokens = @($tokens | Select-Object -Skip $Warmup)
}
$url = "${BaseUri}api/authtokens"
$headers = @{ Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${User}:$Password")) }
$process = [System.Diagnostics.Process]::GetCurrentProcess()
$cpu = $process.TotalProcessorTime
$clock = [System.Diagnostics.Stopwatch]::StartNew()
switch ($Variant) {
    'module' { $tokens | Remove-AuthToken -ThrottleLimit $Concurrency -Confirm:$false }
    'adaptive' { $tokens | Remove-AuthToken -Confirm:$false }
    'parallel' {
        $tokens.Token | ForEach-Object -ThrottleLimit $Concurrency -Parallel {
            $null = Invoke-RestMethod -Method Delete -Uri $using:url -Headers $using:headers -ContentType 'application/json' -Body (@{ token = $_ } | ConvertTo-Json -Compress)
        }
    }
    'irm' {
        foreach ($token in $tokens.Token) {
            $null = Invoke-RestMethod -Method Delete -Uri $url -Headers $headers -ContentType 'application/json' -Body (@{ token = $token } | ConvertTo-Json -Compress)
        }
    }
}
$clock.Stop()
$process.Refresh()
@{ items = $tokens.Count; elapsedMs = $clock.Elapsed.TotalMilliseconds; cpuMs = ($process.TotalProcessorTime - $cpu).TotalMilliseconds } | ConvertTo-Json -Compress
'@

$listingScript = @'
param($Manifest, $BaseUri, $User, $Password, $Variant)
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
$credential = [pscredential]::new($User, (ConvertTo-SecureString $Password -AsPlainText -Force))
$null = Connect-AuthTokenService -BaseUri $BaseUri -Credential $credential
$null = Get-AuthTokenContext # one request first: connection and JIT warm, as at a prompt
[GC]::Collect()
$process = [System.Diagnostics.Process]::GetCurrentProcess()
$idle = $process.WorkingSet64
$clock = [System.Diagnostics.Stopwatch]::StartNew()
if ($Variant -eq 'module') {
    $null = Get-AuthToken | Select-Object -First 1
    $first = $clock.Elapsed.TotalMilliseconds
    $clock.Restart()
    $count = (Get-AuthToken | Measure-Object).Count
}
else {
    $headers = @{ Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${User}:$Password")) }
    $count = (Invoke-RestMethod -Uri "${BaseUri}api/authtokens/json" -Headers $headers).list.Count
    $first = $clock.Elapsed.TotalMilliseconds # Invoke-RestMethod writes nothing before the whole body is parsed
}
$total = $clock.Elapsed.TotalMilliseconds
$process.Refresh()
@{ count = $count; firstMs = $first; totalMs = $total; peakAboveIdleMB = ($process.PeakWorkingSet64 - $idle) / 1MB } | ConvertTo-Json -Compress
'@

$scratch = Join-Path ([System.IO.Path]::GetTempPath()) ('TokenAdmin.Bench.' + [guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory -Path $scratch
$removalPath = Join-Path $scratch 'removal.ps1'
$listingPath = Join-Path $scratch 'listing.ps1'
Set-Content -LiteralPath $removalPath -Value $removalScript -Encoding utf8
Set-Content -LiteralPath $listingPath -Value $listingScript -Encoding utf8

function Invoke-Measured {
    <# Runs a program, returns its last output line parsed as JSON; throws with its output when it fails. #>
    param([string] $FilePath, [string[]] $ArgumentList)

    $output = @(& $FilePath @ArgumentList 2>&1 | ForEach-Object -Process { "$_" })
    if ($LASTEXITCODE -ne 0 -or $output.Count -eq 0) {
        throw "$([System.IO.Path]::GetFileName($FilePath)) $($ArgumentList -join ' ') failed (exit code $LASTEXITCODE):`n$($output -join "`n")"
    }

    $output[-1] | ConvertFrom-Json
}

function Invoke-Child {
    param([string] $Script, [object[]] $ArgumentList)

    $command = @($pwsh)
    Invoke-Measured -FilePath $command[0] -ArgumentList (@($command | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $Script) + @($ArgumentList | ForEach-Object { "$_" }))
}

function Get-Median {
    param([double[]] $Values)

    $sorted = @($Values | Sort-Object)
    if ($sorted.Count % 2 -eq 1) { $sorted[[int][math]::Floor($sorted.Count / 2)] }
    else { ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2 }
}

function Format-Ratio([double] $Value) { '{0:0.00}' -f $Value }

function Write-Table {
    param([string] $Title, [object[]] $Rows)

    Write-Host ''
    Write-Host $Title -ForegroundColor Cyan
    $Rows | Format-Table -AutoSize | Out-String -Width 200 | Write-Host
}

$results = [System.Collections.Generic.List[object]]::new()
try {
    foreach ($latency in @(if ('Removal' -in $Section) { $LatencyMs })) {
        $emulator = Start-TokenAdminEmulator -Configuration $Configuration -ArgumentList @('--hdc-tokens', "$Items") -TimeoutSec 120
        try {
            $credential = Get-TokenAdminEmulatorHdcCredential -Emulator $emulator
            $common = @($manifest, $emulator.Services.Hdc.BaseUri.AbsoluteUri, $credential.UserName, $credential.GetNetworkCredential().Password, $owner)
            $variants = @(foreach ($c in $Concurrency) {
                    [pscustomobject]@{ Name = "Remove-AuthToken -ThrottleLimit $c"; Kind = 'module'; Concurrency = $c }
                    [pscustomobject]@{ Name = "raw HttpClient, concurrency $c"; Kind = 'raw'; Concurrency = $c }
                    # RestSharp's own share (fixed by the design): the floor under the module's ratio.
                    [pscustomobject]@{ Name = "raw RestSharp, concurrency $c"; Kind = 'rawrestsharp'; Concurrency = $c }
                }
                [pscustomobject]@{ Name = 'Remove-AuthToken (adaptive default)'; Kind = 'adaptive'; Concurrency = 16 }
                [pscustomobject]@{ Name = "ForEach-Object -Parallel { Invoke-RestMethod } -ThrottleLimit $($Concurrency[0]) ($([math]::Min($Items, 5 * $IrmItems)) items)"; Kind = 'parallel'; Concurrency = $Concurrency[0] }
                [pscustomobject]@{ Name = "foreach { Invoke-RestMethod } ($IrmItems items)"; Kind = 'irm'; Concurrency = 1 })
            $samples = @{}
            for ($round = 1; $round -le $Rounds; $round++) {
                foreach ($variant in $variants) {
                    Write-Host ("latency {0} ms, round {1}/{2}: {3}" -f $latency, $round, $Rounds, $variant.Name) -ForegroundColor DarkGray
                    Reset-TokenAdminEmulator -Emulator $emulator # also clears the latency: set it again
                    if ($latency -gt 0) {
                        Add-TokenAdminEmulatorFault -Emulator $emulator -Route 'hdc.tokens.delete' -LatencyMs $latency
                    }
                    $measured = if ($variant.Kind -in 'raw', 'rawrestsharp') {
                        $client = if ($variant.Kind -eq 'raw') { 'httpclient' } else { 'restsharp' }
                        Invoke-Measured -FilePath $dotnet -ArgumentList @($benchAssembly, 'raw-remove', '--base', $common[1], '--user', $common[2], '--password', $common[3], '--owner', "$owner", '--concurrency', "$($variant.Concurrency)", '--client', $client)
                    }
                    else {
                        # The slow loops remove fewer: their rate is as clear from a few hundred.
                        $limit = switch ($variant.Kind) { 'irm' { $IrmItems } 'parallel' { [math]::Min($Items, 5 * $IrmItems) } default { $Items } }
                        Invoke-Child -Script $removalPath -ArgumentList ($common + @($variant.Kind, $variant.Concurrency, $limit, 0))
                    }

                    if (-not $samples.ContainsKey($variant.Name)) { $samples[$variant.Name] = [System.Collections.Generic.List[object]]::new() }
                    $samples[$variant.Name].Add($measured)
                }
            }

            $rate = @{}
            $cpu = @{}
            foreach ($variant in $variants) {
                $rate[$variant.Name] = Get-Median -Values @($samples[$variant.Name] | ForEach-Object { $_.items / ($_.elapsedMs / 1000) })
                $cpu[$variant.Name] = Get-Median -Values @($samples[$variant.Name] | ForEach-Object { $_.cpuMs / [math]::Max(1, $_.items) })
            }

            $rows = foreach ($variant in $variants) {
                $rawName = "raw HttpClient, concurrency $($variant.Concurrency)"
                $hasRaw = $rate.ContainsKey($rawName) -and $variant.Kind -ne 'raw'
                [pscustomobject]@{
                    Variant          = $variant.Name
                    'Removals/s'     = [math]::Round($rate[$variant.Name])
                    'CPU ms/removal' = '{0:0.000}' -f $cpu[$variant.Name]
                    'Rate vs raw'    = if ($hasRaw) { Format-Ratio ($rate[$variant.Name] / $rate[$rawName]) } else { '' }
                    'CPU vs raw'     = if ($hasRaw) { Format-Ratio ($cpu[$variant.Name] / $cpu[$rawName]) } else { '' }
                }
            }

            $title = "Bulk removal of $Items tokens, $latency ms latency per removal (medians of $Rounds rounds; raw = one shared HttpClient at the same concurrency; raw RestSharp = one RestClient, the floor the design card sets; adaptive is set beside raw at its ceiling)"
            Write-Table -Title $title -Rows $rows
            $results.Add([pscustomobject]@{ Title = $title; Rows = $rows })
        }
        finally {
            Stop-TokenAdminEmulator -Emulator $emulator
        }
    }

    # Warm: the CPU of the core's work per request once JIT and tiering have settled (a fresh pwsh
    # JIT-compiles PowerShell, RestSharp and TokenAdmin for the first ten thousand or so removals).
    $warmConcurrency = $Concurrency[0]
    if ('Warm' -in $Section) {
    $emulator = Start-TokenAdminEmulator -Configuration $Configuration -ArgumentList @('--hdc-tokens', "$($Items + $Warmup)") -TimeoutSec 120
    try {
        $credential = Get-TokenAdminEmulatorHdcCredential -Emulator $emulator
        $common = @($manifest, $emulator.Services.Hdc.BaseUri.AbsoluteUri, $credential.UserName, $credential.GetNetworkCredential().Password, $owner)
        $warmVariants = [ordered]@{
            "Remove-AuthToken -ThrottleLimit $warmConcurrency" = { Invoke-Child -Script $removalPath -ArgumentList ($common + @('module', $warmConcurrency, $Items, $Warmup)) }
            "raw HttpClient, concurrency $warmConcurrency"      = { Invoke-Measured -FilePath $dotnet -ArgumentList @($benchAssembly, 'raw-remove', '--base', $common[1], '--user', $common[2], '--password', $common[3], '--owner', "$owner", '--concurrency', "$warmConcurrency", '--warmup', "$Warmup") }
            "raw RestSharp, concurrency $warmConcurrency"       = { Invoke-Measured -FilePath $dotnet -ArgumentList @($benchAssembly, 'raw-remove', '--base', $common[1], '--user', $common[2], '--password', $common[3], '--owner', "$owner", '--concurrency', "$warmConcurrency", '--warmup', "$Warmup", '--client', 'restsharp') }
        }
        $warmSamples = @{}
        for ($round = 1; $round -le $Rounds; $round++) {
            foreach ($name in $warmVariants.Keys) {
                Write-Host ("warm, round {0}/{1}: {2}" -f $round, $Rounds, $name) -ForegroundColor DarkGray
                Reset-TokenAdminEmulator -Emulator $emulator
                if (-not $warmSamples.Contains($name)) { $warmSamples[$name] = [System.Collections.Generic.List[object]]::new() }
                $warmSamples[$name].Add((& $warmVariants[$name]))
            }
        }

        $rawWarm = "raw HttpClient, concurrency $warmConcurrency"
        $rawCpu = Get-Median -Values @($warmSamples[$rawWarm] | ForEach-Object { $_.cpuMs / $_.items })
        $rawRate = Get-Median -Values @($warmSamples[$rawWarm] | ForEach-Object { $_.items / ($_.elapsedMs / 1000) })
        $warmRows = foreach ($name in $warmVariants.Keys) {
            $cpu = Get-Median -Values @($warmSamples[$name] | ForEach-Object { $_.cpuMs / $_.items })
            $rate = Get-Median -Values @($warmSamples[$name] | ForEach-Object { $_.items / ($_.elapsedMs / 1000) })
            [pscustomobject]@{ Variant = $name; 'Removals/s' = [math]::Round($rate); 'CPU ms/removal' = '{0:0.000}' -f $cpu; 'Rate vs raw' = Format-Ratio ($rate / $rawRate); 'CPU vs raw' = Format-Ratio ($cpu / $rawCpu) }
        }

        Write-Table -Title "Warm: $Items removals after $Warmup untimed ones in the same process, 0 ms latency (medians of $Rounds rounds; raw RestSharp = RestSharp's own share, fixed by the design)" -Rows $warmRows
    }
    finally {
        Stop-TokenAdminEmulator -Emulator $emulator
    }
    }

    $listingRows = foreach ($size in @(if ('Listing' -in $Section) { $ListSizes })) {
        $emulator = Start-TokenAdminEmulator -Configuration $Configuration -ArgumentList @('--hdc-tokens', "$size") -TimeoutSec 300
        try {
            $credential = Get-TokenAdminEmulatorHdcCredential -Emulator $emulator
            $common = @($manifest, $emulator.Services.Hdc.BaseUri.AbsoluteUri, $credential.UserName, $credential.GetNetworkCredential().Password)
            $kinds = @('module') + @(if ($size -le 100000) { 'irm' })
            foreach ($kind in $kinds) {
                Write-Host ("listing {0:N0} tokens: {1}" -f $size, $kind) -ForegroundColor DarkGray
                $measured = @(for ($round = 1; $round -le $Rounds; $round++) { Invoke-Child -Script $listingPath -ArgumentList ($common + @($kind)) })
                [pscustomobject]@{
                    Tokens                = '{0:N0}' -f $size
                    Variant               = if ($kind -eq 'module') { 'Get-AuthToken' } else { 'Invoke-RestMethod' }
                    'First object (ms)'   = [math]::Round((Get-Median -Values @($measured.firstMs)))
                    'Total (ms)'          = [math]::Round((Get-Median -Values @($measured.totalMs)))
                    'Peak above idle (MB)' = [math]::Round((Get-Median -Values @($measured.peakAboveIdleMB)))
                }
            }
        }
        finally {
            Stop-TokenAdminEmulator -Emulator $emulator
        }
    }

    if ($listingRows) { Write-Table -Title "Listing (medians of $Rounds runs; peak working set of the whole pwsh above its idle working set after import)" -Rows $listingRows }

    if ('Import' -in $Section) {
    # An empty manifest module separates what Import-Module itself costs from what TokenAdmin adds.
    $emptyModule = Join-Path $scratch 'EmptyModule/EmptyModule.psd1'
    $null = New-Item -ItemType Directory -Path (Split-Path $emptyModule) -Force
    Set-Content -LiteralPath $emptyModule -Value "@{ ModuleVersion = '1.0.0'; GUID = '$([guid]::NewGuid())' }" -Encoding utf8
    # Format and types files make PowerShell set up its formatting data, which the first formatted
    # output does in any session; the last two rows compare starts that format something.
    $importCommands = [ordered]@{
        'pwsh -NoProfile -c exit'                          = 'exit'
        'Import-Module <empty manifest>'                   = "Import-Module '$emptyModule'; exit"
        'Import-Module TokenAdmin'                         = "Import-Module '$manifest'; exit"
        'Get-Date | Out-String (first output formatted)'   = 'Get-Date | Out-String | Out-Null; exit'
        'Import-Module TokenAdmin; Get-Date | Out-String'  = "Import-Module '$manifest'; Get-Date | Out-String | Out-Null; exit"
    }
    $importSamples = @{}
    foreach ($name in $importCommands.Keys) { $importSamples[$name] = [System.Collections.Generic.List[double]]::new() }
    $command = @($pwsh)
    $importRounds = if ($Quick) { 1 } else { [math]::Max(7, $Rounds) } # whole processes: noisy, so more rounds than the rest
    for ($round = 1; $round -le $importRounds; $round++) {
        foreach ($name in $importCommands.Keys) {
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            & $command[0] @($command | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $importCommands[$name]
            $importSamples[$name].Add($clock.Elapsed.TotalMilliseconds)
        }
    }

    $bare = Get-Median -Values $importSamples['pwsh -NoProfile -c exit']
    $importRows = foreach ($name in $importCommands.Keys) {
        $median = Get-Median -Values $importSamples[$name]
        [pscustomobject]@{ Command = $name; 'Median (ms)' = [math]::Round($median); 'Over bare pwsh (ms)' = [math]::Round($median - $bare) }
    }

    Write-Table -Title 'Import (a whole pwsh process each time; medians, interleaved)' -Rows $importRows
    }

    if (-not $SkipMicro -and 'Micro' -in $Section) {
        Write-Host ''
        Write-Host 'Micro-benchmarks (BenchmarkDotNet, short runs)' -ForegroundColor Cyan
        # BenchmarkDotNet builds a project of its own beside this one, so it runs from this folder; its artifacts go to the scratch folder.
        Push-Location -LiteralPath $PSScriptRoot
        try {
            & $dotnet $benchAssembly micro --filter '*' --artifacts (Join-Path $scratch 'BenchmarkDotNet') |
                Where-Object { $_ -match '^\|' -or $_ -match '^(BenchmarkDotNet v|AMD|Intel|\.NET SDK)' } | Write-Host
        }
        finally {
            Pop-Location
        }
    }
}
finally {
    Remove-Item -LiteralPath $scratch -Recurse -Force -ErrorAction SilentlyContinue
}
