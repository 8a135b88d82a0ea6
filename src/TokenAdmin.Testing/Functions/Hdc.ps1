# HDC: the demo credentials and the service's own view of its tokens.
# Dot-sourced by ../TokenAdmin.Testing.psm1 (module scope: $script: variables are shared).

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

    $info = Get-TokenAdminEmulatorInfo -Emulator $Emulator
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

function Get-TokenAdminEmulatorHdcToken {
    <#
    .SYNOPSIS
        The emulator's HDC tokens as the service itself lists them, read without TokenAdmin.

    .DESCRIPTION
        GET <hdc>/api/authtokens/json with the demo admin credential, straight from Invoke-RestMethod:
        an independent view of the state for assertions. Each item has context (name, code),
        userId, userFullName, token (THE SECRET VALUE: never print it; compare fingerprints, see
        ConvertTo-TokenAdminFingerprint) and lastUpdate. These requests are journaled with a marker
        User-Agent that Get-TokenAdminEmulatorJournal leaves out by default.

    .EXAMPLE
        (Get-TokenAdminEmulatorHdcToken -Emulator $emulator).userId
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator
    )

    $info = Get-TokenAdminEmulatorInfo -Emulator $Emulator
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
        Uri       = [uri]::new($Emulator.Services.Hdc.BaseUri, 'api/authtokens/json')
        Headers   = @{ Authorization = $authorization; Accept = 'application/json' }
        UserAgent = $script:SupportUserAgent
        NoProxy   = $true
    }
    $response = Invoke-RestMethod @parameters
    foreach ($token in $response.list) {
        $token
    }
}

function Get-TokenAdminEmulatorHdcCredential {
    <#
    .SYNOPSIS
        The emulator's demo HDC account (admin or reader) as a PSCredential.

    .DESCRIPTION
        Read from GET /_emulator, so it always matches the running emulator. The demo passwords
        are public by design (the emulator prints them when it starts), which is why building a
        SecureString from plain text is acceptable here and nowhere else.

    .EXAMPLE
        Connect-AuthTokenService -BaseUri $emulator.Services.Hdc.BaseUri -Credential (Get-TokenAdminEmulatorHdcCredential -Emulator $emulator -Role admin)
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

function Get-TokenAdminEmulatorHdcAccessToken {
    <#
    .SYNOPSIS
        The emulator's demo HDC bearer access token (admin or reader) as a SecureString.

    .DESCRIPTION
        Read from GET /_emulator. Public demo secret (see Get-TokenAdminEmulatorHdcCredential).

    .EXAMPLE
        Connect-AuthTokenService -BaseUri $emulator.Services.Hdc.BaseUri -AccessToken (Get-TokenAdminEmulatorHdcAccessToken -Emulator $emulator)
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
