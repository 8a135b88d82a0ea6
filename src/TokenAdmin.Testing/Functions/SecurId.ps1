# SecurID: the demo key files and API keys.
# Dot-sourced by ../TokenAdmin.Testing.psm1 (module scope: $script: variables are shared).

# The SecurID demo keys' roles: parameter value -> the role name GET /_emulator shows.
$script:SecurIdRoleNames = @{
    SuperAdministrator    = 'Super Administrator'
    HelpDeskAdministrator = 'Help Desk Administrator'
}

# A needle for each line of a PEM body is its first this many characters: long enough to be unique
# to the key, short enough to catch a line shown in part.
$script:PemNeedleLength = 20

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
    $info = Get-TokenAdminEmulatorInfo -Emulator $Emulator
    $securId = @($info.services | Where-Object -Property key -EQ -Value 'securid')
    if ($securId.Count -eq 0) {
        throw "The emulator at $($Emulator.BaseUri) does not describe a 'securid' service (GET /_emulator): is it an older emulator? Install the TokenAdmin.Emulator that matches this module."
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

function Get-TokenAdminEmulatorSecurIdKeyFile {
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
        Connect-SecurIdAdmin -KeyFile (Get-TokenAdminEmulatorSecurIdKeyFile -Emulator $emulator -Role HelpDeskAdministrator)
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

function Get-TokenAdminEmulatorSecurIdApiKey {
    <#
    .SYNOPSIS
        One of the emulator's SecurID demo API keys as separate values, the private key as a SecureString.

    .DESCRIPTION
        For Connect-SecurIdAdmin -AccessId -AccessKey -AdminRestApiUrl (a key kept in a vault rather
        than a file), and for assertions. Read from the key file Get-TokenAdminEmulatorSecurIdKeyFile names.
        Returns Role, KeyFile, AccessId, AccessKey (the PEM private key as a SecureString),
        AdminRestApiUrl (a string, exactly as the file has it: the JWTs' audience), CustomerName and
        Description. The private key is demo material made by that emulator process, which is why a
        SecureString may be built from plain text here (see Get-TokenAdminEmulatorHdcCredential).

    .PARAMETER Role
        SuperAdministrator (default) or HelpDeskAdministrator.

    .EXAMPLE
        $key = Get-TokenAdminEmulatorSecurIdApiKey -Emulator $emulator
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

    $path = Get-TokenAdminEmulatorSecurIdKeyFile -Emulator $Emulator -Role $Role
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
