#Requires -Version 7.4
<#
    Test and demo support: start, drive and stop the TokenAdmin emulator (src/TokenAdmin.Emulator)
    from PowerShell. The ONE place that knows how, used by build.ps1 (Demo task) and by every
    Pester/*.Tests.ps1 file. Not part of the shipped module.

    The emulator is a separate process (dotnet <built dll>), bound to 127.0.0.1 on a free port.
    It writes its base URL to a "url file" once it listens; this module waits for that file,
    reads the URL, and hands back an object that every other function here takes as -Emulator.
#>

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$script:RepositoryRoot = Split-Path -Parent $PSScriptRoot
$script:EmulatorProject = Join-Path $script:RepositoryRoot 'src/TokenAdmin.Emulator/TokenAdmin.Emulator.csproj'
$script:ModuleManifest = Join-Path $script:RepositoryRoot 'out/TokenAdmin/TokenAdmin.psd1'

# Requests this module sends to the HDC API itself (to read the emulator's state) carry this
# User-Agent, so Get-EmulatorRequest can leave them out of the journal by default.
$script:SupportUserAgent = 'TokenAdmin-PesterSupport/1.0'

# The SecurID demo keys' roles: parameter value -> the role name GET /_emulator shows.
$script:SecurIdRoleNames = @{
    SuperAdministrator    = 'Super Administrator'
    HelpDeskAdministrator = 'Help Desk Administrator'
}

# A needle for each line of a PEM body is its first this many characters: long enough to be unique
# to the key, short enough to catch a line shown in part.
$script:PemNeedleLength = 20

$script:PollIntervalMilliseconds = 100
$script:StopGracePeriodMilliseconds = 5000

#region Private helpers

function Get-DotNetPath {
    <#
    .SYNOPSIS
        The dotnet executable on PATH; a clear error naming the fix when there is none.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    $command = Get-Command -Name 'dotnet' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($null -eq $command) {
        throw 'The .NET SDK was not found: "dotnet" is not on PATH. Install the .NET SDK that global.json names (https://dot.net), open a new shell, and try again.'
    }

    $command.Source
}

function Get-EmulatorTargetFramework {
    [CmdletBinding()]
    [OutputType([string])]
    param()

    $node = Select-Xml -LiteralPath $script:EmulatorProject -XPath '/Project/PropertyGroup/TargetFramework' | Select-Object -First 1
    if ($null -eq $node) {
        throw "Could not read <TargetFramework> from $script:EmulatorProject."
    }

    $node.Node.InnerText.Trim()
}

function Get-EmulatorAssemblyCandidate {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $Configuration,

        [Parameter(Mandatory)]
        [string] $TargetFramework
    )

    Join-Path $script:RepositoryRoot "src/TokenAdmin.Emulator/bin/$Configuration/$TargetFramework/TokenAdmin.Emulator.dll"
}

function Build-TokenAdminEmulator {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Configuration
    )

    # The exit code is checked below, with a message that says what to run.
    $PSNativeCommandUseErrorActionPreference = $false
    $dotnet = Get-DotNetPath
    Write-Verbose "Building the emulator ($Configuration): dotnet build $script:EmulatorProject"
    $output = & $dotnet build $script:EmulatorProject --configuration $Configuration --nologo 2>&1 |
        ForEach-Object -Process { "$_" }
    if ($LASTEXITCODE -ne 0) {
        $tail = ($output | Select-Object -Last 40) -join [System.Environment]::NewLine
        throw "Building the emulator failed (dotnet build exit code $LASTEXITCODE). Run 'dotnet build src/TokenAdmin.Emulator -c $Configuration' in $script:RepositoryRoot to see every error. Last lines:$([System.Environment]::NewLine)$tail"
    }
}

function Resolve-EmulatorAssembly {
    <#
        The built emulator dll, building it when it is missing. Configuration: the one given, else
        $env:TOKENADMIN_CONFIGURATION (set by build.ps1 for its child processes), else the most
        recently built of Release and Debug, else Release (built now).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowEmptyString()]
        [string] $Configuration
    )

    if (-not $Configuration -and $env:TOKENADMIN_CONFIGURATION) {
        $Configuration = $env:TOKENADMIN_CONFIGURATION
        if ($Configuration -notin 'Debug', 'Release') {
            throw "TOKENADMIN_CONFIGURATION is '$Configuration'. Set it to Debug or Release, or remove it."
        }
    }

    $framework = Get-EmulatorTargetFramework
    if (-not $Configuration) {
        $built = foreach ($candidate in 'Release', 'Debug') {
            $path = Get-EmulatorAssemblyCandidate -Configuration $candidate -TargetFramework $framework
            if (Test-Path -LiteralPath $path -PathType Leaf) {
                Get-Item -LiteralPath $path
            }
        }

        if ($built) {
            return ($built | Sort-Object -Property LastWriteTimeUtc -Descending | Select-Object -First 1).FullName
        }

        $Configuration = 'Release'
    }

    $assembly = Get-EmulatorAssemblyCandidate -Configuration $Configuration -TargetFramework $framework
    if (-not (Test-Path -LiteralPath $assembly -PathType Leaf)) {
        Build-TokenAdminEmulator -Configuration $Configuration
        if (-not (Test-Path -LiteralPath $assembly -PathType Leaf)) {
            throw "The emulator build succeeded but $assembly does not exist. Check the output path of src/TokenAdmin.Emulator (TargetFramework '$framework')."
        }
    }

    $assembly
}

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

function Get-EmulatorInfo {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator
    )

    Invoke-EmulatorAdmin -Emulator $Emulator -Method Get -Path ''
}

function Get-HdcCredentialEntry {
    <# One demo credential as GET /_emulator describes it: role, scheme and values (userName/password or accessToken). #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        [Parameter(Mandatory)]
        [string] $Role,

        [Parameter(Mandatory)]
        [string] $Scheme
    )

    $info = Get-EmulatorInfo -Emulator $Emulator
    $hdc = @($info.services | Where-Object -Property key -EQ -Value 'hdc')
    if ($hdc.Count -eq 0) {
        throw "The emulator at $($Emulator.BaseUri) does not describe an 'hdc' service (GET /_emulator)."
    }

    $entry = $hdc[0].credentials | Where-Object -FilterScript { $_.role -eq $Role -and $_.scheme -eq $Scheme } | Select-Object -First 1
    if ($null -eq $entry) {
        throw "The emulator offers no $Scheme credential for the HDC role '$Role'. Was it started with --hdc-auth excluding $Scheme? Start it with --hdc-auth both (the default)."
    }

    $entry
}

function Get-SecurIdCredentialEntry {
    <# One SecurID demo key as GET /_emulator describes it: role, scheme (JWT) and values (keyFile, accessId). #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        [Parameter(Mandatory)]
        [ValidateSet('SuperAdministrator', 'HelpDeskAdministrator')]
        [string] $Role
    )

    $roleName = $script:SecurIdRoleNames[$Role]
    $info = Get-EmulatorInfo -Emulator $Emulator
    $securId = @($info.services | Where-Object -Property key -EQ -Value 'securid')
    if ($securId.Count -eq 0) {
        throw "The emulator at $($Emulator.BaseUri) does not describe a 'securid' service (GET /_emulator). Rebuild it: dotnet build src/TokenAdmin.Emulator"
    }

    $entry = $securId[0].credentials | Where-Object -Property role -EQ -Value $roleName | Select-Object -First 1
    if ($null -eq $entry) {
        throw "The emulator describes no SecurID key for the role '$roleName' (GET /_emulator)."
    }

    $entry
}

function Read-SecurIdKeyFile {
    <# The JSON of a SecurID key file, as an object. Its accessKey is a private key: never print it. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Path
    )

    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
        throw "The SecurID key file $Path does not exist. The emulator deletes its key files when it stops: is it still running?"
    }

    Get-Content -LiteralPath $Path -Raw | ConvertFrom-Json
}

function Get-PemBodyNeedle {
    <#
        Needles for the base64 body of a PEM: the first characters of each body line. Any display of
        a line, whole or from its start, or of the body run together, contains one.
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $Pem,

        [Parameter(Mandatory)]
        [string] $Label
    )

    $lineNumber = 0
    foreach ($line in $Pem -split '\r?\n') {
        $lineNumber++
        $body = $line.Trim()
        if ($body.Length -lt $script:PemNeedleLength -or $body.StartsWith('-----')) {
            continue
        }

        [pscustomobject]@{ Name = "$Label, line $lineNumber"; Value = $body.Substring(0, $script:PemNeedleLength) }
    }
}

#endregion

#region Public functions

function Start-TokenAdminEmulator {
    <#
    .SYNOPSIS
        Starts the TokenAdmin emulator on a free 127.0.0.1 port and waits until it listens.

    .DESCRIPTION
        Runs the BUILT emulator (dotnet src/TokenAdmin.Emulator/bin/<Configuration>/<tfm>/TokenAdmin.Emulator.dll),
        building it first when the dll is missing, with --port 0 and --url-file in a fresh temporary
        folder, and --key-dir in that folder too (unless -ArgumentList names one), so the SecurID demo
        API key files the emulator writes are deleted with the folder even when the process is killed
        (Windows). Polls for the url file every 100 ms for up to -TimeoutSec seconds; fails with the
        emulator's standard error if it exits first. Its console output (which lists the demo
        credentials) goes to a log file in that folder, never to the console.

        If anything fails or the caller presses Ctrl+C before the emulator object is returned, the
        process is stopped: it never outlives a failed start. Stop it with Stop-TokenAdminEmulator.

    .PARAMETER Configuration
        Debug or Release. Default: $env:TOKENADMIN_CONFIGURATION when set, else the most recently
        built of the two, else Release.

    .PARAMETER ArgumentList
        Extra emulator options, e.g. '--https', '--hdc-auth', 'basic', '--fault', 'hdc.tokens.list=429:1'.
        --port and --url-file are set by this function; --key-dir too, unless given here.

    .PARAMETER TimeoutSec
        How long to wait for the emulator to listen (default 30).

    .OUTPUTS
        An object with BaseUri and HdcBaseUri ([uri]; HttpsBaseUri and HttpsHdcBaseUri with --https,
        else $null), Process, UrlFile, WorkingDirectory, SecurIdKeyDirectory (the --key-dir this function
        chose, $null when -ArgumentList named one), StandardOutputPath and StandardErrorPath. The key
        files themselves: Get-EmulatorSecurIdKeyFile.

    .EXAMPLE
        $emulator = Start-TokenAdminEmulator -ArgumentList '--https'
        try { Connect-AuthTokenService -BaseUri $emulator.HdcBaseUri -Credential (Get-EmulatorDemoCredential -Emulator $emulator) }
        finally { Stop-TokenAdminEmulator -Emulator $emulator }
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [ValidateSet('Debug', 'Release')]
        [string] $Configuration,

        [AllowEmptyCollection()]
        [string[]] $ArgumentList = @(),

        [ValidateRange(1, 600)]
        [int] $TimeoutSec = 30
    )

    $reserved = @($ArgumentList | Where-Object -FilterScript { ($_ -split '=', 2)[0] -in '--port', '--url-file' })
    if ($reserved.Count -gt 0) {
        throw "Start-TokenAdminEmulator sets --port and --url-file itself; remove $($reserved -join ', ') from -ArgumentList."
    }

    $assembly = Resolve-EmulatorAssembly -Configuration $Configuration
    $dotnet = Get-DotNetPath

    $workingDirectory = Join-Path ([System.IO.Path]::GetTempPath()) ('TokenAdmin.Emulator.' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $workingDirectory
    $urlFile = Join-Path $workingDirectory 'url.txt'
    $standardOutputPath = Join-Path $workingDirectory 'stdout.log'
    $standardErrorPath = Join-Path $workingDirectory 'stderr.log'
    $arguments = @($assembly, '--port', '0', '--url-file', $urlFile) + $ArgumentList
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
            FilePath               = $dotnet
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
                throw "The emulator did not write its url file within $TimeoutSec s. Its error output:$([System.Environment]::NewLine)$(Read-EmulatorLog -Path $standardErrorPath)$([System.Environment]::NewLine)Try it by hand: dotnet run --project src/TokenAdmin.Emulator -- --port 0"
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
        $emulator = [pscustomobject]@{
            PSTypeName          = 'TokenAdmin.Emulator'
            BaseUri             = $baseUri
            HdcBaseUri          = [uri]::new($baseUri, 'hdc/')
            HttpsBaseUri        = $httpsBaseUri
            HttpsHdcBaseUri     = if ($null -ne $httpsBaseUri) { [uri]::new($httpsBaseUri, 'hdc/') } else { $null }
            Process             = $process
            UrlFile             = $urlFile
            WorkingDirectory    = $workingDirectory
            SecurIdKeyDirectory = $securIdKeyDirectory
            StandardOutputPath  = $standardOutputPath
            StandardErrorPath   = $standardErrorPath
        }
        Write-Verbose "Emulator (process $($process.Id), $assembly) listening at $baseUri"
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
        Asks the process to stop (SIGTERM on Linux and macOS), kills it after a grace period if it
        is still running (Stop-Process), then deletes the folder holding its url file and logs.
        Safe to call twice, and on an emulator that has already exited.

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
        Stop-EmulatorProcess -Process $Emulator.Process
        Remove-EmulatorWorkingDirectory -Path $Emulator.WorkingDirectory
    }
}

function Remove-TokenAdminTestSession {
    <#
    .SYNOPSIS
        Ends a Pester file's session: disconnects and removes TokenAdmin, then stops the emulator.

    .DESCRIPTION
        For AfterAll blocks. Each step runs only if its part was set up, so it is safe after a
        BeforeAll that failed halfway.

    .PARAMETER Emulator
        The object Start-TokenAdminEmulator returned, or $null.

    .EXAMPLE
        AfterAll { Remove-TokenAdminTestSession -Emulator $Emulator }
    #>
    [CmdletBinding()]
    param(
        [AllowNull()]
        [psobject] $Emulator
    )

    if (Get-Module -Name 'TokenAdmin') {
        Disconnect-TokenAdmin
        Remove-Module -Name 'TokenAdmin' -Force
    }

    if ($Emulator) {
        Stop-TokenAdminEmulator -Emulator $Emulator
    }
}

function Reset-TokenAdminEmulator {
    <#
    .SYNOPSIS
        Puts the emulator's seed data back (token values drawn afresh) and clears faults and journal.

    .PARAMETER Emulator
        The object Start-TokenAdminEmulator returned.

    .EXAMPLE
        Reset-TokenAdminEmulator -Emulator $Emulator
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator
    )

    $null = Invoke-EmulatorAdmin -Emulator $Emulator -Method Post -Path 'reset'
}

function Add-TokenAdminEmulatorFault {
    <#
    .SYNOPSIS
        Queues fault steps (each consumed by one request) and/or a latency for one emulator route.

    .PARAMETER Emulator
        The object Start-TokenAdminEmulator returned.

    .PARAMETER Route
        A route name such as hdc.tokens.delete or securid.tokens.lookup, or * for all.

    .PARAMETER Step
        Fault steps, e.g. @{ status = 429; retryAfter = '1' }, @{ abort = $true }.

    .PARAMETER LatencyMs
        Delay every request on the route by this many milliseconds (0: none).

    .EXAMPLE
        Add-TokenAdminEmulatorFault -Emulator $Emulator -Route 'hdc.tokens.delete' -Step @{ status = 503 }
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        [Parameter(Mandatory)]
        [string] $Route,

        [hashtable[]] $Step = @(),

        [int] $LatencyMs = 0
    )

    $body = @{ route = $Route; steps = @($Step) }
    if ($LatencyMs -gt 0) {
        $body.latencyMs = $LatencyMs
    }

    $null = Invoke-EmulatorAdmin -Emulator $Emulator -Method Post -Path 'faults' -Body $body
}

function Invoke-EmulatorAdmin {
    <#
    .SYNOPSIS
        Calls the emulator's admin endpoint (/_emulator, no authentication).

    .DESCRIPTION
        A thin Invoke-RestMethod wrapper. -Path is relative to /_emulator: '' (GET: info, including
        the demo credentials), 'faults' (POST a fault plan, DELETE all faults), 'reset' (POST: seed
        data back, faults and journal cleared), 'requests' (GET: the request journal,
        { "requests": [ ... ] }). A leading '/_emulator/' is accepted too. -Body is sent as JSON.

    .PARAMETER Emulator
        The object Start-TokenAdminEmulator returned.

    .PARAMETER Method
        Get, Post or Delete.

    .PARAMETER Path
        The admin route below /_emulator.

    .PARAMETER Body
        For POST faults, e.g. @{ route = 'hdc.tokens.delete'; latencyMs = 0; steps = @(@{ status = 429; retryAfter = '1' }, @{ status = 503 }, @{ abort = $true }) }.

    .EXAMPLE
        Invoke-EmulatorAdmin -Emulator $emulator -Method Post -Path 'reset'

    .EXAMPLE
        Invoke-EmulatorAdmin -Emulator $emulator -Method Post -Path 'faults' -Body @{ route = 'hdc.tokens.list'; steps = @(@{ status = 503 }) }
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        [Parameter(Mandatory)]
        [ValidateSet('Get', 'Post', 'Delete')]
        [string] $Method,

        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $Path,

        [hashtable] $Body
    )

    $relative = $Path.Trim('/')
    if ($relative -eq '_emulator' -or $relative.StartsWith('_emulator/', [System.StringComparison]::OrdinalIgnoreCase)) {
        $relative = $relative.Substring('_emulator'.Length).TrimStart('/')
    }

    $parameters = @{
        Method  = $Method
        Uri     = [uri]::new($Emulator.BaseUri, ('_emulator/' + $relative).TrimEnd('/'))
        NoProxy = $true
    }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $parameters.Body = ConvertTo-Json -InputObject $Body -Depth 10 -Compress
        $parameters.ContentType = 'application/json'
    }

    Invoke-RestMethod @parameters
}

function Get-EmulatorRequest {
    <#
    .SYNOPSIS
        The emulator's request journal: what reached the emulated services, in arrival order.

    .DESCRIPTION
        Each entry has sequence, requestId, method, path, query, routeName, body, contentType,
        userAgent, connectionId, authScheme, arrivedAt, viaProxy, targetHost, statusCode (null when
        aborted), aborted and completedAt. Requests this module sends itself (Get-EmulatorHdcToken)
        are left out unless -IncludeSupportRequest. POST /_emulator/reset clears the journal.
        Note: bodies of HDC PUT and DELETE requests hold token values; do not print them. SecurID
        bodies hold serial numbers ({"tokenSerialNumber":"..."}), which are not secret; the journal
        keeps no Authorization header, so no JWT.

    .PARAMETER RouteName
        Only these routes: hdc.tokens.list, hdc.contexts.list, hdc.tokens.create, hdc.tokens.update, hdc.tokens.delete,
        securid.tokens.lookup, securid.tokens.delete, securid.users.assign, securid.users.unassign,
        securid.users.enable, securid.users.disable.

    .PARAMETER Method
        Only these HTTP methods (GET, POST, PUT, DELETE).

    .EXAMPLE
        Get-EmulatorRequest -Emulator $emulator -Method POST, PUT, DELETE | Should -BeNullOrEmpty
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        [string[]] $RouteName,

        [string[]] $Method,

        [switch] $IncludeSupportRequest
    )

    $journal = Invoke-EmulatorAdmin -Emulator $Emulator -Method Get -Path 'requests'
    foreach ($entry in $journal.requests) {
        if (-not $IncludeSupportRequest -and $entry.userAgent -eq $script:SupportUserAgent) {
            continue
        }

        if ($RouteName -and $entry.routeName -notin $RouteName) {
            continue
        }

        if ($Method -and $entry.method -notin $Method) {
            continue
        }

        $entry
    }
}

function Get-EmulatorHdcToken {
    <#
    .SYNOPSIS
        The emulator's HDC tokens as the service itself lists them, read without TokenAdmin.

    .DESCRIPTION
        GET <hdc>/api/authtokens/json with the demo admin credential, straight from Invoke-RestMethod:
        an independent view of the state for assertions. Each item has context (name, code),
        userId, userFullName, token (THE SECRET VALUE: never print it; compare fingerprints, see
        ConvertTo-TokenFingerprint) and lastUpdate. These requests are journaled with a marker
        User-Agent that Get-EmulatorRequest leaves out by default.

    .EXAMPLE
        (Get-EmulatorHdcToken -Emulator $emulator).userId
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator
    )

    $info = Get-EmulatorInfo -Emulator $Emulator
    $adminCredentials = @($info.services |
            Where-Object -Property key -EQ -Value 'hdc' |
            ForEach-Object -Process { $_.credentials } |
            Where-Object -Property role -EQ -Value 'admin')
    $bearer = $adminCredentials | Where-Object -Property scheme -EQ -Value 'Bearer' | Select-Object -First 1
    $basic = $adminCredentials | Where-Object -Property scheme -EQ -Value 'Basic' | Select-Object -First 1
    $authorization = if ($null -ne $bearer) {
        'Bearer ' + $bearer.values.accessToken
    }
    elseif ($null -ne $basic) {
        'Basic ' + [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes("$($basic.values.userName):$($basic.values.password)"))
    }
    else {
        throw 'The emulator describes no HDC admin credential (GET /_emulator), so its tokens cannot be read.'
    }

    $parameters = @{
        Method    = 'Get'
        Uri       = [uri]::new($Emulator.HdcBaseUri, 'api/authtokens/json')
        Headers   = @{ Authorization = $authorization; Accept = 'application/json' }
        UserAgent = $script:SupportUserAgent
        NoProxy   = $true
    }
    $response = Invoke-RestMethod @parameters
    foreach ($token in $response.list) {
        $token
    }
}

function Get-EmulatorDemoCredential {
    <#
    .SYNOPSIS
        The emulator's demo HDC account (admin or reader) as a PSCredential.

    .DESCRIPTION
        Read from GET /_emulator, so it always matches the running emulator. The demo passwords
        are public by design (src/TokenAdmin.Emulator/DemoCredentials.cs), which is why building a
        SecureString from plain text is acceptable here and nowhere else.

    .EXAMPLE
        Connect-AuthTokenService -BaseUri $emulator.HdcBaseUri -Credential (Get-EmulatorDemoCredential -Emulator $emulator -Role admin)
    #>
    [CmdletBinding()]
    [OutputType([pscredential])]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        [ValidateSet('admin', 'reader')]
        [string] $Role = 'admin'
    )

    $entry = Get-HdcCredentialEntry -Emulator $Emulator -Role $Role -Scheme 'Basic'
    $password = ConvertTo-SecureString -String $entry.values.password -AsPlainText -Force
    [pscredential]::new($entry.values.userName, $password)
}

function Get-EmulatorDemoAccessToken {
    <#
    .SYNOPSIS
        The emulator's demo HDC bearer access token (admin or reader) as a SecureString.

    .DESCRIPTION
        Read from GET /_emulator. Public demo secret (see Get-EmulatorDemoCredential).

    .EXAMPLE
        Connect-AuthTokenService -BaseUri $emulator.HdcBaseUri -AccessToken (Get-EmulatorDemoAccessToken -Emulator $emulator)
    #>
    [CmdletBinding()]
    [OutputType([securestring])]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        [ValidateSet('admin', 'reader')]
        [string] $Role = 'admin'
    )

    $entry = Get-HdcCredentialEntry -Emulator $Emulator -Role $Role -Scheme 'Bearer'
    ConvertTo-SecureString -String $entry.values.accessToken -AsPlainText -Force
}

function Get-EmulatorSecurIdKeyFile {
    <#
    .SYNOPSIS
        The path of one of the emulator's two SecurID demo API key files.

    .DESCRIPTION
        The emulator writes them when it starts, to its --key-dir (Start-TokenAdminEmulator puts that
        in the emulator's temporary folder), for its own adminRestApiUrl: a Super Administrator key
        (PKCS#1 PEM), which may delete hardware tokens, and a Help Desk Administrator key (PKCS#8 PEM),
        which may look tokens up but not delete them. The path is read from GET /_emulator
        (services[key = securid].credentials[role].values.keyFile). The files hold private keys that
        are valid only while that emulator runs, and mode 0600 off Windows: pass the path, never print
        the content.

    .PARAMETER Role
        SuperAdministrator (default) or HelpDeskAdministrator.

    .EXAMPLE
        Connect-SecurIdAdmin -KeyFile (Get-EmulatorSecurIdKeyFile -Emulator $emulator -Role HelpDeskAdministrator)
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        [ValidateSet('SuperAdministrator', 'HelpDeskAdministrator')]
        [string] $Role = 'SuperAdministrator'
    )

    $entry = Get-SecurIdCredentialEntry -Emulator $Emulator -Role $Role
    if ($entry.values.PSObject.Properties.Name -notcontains 'keyFile') {
        throw "The emulator lists no key file for the SecurID role '$($entry.role)' (GET /_emulator): it wrote none. Its error output is in $($Emulator.StandardErrorPath)."
    }

    $path = [string] $entry.values.keyFile
    if (-not (Test-Path -LiteralPath $path -PathType Leaf)) {
        throw "The emulator's SecurID key file $path does not exist (any more). The emulator deletes its key files when it stops: is it still running?"
    }

    $path
}

function Get-EmulatorSecurIdApiKey {
    <#
    .SYNOPSIS
        One of the emulator's SecurID demo API keys as separate values, the private key as a SecureString.

    .DESCRIPTION
        For Connect-SecurIdAdmin -AccessId -AccessKey -AdminRestApiUrl (a key kept in a vault rather
        than a file), and for assertions. Read from the key file Get-EmulatorSecurIdKeyFile names.
        Returns Role, KeyFile, AccessId, AccessKey (the PEM private key as a SecureString),
        AdminRestApiUrl (a string, exactly as the file has it: the JWTs' audience), CustomerName and
        Description. The private key is demo material made by that emulator process, which is why a
        SecureString may be built from plain text here (see Get-EmulatorDemoCredential).

    .PARAMETER Role
        SuperAdministrator (default) or HelpDeskAdministrator.

    .EXAMPLE
        $key = Get-EmulatorSecurIdApiKey -Emulator $emulator
        Connect-SecurIdAdmin -AccessId $key.AccessId -AccessKey $key.AccessKey -AdminRestApiUrl $key.AdminRestApiUrl
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        [ValidateSet('SuperAdministrator', 'HelpDeskAdministrator')]
        [string] $Role = 'SuperAdministrator'
    )

    $path = Get-EmulatorSecurIdKeyFile -Emulator $Emulator -Role $Role
    $key = Read-SecurIdKeyFile -Path $path
    [pscustomobject]@{
        PSTypeName      = 'TokenAdmin.Emulator.SecurIdApiKey'
        Role            = $Role
        KeyFile         = $path
        AccessId        = [string] $key.accessID
        AccessKey       = ConvertTo-SecureString -String $key.accessKey -AsPlainText -Force
        AdminRestApiUrl = [string] $key.adminRestApiUrl
        CustomerName    = [string] $key.customerName
        Description     = [string] $key.description
    }
}

function Get-EmulatorDemoSecret {
    <#
    .SYNOPSIS
        Every secret the emulator's demo credentials consist of, as needles for "never shown" tests.

    .DESCRIPTION
        Returns objects with Name (a description that is safe to print) and Value (the secret):
        each demo password, the Base64 "user:password" an HTTP Basic header would carry, each
        bearer access token, the private key of each SecurID demo key file (one needle per line of
        the PEM body: its first 20 characters) and, in proxy mode, the proxy password. Find-LeakedSecret
        looks for them in a text. JWTs are made per request and are not among them: look for "eyJ"
        (the base64url of '{"' every JWT starts with).

    .EXAMPLE
        $needles = Get-EmulatorDemoSecret -Emulator $emulator
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator
    )

    $info = Get-EmulatorInfo -Emulator $Emulator
    foreach ($service in $info.services) {
        foreach ($credential in $service.credentials) {
            $label = "$($service.key) $($credential.role) $($credential.scheme)"
            $values = $credential.values
            if ($values.PSObject.Properties.Name -contains 'password') {
                [pscustomobject]@{ Name = "$label password"; Value = $values.password }
                $header = [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes("$($values.userName):$($values.password)"))
                [pscustomobject]@{ Name = "$label Authorization header (Base64 user:password)"; Value = $header }
            }

            if ($values.PSObject.Properties.Name -contains 'accessToken') {
                [pscustomobject]@{ Name = "$label access token"; Value = $values.accessToken }
            }

            if ($values.PSObject.Properties.Name -contains 'keyFile') {
                $key = Read-SecurIdKeyFile -Path $values.keyFile
                Get-PemBodyNeedle -Pem $key.accessKey -Label "$label private key ($(Split-Path -Leaf $values.keyFile))"
            }
        }
    }

    if ($null -ne $info.proxy) {
        [pscustomobject]@{ Name = 'proxy password'; Value = $info.proxy.password }
    }
}

function Find-LeakedSecret {
    <#
    .SYNOPSIS
        The names of the secrets that appear in a text; nothing when none does.

    .DESCRIPTION
        -Secret takes objects with Name and Value, as Get-EmulatorDemoSecret returns them. Each Value
        of 6 characters or more is looked for case-insensitively; the Names of those found are
        returned, sorted and unique. Names describe secrets without holding them, so a failing
        assertion on this output prints no secret (an assertion on the text itself would).

    .EXAMPLE
        Find-LeakedSecret -Text ($connection | Format-List | Out-String) -Secret $needles | Should -BeNullOrEmpty
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $Text,

        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [object[]] $Secret
    )

    # @(): with no leak, an empty array pipes nothing (a bare $null would pipe one $null).
    $leaked = @(foreach ($needle in $Secret) {
            $value = [string] $needle.Value
            if ($value.Length -ge 6 -and $Text.IndexOf($value, [System.StringComparison]::OrdinalIgnoreCase) -ge 0) {
                [string] $needle.Name
            }
        })

    $leaked | Sort-Object -Unique
}

function ConvertTo-TokenFingerprint {
    <#
    .SYNOPSIS
        A token's fingerprint as TokenAdmin computes it: the first 12 hex digits of its SHA-256.

    .DESCRIPTION
        Lets tests compare a token from the emulator's state with TokenAdmin's objects and errors
        without printing the secret, and checks the Fingerprint contract independently.

    .EXAMPLE
        ConvertTo-TokenFingerprint -Token $stateToken.token
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [string] $Token
    )

    process {
        $hash = [System.Security.Cryptography.SHA256]::HashData([System.Text.Encoding]::UTF8.GetBytes($Token))
        [System.Convert]::ToHexString($hash, 0, 6).ToLowerInvariant()
    }
}

function Get-TokenAdminModuleManifest {
    <#
    .SYNOPSIS
        The path of the built module's manifest (out/TokenAdmin/TokenAdmin.psd1); fails with what to do when it is missing.

    .EXAMPLE
        Import-Module (Get-TokenAdminModuleManifest) -Force
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    if (-not (Test-Path -LiteralPath $script:ModuleManifest -PathType Leaf)) {
        throw "The built module is missing ($script:ModuleManifest). Build it first with ./build.ps1 (or dotnet build), then run the tests again."
    }

    $script:ModuleManifest
}

#endregion

Export-ModuleMember -Function @(
    'Get-DotNetPath'
    'Start-TokenAdminEmulator'
    'Stop-TokenAdminEmulator'
    'Remove-TokenAdminTestSession'
    'Reset-TokenAdminEmulator'
    'Add-TokenAdminEmulatorFault'
    'Invoke-EmulatorAdmin'
    'Get-EmulatorRequest'
    'Get-EmulatorHdcToken'
    'Get-EmulatorDemoCredential'
    'Get-EmulatorDemoAccessToken'
    'Get-EmulatorSecurIdKeyFile'
    'Get-EmulatorSecurIdApiKey'
    'Get-EmulatorDemoSecret'
    'Find-LeakedSecret'
    'ConvertTo-TokenFingerprint'
    'Get-TokenAdminModuleManifest'
)
