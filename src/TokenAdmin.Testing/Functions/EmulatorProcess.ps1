# Starting, watching and stopping the emulator process.
# Dot-sourced by ../TokenAdmin.Testing.psm1 (module scope: $script: variables are shared).

$script:PollIntervalMilliseconds = 100
$script:StopGracePeriodMilliseconds = 5000

function ConvertTo-ProcessArgumentString {
    <#
        Start-Process joins -ArgumentList elements with spaces and quotes nothing, so a path with a
        space (C:\Users\Jane Doe\AppData\Local\Temp\...) would split in two. This quotes each
        argument by the CommandLineToArgvW rules, which .NET also applies on Linux and macOS when
        it splits ProcessStartInfo.Arguments, and returns the single string Start-Process expects.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string[]] $ArgumentList
    )

    $quoted = foreach ($argument in $ArgumentList) {
        if ($argument.Length -gt 0 -and $argument -notmatch '[\s"]') {
            $argument
            continue
        }

        # Backslashes before a quote are doubled and the quote escaped; trailing backslashes are
        # doubled because a closing quote follows them.
        $escaped = $argument -replace '(\\*)"', '$1$1\"'
        $escaped = $escaped -replace '(\\+)$', '$1$1'
        '"' + $escaped + '"'
    }

    $quoted -join ' '
}

function Read-EmulatorLog {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $Path
    )

    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
        return '(no output)'
    }

    $text = Get-Content -LiteralPath $Path -Raw
    if ([string]::IsNullOrWhiteSpace($text)) {
        return '(no output)'
    }

    $text.Trim()
}

function Stop-EmulatorProcess {
    <#
        Stop-Process kills (SIGKILL on Linux/macOS, TerminateProcess on Windows). On Linux and macOS
        the emulator is first asked to stop with SIGTERM, which it handles by shutting Kestrel down
        and deleting its url file; it is killed only if it has not exited after a grace period.
        Windows has no SIGTERM for a console process started without a window, so it is stopped
        with Stop-Process directly (the temporary folder is deleted by the caller either way).
    #>
    [CmdletBinding()]
    param(
        [AllowNull()]
        [System.Diagnostics.Process] $Process
    )

    if ($null -eq $Process -or $Process.HasExited) {
        return
    }

    $PSNativeCommandUseErrorActionPreference = $false
    if (-not $IsWindows) {
        $kill = Get-Command -Name 'kill' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($null -ne $kill) {
            & $kill.Source -s TERM $Process.Id 2>$null
            if ($Process.WaitForExit($script:StopGracePeriodMilliseconds)) {
                return
            }

            Write-Warning "The emulator (process $($Process.Id)) did not stop within $($script:StopGracePeriodMilliseconds / 1000) s of SIGTERM; killing it."
        }
    }

    Stop-Process -Id $Process.Id -Force -ErrorAction SilentlyContinue
    if (-not $Process.WaitForExit($script:StopGracePeriodMilliseconds)) {
        Write-Warning "The emulator (process $($Process.Id)) is still running after Stop-Process. Stop it by hand: Stop-Process -Id $($Process.Id) -Force"
    }
}

function Remove-EmulatorWorkingDirectory {
    [CmdletBinding()]
    param(
        [AllowEmptyString()]
        [AllowNull()]
        [string] $Path
    )

    if ([string]::IsNullOrEmpty($Path) -or -not (Test-Path -LiteralPath $Path)) {
        return
    }

    try {
        Remove-Item -LiteralPath $Path -Recurse -Force -ErrorAction Stop
    }
    catch {
        Write-Warning "Could not delete the emulator's temporary folder ${Path}: $($_.Exception.Message)"
    }
}

