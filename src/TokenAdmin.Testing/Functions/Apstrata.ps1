# apstrata: the demo account (owner and user) as the emulator describes it.
# Dot-sourced by ../TokenAdmin.Testing.psm1 (module scope: $script: variables are shared).

function Get-TokenAdminEmulatorApstrataAccount {
    <#
    .SYNOPSIS
        The apstrata demo account: BaseUri, AuthKey, the owner Secret (SecureString) and a user Credential.

    .PARAMETER Info
        The emulator's description (GET /_emulator) when the caller already has it (the demo), instead of -Emulator.

    .EXAMPLE
        $ap = Get-TokenAdminEmulatorApstrataAccount -Emulator $Emulator
        Connect-Apstrata -AuthKey $ap.AuthKey -BaseUri $ap.BaseUri -Secret $ap.Secret
    #>
    [CmdletBinding(DefaultParameterSetName = 'Emulator')]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Emulator')]
        [psobject] $Emulator,

        [Parameter(Mandatory, ParameterSetName = 'Info')]
        [psobject] $Info
    )

    if ($PSCmdlet.ParameterSetName -eq 'Emulator') {
        $Info = Get-TokenAdminEmulatorInfo -Emulator $Emulator
    }

    $service = @($Info.services | Where-Object -Property key -EQ -Value 'apstrata')
    if ($service.Count -eq 0) {
        throw "The emulator at $($Info.baseUrl) does not describe an 'apstrata' service (GET /_emulator)."
    }

    $owner = ($service[0].credentials | Where-Object -Property role -EQ -Value 'owner' | Select-Object -First 1).values
    $user = ($service[0].credentials | Where-Object -Property role -EQ -Value 'user' | Select-Object -First 1).values
    [pscustomobject]@{
        BaseUri    = [uri] $service[0].baseUrl
        AuthKey    = $owner.authKey
        Secret     = ConvertTo-SecureString -String $owner.secret -AsPlainText -Force
        Credential = [pscredential]::new($user.login, (ConvertTo-SecureString -String $user.password -AsPlainText -Force))
        Secrets    = @(
            [pscustomobject]@{ Name = 'apstrata owner secret'; Value = $owner.secret }
            [pscustomobject]@{ Name = 'apstrata user password'; Value = $user.password }
        )
    }
}
