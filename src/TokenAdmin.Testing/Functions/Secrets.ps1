# Every demo secret, and finding any of them in text.
# Dot-sourced by ../TokenAdmin.Testing.psm1 (module scope: $script: variables are shared).

function Get-TokenAdminEmulatorSecret {
    <#
    .SYNOPSIS
        Every secret the emulator's demo credentials consist of, as needles for "never shown" tests.

    .DESCRIPTION
        Returns objects with Name (a description that is safe to print) and Value (the secret):
        each demo password, secret, API key and TOTP seed of every service, the Base64
        "user:password" an HTTP Basic header would carry, each bearer access token, the private key of each SecurID demo key file (one needle per line of
        the PEM body: its first 20 characters) and, in proxy mode, the proxy password. Find-TokenAdminEmulatorSecret
        looks for them in a text. JWTs are made per request and are not among them: look for "eyJ"
        (the base64url of '{"' every JWT starts with).

    .EXAMPLE
        $needles = Get-TokenAdminEmulatorSecret -Emulator $emulator
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory)]
        [psobject] $Emulator
    )

    $info = Get-TokenAdminEmulatorInfo -Emulator $Emulator
    foreach ($service in $info.services) {
        foreach ($credential in $service.credentials) {
            $label = "$($service.key) $($credential.role) $($credential.scheme)"
            $values = $credential.values
            $names = $values.PSObject.Properties.Name
            # Every value a service calls a secret (password, accessToken, secret, apiKey, totpSecret, ...).
            foreach ($name in $names | Where-Object { $_ -in 'password', 'accessToken', 'secret', 'apiKey', 'totpSecret' }) {
                [pscustomobject]@{ Name = "$label $name"; Value = $values.$name }
            }

            if ($names -contains 'password') {
                $user = if ($names -contains 'userName') { $values.userName } elseif ($names -contains 'login') { $values.login } else { $null }
                if ($null -ne $user) {
                    $header = [System.Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes("${user}:$($values.password)"))
                    [pscustomobject]@{ Name = "$label Authorization header (Base64 user:password)"; Value = $header }
                }
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

function Find-TokenAdminEmulatorSecret {
    <#
    .SYNOPSIS
        The names of the secrets that appear in a text; nothing when none does.

    .DESCRIPTION
        -Secret takes objects with Name and Value, as Get-TokenAdminEmulatorSecret returns them. Each Value
        of 6 characters or more is looked for case-insensitively; the Names of those found are
        returned, sorted and unique. Names describe secrets without holding them, so a failing
        assertion on this output prints no secret (an assertion on the text itself would).

    .EXAMPLE
        Find-TokenAdminEmulatorSecret -Text ($connection | Format-List | Out-String) -Secret $needles | Should -BeNullOrEmpty
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

function ConvertTo-TokenAdminFingerprint {
    <#
    .SYNOPSIS
        A token's fingerprint as TokenAdmin computes it: the first 12 hex digits of its SHA-256.

    .DESCRIPTION
        Lets tests compare a token from the emulator's state with TokenAdmin's objects and errors
        without printing the secret, and checks the Fingerprint contract independently.

    .EXAMPLE
        ConvertTo-TokenAdminFingerprint -Token $stateToken.token
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
