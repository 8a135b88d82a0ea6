# PowerClerk: the demo accounts (with and without MFA) as the emulator describes them.
# Dot-sourced by ../TokenAdmin.Testing.psm1 (module scope: $script: variables are shared).

function Get-TokenAdminEmulatorPowerClerkAccount {
    <#
    .SYNOPSIS
        A PowerClerk demo account: BaseUri, Credential, ApiKey and (role mfa) TotpSecret as SecureStrings.

    .PARAMETER Emulator
        The object Start-TokenAdminEmulator returned.

    .PARAMETER Info
        The emulator's description (GET /_emulator) when the caller already has it (the demo), instead of -Emulator.

    .PARAMETER Role
        mfa (the account with MFA, whose TOTP seed the emulator prints) or plain (no MFA).

    .EXAMPLE
        $pc = Get-TokenAdminEmulatorPowerClerkAccount -Emulator $Emulator
        Connect-PowerClerk -BaseUri $pc.BaseUri -Credential $pc.Credential -ApiKey $pc.ApiKey -TotpSecret $pc.TotpSecret
    #>
    [CmdletBinding(DefaultParameterSetName = 'Emulator')]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Emulator')]
        [psobject] $Emulator,

        [Parameter(Mandatory, ParameterSetName = 'Info')]
        [psobject] $Info,

        [ValidateSet('mfa', 'plain')]
        [string] $Role = 'mfa'
    )

    if ($PSCmdlet.ParameterSetName -eq 'Emulator') {
        $Info = Get-TokenAdminEmulatorInfo -Emulator $Emulator
    }

    $service = @($Info.services | Where-Object -Property key -EQ -Value 'powerclerk')
    if ($service.Count -eq 0) {
        throw "The emulator at $($Info.baseUrl) does not describe a 'powerclerk' service (GET /_emulator)."
    }

    $values = ($service[0].credentials | Where-Object -Property role -EQ -Value $Role | Select-Object -First 1).values
    [pscustomobject]@{
        BaseUri    = [uri] $service[0].baseUrl
        Credential = [pscredential]::new($values.userName, (ConvertTo-SecureString -String $values.password -AsPlainText -Force))
        ApiKey     = ConvertTo-SecureString -String $values.apiKey -AsPlainText -Force
        TotpSecret = if ($values.PSObject.Properties['totpSecret']) { ConvertTo-SecureString -String $values.totpSecret -AsPlainText -Force } else { $null }
        Secrets    = @(
            [pscustomobject]@{ Name = 'PowerClerk password'; Value = $values.password }
            [pscustomobject]@{ Name = 'PowerClerk API key'; Value = $values.apiKey }
            if ($values.PSObject.Properties['totpSecret']) { [pscustomobject]@{ Name = 'PowerClerk TOTP seed'; Value = $values.totpSecret } }
        )
    }
}
