# The emulator's control API (/_emulator): info, reset, faults, journal.
# Dot-sourced by ../TokenAdmin.Testing.psm1 (module scope: $script: variables are shared).

function Get-TokenAdminEmulatorInfo {
    <#
    .SYNOPSIS
        What the emulator serves (GET /_emulator): each service's base URLs and demo credentials, the route names, the control endpoints.

    .DESCRIPTION
        services[] has key (hdc, securid, powerclerk, apstrata), baseUrl and credentials (role,
        scheme, values: the demo secrets in plain text, public by design; prefer the
        Get-TokenAdminEmulator*Credential/Account/KeyFile functions, which hand them out as
        SecureString and PSCredential). routes[] are the names -Route and -RouteName take.

    .EXAMPLE
        (Get-TokenAdminEmulatorInfo -Emulator $emulator).routes
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator
    )

    Invoke-TokenAdminEmulatorAdmin -Emulator $Emulator -Method Get -Path ''
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

    $null = Invoke-TokenAdminEmulatorAdmin -Emulator $Emulator -Method Post -Path 'reset'
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

    .PARAMETER ConcurrencyLimit
        Answer 429 at once to a request of the route that arrives while this many are being served.

    .PARAMETER ConcurrencyRetryAfter
        The Retry-After of those 429s (none by default).

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

        [int] $LatencyMs = 0,

        [int] $ConcurrencyLimit = 0,

        [string] $ConcurrencyRetryAfter
    )

    $body = @{ route = $Route; steps = @($Step) }
    if ($LatencyMs -gt 0) {
        $body.latencyMs = $LatencyMs
    }

    if ($ConcurrencyLimit -gt 0) {
        $body.concurrencyLimit = $ConcurrencyLimit
        if ($ConcurrencyRetryAfter) {
            $body.concurrencyRetryAfter = $ConcurrencyRetryAfter
        }
    }

    $null = Invoke-TokenAdminEmulatorAdmin -Emulator $Emulator -Method Post -Path 'faults' -Body $body
}

function Add-TokenAdminEmulatorData {
    <#
    .SYNOPSIS
        Arranges data for a test on top of the emulator's seed data: HDC tokens (and users), SecurID hardware tokens, apstrata tokens.

    .DESCRIPTION
        POST /_emulator/seed. Everything is checked before anything is added: a mistake anywhere
        (an unknown context, a serial number that exists) adds nothing and fails with the
        emulator's message. Reset-TokenAdminEmulator removes it all again. Returns how many items
        each service added.

    .PARAMETER Emulator
        The object Start-TokenAdminEmulator returned.

    .PARAMETER HdcToken
        @{ userId = 5001; userFullName = 'Dana Reyes'; contexts = 'ReadDocuments', 'UploadDocuments' }
        (userFullName adds a user the directory does not have yet; contexts by name).

    .PARAMETER SecurIdToken
        @{ serialNumber = '000300000001'; assignedTo = 'dreyes'; name = "Dana's token"; status = 'Enabled' }
        (all but serialNumber optional: enabled and unassigned by default).

    .PARAMETER ApstrataToken
        @{ login = 'dreyes' }: a token of that user, as a login with the default expiry makes it.

    .EXAMPLE
        Add-TokenAdminEmulatorData -Emulator $emulator -HdcToken @{ userId = 5001; userFullName = 'Dana Reyes'; contexts = @('ReadDocuments') } -SecurIdToken @{ serialNumber = '000300000001'; assignedTo = 'dreyes' }
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        [hashtable[]] $HdcToken = @(),

        [hashtable[]] $SecurIdToken = @(),

        [hashtable[]] $ApstrataToken = @()
    )

    $body = @{}
    if ($HdcToken.Count -gt 0) { $body.hdc = @{ tokens = @($HdcToken) } }
    if ($SecurIdToken.Count -gt 0) { $body.securid = @{ tokens = @($SecurIdToken) } }
    if ($ApstrataToken.Count -gt 0) { $body.apstrata = @{ tokens = @($ApstrataToken) } }
    (Invoke-TokenAdminEmulatorAdmin -Emulator $Emulator -Method Post -Path 'seed' -Body $body).added
}

function Clear-TokenAdminEmulatorFault {
    <#
    .SYNOPSIS
        Removes every queued fault step, latency and concurrency limit, of every route (seed data and journal stay).

    .EXAMPLE
        Clear-TokenAdminEmulatorFault -Emulator $Emulator
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator
    )

    $null = Invoke-TokenAdminEmulatorAdmin -Emulator $Emulator -Method Delete -Path 'faults'
}

function Invoke-TokenAdminEmulatorAdmin {
    <#
    .SYNOPSIS
        Calls the emulator's admin endpoint (/_emulator, no authentication).

    .DESCRIPTION
        A thin Invoke-RestMethod wrapper. -Path is relative to /_emulator: '' (GET: info, including
        the demo credentials), 'faults' (POST a fault plan, DELETE all faults), 'seed' (POST: add data,
        see Add-TokenAdminEmulatorData), 'reset' (POST: seed
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
        Invoke-TokenAdminEmulatorAdmin -Emulator $emulator -Method Post -Path 'reset'

    .EXAMPLE
        Invoke-TokenAdminEmulatorAdmin -Emulator $emulator -Method Post -Path 'faults' -Body @{ route = 'hdc.tokens.list'; steps = @(@{ status = 503 }) }
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

    try {
        Invoke-RestMethod @parameters
    }
    catch [Microsoft.PowerShell.Commands.HttpResponseException] {
        # The control API answers mistakes with {"message": "..."}: say that, not the raw JSON.
        $message = try { ($_.ErrorDetails.Message | ConvertFrom-Json).message } catch { $null }
        if (-not $message) { throw }
        throw "The emulator refused $($Method.ToUpperInvariant()) $($parameters.Uri.AbsolutePath): $message"
    }
}

function Get-TokenAdminEmulatorJournal {
    <#
    .SYNOPSIS
        The emulator's request journal: what reached the emulated services, in arrival order.

    .DESCRIPTION
        Each entry has sequence, requestId, method, path, query, routeName, body, contentType,
        userAgent, connectionId, authScheme, arrivedAt, viaProxy, targetHost, statusCode (null when
        aborted), aborted and completedAt. Requests this module sends itself (Get-TokenAdminEmulatorHdcToken)
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
        Get-TokenAdminEmulatorJournal -Emulator $emulator -Method POST, PUT, DELETE | Should -BeNullOrEmpty
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        [string[]] $RouteName,

        [string[]] $Method,

        [switch] $IncludeSupportRequest
    )

    $journal = Invoke-TokenAdminEmulatorAdmin -Emulator $Emulator -Method Get -Path 'requests'
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
