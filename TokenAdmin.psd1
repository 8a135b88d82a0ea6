@{
    RootModule           = 'TokenAdmin.dll'
    # Revoke-TokenAdminUserAccess: a function composed of the cmdlets (offboarding across services).
    NestedModules        = @('TokenAdmin.Offboarding.psm1')
    ModuleVersion        = '0.1.0'
    GUID                 = '3f0c8a52-6d1e-4b7a-9c2f-8e4d1a7b5c90'
    Author               = 'TokenAdmin contributors'
    CompanyName          = 'TokenAdmin contributors'
    Copyright            = '(c) TokenAdmin contributors. MIT License.'
    Description          = 'Administer authentication tokens from PowerShell: bim.cloud (HDC) integration tokens (list, create, rescope, revoke), RSA SecurID hardware tokens (look up, delete), PowerClerk MFA session tokens (create, remove; TOTP built in) and apstrata user tokens (create, renew, remove in owner batches; both signature modes), with typed objects, safe retries and bulk runs, and no secret in any output.'
    CompatiblePSEditions = @('Core')
    PowerShellVersion    = '7.4'
    # Each folder of src/TokenAdmin brings its own views and display sets (a new service adds its pair here).
    FormatsToProcess     = @('Connections.Format.ps1xml', 'Audit.Format.ps1xml', 'Offboarding.Format.ps1xml', 'Hdc.Format.ps1xml', 'SecurId.Format.ps1xml', 'PowerClerk.Format.ps1xml', 'Apstrata.Format.ps1xml')
    TypesToProcess       = @('Connections.Types.ps1xml', 'Hdc.Types.ps1xml', 'SecurId.Types.ps1xml', 'PowerClerk.Types.ps1xml', 'Apstrata.Types.ps1xml')
    CmdletsToExport      = @(
        'Connect-Apstrata'
        'Connect-AuthTokenService'
        'Connect-PowerClerk'
        'Connect-SecurIdAdmin'
        'Disconnect-TokenAdmin'
        'Get-AuthToken'
        'Get-AuthTokenContext'
        'Get-SecurIdHardwareToken'
        'Get-TokenAdminAuditLog'
        'Get-TokenAdminConnection'
        'New-ApstrataToken'
        'New-AuthToken'
        'New-MfaSessionToken'
        'Remove-ApstrataToken'
        'Remove-AuthToken'
        'Remove-MfaSessionToken'
        'Remove-SecurIdHardwareToken'
        'Set-AuthToken'
        'Set-TokenAdminAuditLog'
    )
    FunctionsToExport    = @('Revoke-TokenAdminUserAccess')
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Token', 'Authentication', 'Administration', 'HDC', 'bimcloud', 'SecurID', 'RSA', 'PowerClerk', 'MFA', 'TOTP', 'apstrata', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            # The license text also ships in the module folder (LICENSE.txt).
            LicenseUri   = 'https://opensource.org/license/mit'
            ProjectUri   = 'https://github.com/tokenadmin/TokenAdmin'
            ReleaseNotes = 'bim.cloud HDC integration tokens, RSA SecurID hardware tokens, PowerClerk MFA session tokens and apstrata user tokens; an audit log and cross-service offboarding (unreleased). CHANGELOG.md in the module folder has every change.'
        }
    }
}