function Start-TokenAdminEmulator {
    <#
    .SYNOPSIS
        Starts the TokenAdmin emulator on a free 127.0.0.1 port and waits until it listens.

    .DESCRIPTION
        Finds the emulator (see -Command), starts it with --port 0 and --url-file in a fresh
        temporary folder, and --key-dir in that folder too (unless -ArgumentList names one), so the
        SecurID demo API key files the emulator writes are deleted with the folder even when the
        process is killed (Windows). Polls for the url file every 100 ms for up to -TimeoutSec
        seconds; fails with the emulator's standard error if it exits first. Its console output
        (which lists the demo credentials) goes to a log file in that folder, never to the console.

        If anything fails or the caller presses Ctrl+C before the emulator object is returned, the
        process is stopped: it never outlives a failed start. Stop it with Stop-TokenAdminEmulator.

    .PARAMETER Command
        The emulator to run: a program and its leading arguments, e.g. 'dotnet', './TokenAdmin.Emulator.dll'.
        Without it, the first of: $env:TOKENADMIN_EMULATOR (the tokenadmin-emulator executable or
        TokenAdmin.Emulator.dll); the TokenAdmin.Emulator tool of a local tool manifest
        (.config/dotnet-tools.json at or above the current folder, restored with dotnet tool restore);
        tokenadmin-emulator on PATH (dotnet tool install --global or --tool-path); ~/.dotnet/tools.

    .PARAMETER ArgumentList
        Extra emulator options, e.g. '--https', '--hdc-auth', 'basic', '--fault', 'hdc.tokens.list=429:1'
        (tokenadmin-emulator --help lists them). --port and --url-file are set by this function;
        --key-dir too, unless given here.

    .PARAMETER TimeoutSec
        How long to wait for the emulator to listen (default 30).

    .OUTPUTS
        An object with BaseUri ([uri]; HttpsBaseUri with --https, else $null); Services, one entry per
        service keyed by its name (Hdc, SecurId, PowerClerk, Apstrata), each with BaseUri and HttpsBaseUri
        (SecurId also KeyDirectory: the --key-dir this function chose, $null when -ArgumentList named one),
        so $emulator.Services.Hdc.BaseUri is HDC's; Process, UrlFile, WorkingDirectory, StandardOutputPath
        and StandardErrorPath. Demo accounts: the Get-TokenAdminEmulator*Credential/Account/KeyFile
        functions, or Connect-TokenAdminEmulator.

    .EXAMPLE
        $emulator = Start-TokenAdminEmulator
        try { Connect-TokenAdminEmulator -Emulator $emulator; Get-AuthToken }
        finally { Stop-TokenAdminEmulator -Emulator $emulator }
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [ValidateNotNullOrEmpty()]
        [string[]] $Command,

        [AllowEmptyCollection()]
        [string[]] $ArgumentList = @(),

        [ValidateRange(1, 600)]
        [int] $TimeoutSec = 30
    )

    $reserved = @($ArgumentList | Where-Object -FilterScript { ($_ -split '=', 2)[0] -in '--port', '--url-file' })
    if ($reserved.Count -gt 0) {
        throw "Start-TokenAdminEmulator sets --port and --url-file itself; remove $($reserved -join ', ') from -ArgumentList."
    }

    $launch = Resolve-TokenAdminEmulatorCommand -Command $Command

    $workingDirectory = Join-Path ([System.IO.Path]::GetTempPath()) ('TokenAdmin.Emulator.' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $workingDirectory
    $urlFile = Join-Path $workingDirectory 'url.txt'
    $standardOutputPath = Join-Path $workingDirectory 'stdout.log'
    $standardErrorPath = Join-Path $workingDirectory 'stderr.log'
    $arguments = @($launch.Arguments) + @('--port', '0', '--url-file', $urlFile) + $ArgumentList
    # The SecurID demo key files hold private keys: keep them inside the folder that is always deleted.
    $securIdKeyDirectory = $null
    $namesKeyDirectory = @($ArgumentList | Where-Object -FilterScript { ($_ -split '=', 2)[0] -eq '--key-dir' }).Count -gt 0
    if (-not $namesKeyDirectory) {
        $securIdKeyDirectory = Join-Path $workingDirectory 'securid-keys'
        $arguments += @('--key-dir', $securIdKeyDirectory)
    }

    $process = $null
    $emulator = $null
    try {
        $startParameters = @{
            FilePath               = $launch.FilePath
            ArgumentList           = ConvertTo-ProcessArgumentString -ArgumentList $arguments
            WorkingDirectory       = $workingDirectory
            # The banner lists the demo passwords: keep it out of the console and out of CI logs.
            RedirectStandardOutput = $standardOutputPath
            RedirectStandardError  = $standardErrorPath
            NoNewWindow            = $true
            PassThru               = $true
        }
        $process = Start-Process @startParameters
        if ($IsWindows) {
            # Reading Handle once keeps ExitCode available after exit (a Start-Process -PassThru quirk on Windows).
            $null = $process.Handle
        }

        $stopwatch = [System.Diagnostics.Stopwatch]::StartNew()
        while (-not (Test-Path -LiteralPath $urlFile -PathType Leaf)) {
            if ($process.HasExited) {
                $process.WaitForExit() # lets the redirected output reach the log files
                $exitMeaning = switch ($process.ExitCode) {
                    1 { ' (could not start: is the port in use?)' }
                    2 { ' (invalid options: check -ArgumentList)' }
                    default { '' }
                }
                throw "The emulator exited with code $($process.ExitCode)$exitMeaning before it was listening. Its error output:$([System.Environment]::NewLine)$(Read-EmulatorLog -Path $standardErrorPath)"
            }

            if ($stopwatch.Elapsed.TotalSeconds -ge $TimeoutSec) {
                throw "The emulator did not write its url file within $TimeoutSec s. Its error output:$([System.Environment]::NewLine)$(Read-EmulatorLog -Path $standardErrorPath)$([System.Environment]::NewLine)Try it by hand: $($launch.Display) --port 0"
            }

            Start-Sleep -Milliseconds $script:PollIntervalMilliseconds
        }

        # Written atomically (temporary file, then rename): whoever sees the file sees all of it.
        $urls = @(Get-Content -LiteralPath $urlFile | Where-Object -FilterScript { -not [string]::IsNullOrWhiteSpace($_) })
        if ($urls.Count -eq 0) {
            throw "The emulator's url file $urlFile is empty."
        }

        $baseUri = [uri]::new($urls[0].Trim())
        $httpsBaseUri = if ($urls.Count -gt 1) { [uri]::new($urls[1].Trim()) } else { $null }
        # One entry per service, keyed by its TokenAdminService name: a new service adds its entry, not properties.
        $services = [ordered]@{}
        foreach ($service in @(
                @{ Name = 'Hdc'; Path = 'hdc/' }
                @{ Name = 'SecurId'; Path = 'securid/AdminInterface/restapi'; KeyDirectory = $securIdKeyDirectory }
                @{ Name = 'PowerClerk'; Path = 'powerclerk/' }
                @{ Name = 'Apstrata'; Path = 'apstrata/' })) {
            $entry = [ordered]@{
                BaseUri      = [uri]::new($baseUri, $service.Path)
                HttpsBaseUri = if ($null -ne $httpsBaseUri) { [uri]::new($httpsBaseUri, $service.Path) } else { $null }
            }
            if ($service.ContainsKey('KeyDirectory')) { $entry.KeyDirectory = $service.KeyDirectory }
            $services[$service.Name] = [pscustomobject]$entry
        }

        $emulator = [pscustomobject]@{
            PSTypeName         = 'TokenAdmin.Emulator'
            BaseUri            = $baseUri
            HttpsBaseUri       = $httpsBaseUri
            Services           = [pscustomobject]$services
            Process            = $process
            UrlFile            = $urlFile
            WorkingDirectory   = $workingDirectory
            StandardOutputPath = $standardOutputPath
            StandardErrorPath  = $standardErrorPath
        }
        Write-Verbose "Emulator (process $($process.Id), $($launch.Display)) listening at $baseUri"
        $emulator
    }
    finally {
        if ($null -eq $emulator) {
            # Failed, or interrupted with Ctrl+C, before the caller got the object: never leak the process.
            Stop-EmulatorProcess -Process $process
            Remove-EmulatorWorkingDirectory -Path $workingDirectory
        }
    }
}

