# Connecting TokenAdmin to every emulated service with its demo accounts, in one call.
# Dot-sourced by ../TokenAdmin.Testing.psm1 (module scope: $script: variables are shared).

function Connect-TokenAdminEmulator {
    <#
    .SYNOPSIS
        Connects TokenAdmin to the emulator's services with their demo accounts: the connections your scripts then use.

    .DESCRIPTION
        Runs Connect-AuthTokenService (HDC, the admin account), Connect-SecurIdAdmin (the Super
        Administrator key file), Connect-PowerClerk (the MFA account and its TOTP seed) and
        Connect-Apstrata (the owner's auth key and secret) against the emulator, each making its
        connection the current one for that service. TokenAdmin must be imported first; this module
        does not load it, so your tests import the TokenAdmin you mean to test.

    .PARAMETER Emulator
        The object Start-TokenAdminEmulator returned.

    .PARAMETER Service
        Which services to connect (default: all four).

    .PARAMETER PassThru
        Write the connection objects.

    .EXAMPLE
        Connect-TokenAdminEmulator -Emulator $emulator -Service Hdc, SecurId
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator,

        [ValidateSet('Hdc', 'SecurId', 'PowerClerk', 'Apstrata')]
        [string[]] $Service = @('Hdc', 'SecurId', 'PowerClerk', 'Apstrata'),

        [switch] $PassThru
    )

    if (-not (Get-Command -Name 'Connect-AuthTokenService' -ErrorAction SilentlyContinue)) {
        throw 'TokenAdmin is not imported. Import-Module TokenAdmin first, then Connect-TokenAdminEmulator.'
    }

    $info = Get-TokenAdminEmulatorInfo -Emulator $Emulator
    $common = @{ PassThru = $PassThru }
    switch ($Service) {
        'Hdc' {
            Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -Credential (Get-TokenAdminEmulatorHdcCredential -Emulator $Emulator) @common
        }
        'SecurId' {
            Connect-SecurIdAdmin -KeyFile (Get-TokenAdminEmulatorSecurIdKeyFile -Emulator $Emulator) @common
        }
        'PowerClerk' {
            $account = Get-TokenAdminEmulatorPowerClerkAccount -Info $info
            Connect-PowerClerk -BaseUri $account.BaseUri -Credential $account.Credential -ApiKey $account.ApiKey -TotpSecret $account.TotpSecret @common
        }
        'Apstrata' {
            $account = Get-TokenAdminEmulatorApstrataAccount -Info $info
            Connect-Apstrata -BaseUri $account.BaseUri -AuthKey $account.AuthKey -Secret $account.Secret @common
        }
    }
}
