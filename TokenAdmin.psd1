@{
    RootModule           = 'TokenAdmin.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '3f0c8a52-6d1e-4b7a-9c2f-8e4d1a7b5c90'
    Author               = 'TokenAdmin contributors'
    CompanyName          = 'TokenAdmin contributors'
    Copyright            = '(c) TokenAdmin contributors. MIT License.'
    Description          = 'Administer authentication tokens on PowerClerk, apstrata, RSA SecurID and bim.cloud (HDC) from PowerShell: list, create, update and revoke them with typed objects, safe retries and no secrets in any output.'
    CompatiblePSEditions = @('Core')
    PowerShellVersion    = '7.4'
    FormatsToProcess     = @('TokenAdmin.Format.ps1xml')
    TypesToProcess       = @('TokenAdmin.Types.ps1xml')
    CmdletsToExport      = @(
        'Connect-AuthTokenService'
        'Connect-SecurIdAdmin'
        'Disconnect-TokenAdmin'
        'Get-AuthToken'
        'Get-AuthTokenContext'
        'Get-SecurIdHardwareToken'
        'Get-TokenAdminConnection'
        'New-AuthToken'
        'Remove-AuthToken'
        'Remove-SecurIdHardwareToken'
        'Set-AuthToken'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Token', 'Authentication', 'Administration', 'HDC', 'bimcloud', 'SecurID', 'apstrata', 'PowerClerk', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            LicenseUri   = 'https://github.com/tokenadmin/TokenAdmin/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/tokenadmin/TokenAdmin'
            ReleaseNotes = 'See CHANGELOG.md: https://github.com/tokenadmin/TokenAdmin/blob/main/CHANGELOG.md'
        }
    }
}