function Stop-TokenAdminEmulator {
    <#
    .SYNOPSIS
        Stops an emulator started by Start-TokenAdminEmulator and deletes its temporary folder.

    .DESCRIPTION
        First disconnects every TokenAdmin connection to this emulator (what Connect-TokenAdminEmulator
        connected), so the next command says NotConnected at once instead of retrying a stopped server;
        connections elsewhere stay. Then asks the process to stop (SIGTERM on Linux and macOS), kills it
        after a grace period if it is still running (Stop-Process), and deletes the folder holding its
        url file and logs. Safe to call twice, and on an emulator that has already exited.

    .PARAMETER Emulator
        The object Start-TokenAdminEmulator returned.

    .EXAMPLE
        Stop-TokenAdminEmulator -Emulator $emulator
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [psobject] $Emulator
    )

    process {
        Disconnect-EmulatorConnection -Emulator $Emulator
        Stop-EmulatorProcess -Process $Emulator.Process
        Remove-EmulatorWorkingDirectory -Path $Emulator.WorkingDirectory
    }
}

function Disconnect-EmulatorConnection {
    <# Disconnects the session's TokenAdmin connections whose base URL is on this emulator (HTTP or HTTPS); none when TokenAdmin is not imported. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [psobject] $Emulator)

    if (-not (Get-Command -Name 'Get-TokenAdminConnection' -ErrorAction SilentlyContinue)) {
        return
    }

    $roots = @($Emulator.BaseUri, $Emulator.HttpsBaseUri) | Where-Object { $null -ne $_ } | ForEach-Object { $_.AbsoluteUri }
    foreach ($connection in @(Get-TokenAdminConnection)) {
        $url = $connection.BaseUri.AbsoluteUri
        if (@($roots | Where-Object { $url.StartsWith($_, [System.StringComparison]::OrdinalIgnoreCase) }).Count -gt 0) {
            Disconnect-TokenAdmin -Service $connection.Service
        }
    }
}
