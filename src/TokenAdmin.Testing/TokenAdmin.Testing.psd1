@{
    RootModule           = 'TokenAdmin.Testing.psm1'
    # Always TokenAdmin's own version: the two ship together (a Pester test checks it).
    ModuleVersion        = '0.1.0'
    GUID                 = '9b6f2d41-3c8e-4f57-a1d2-6e0b7c4f8a13'
    Author               = 'TokenAdmin contributors'
    CompanyName          = 'TokenAdmin contributors'
    Copyright            = '(c) TokenAdmin contributors. MIT License.'
    Description          = 'Test your TokenAdmin scripts without the real services: starts the TokenAdmin emulator (dotnet tool TokenAdmin.Emulator) on 127.0.0.1, connects TokenAdmin to its HDC, SecurID, PowerClerk and apstrata services, injects faults, reads its request journal and finds leaked demo secrets.'
    CompatiblePSEditions = @('Core')
    PowerShellVersion    = '7.4'
    FunctionsToExport    = @(
        'Add-TokenAdminEmulatorData'
        'Add-TokenAdminEmulatorFault'
        'Clear-TokenAdminEmulatorFault'
        'Connect-TokenAdminEmulator'
        'ConvertTo-TokenAdminFingerprint'
        'Find-TokenAdminEmulatorSecret'
        'Get-TokenAdminEmulatorApstrataAccount'
        'Get-TokenAdminEmulatorHdcAccessToken'
        'Get-TokenAdminEmulatorHdcCredential'
        'Get-TokenAdminEmulatorHdcToken'
        'Get-TokenAdminEmulatorInfo'
        'Get-TokenAdminEmulatorJournal'
        'Get-TokenAdminEmulatorPowerClerkAccount'
        'Get-TokenAdminEmulatorSecret'
        'Get-TokenAdminEmulatorSecurIdApiKey'
        'Get-TokenAdminEmulatorSecurIdKeyFile'
        'Invoke-TokenAdminEmulatorAdmin'
        'Reset-TokenAdminEmulator'
        'Start-TokenAdminEmulator'
        'Stop-TokenAdminEmulator'
    )
    CmdletsToExport      = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('TokenAdmin', 'Testing', 'Pester', 'Emulator', 'Mock', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            LicenseUri = 'https://opensource.org/license/mit'
            ProjectUri = 'https://github.com/tokenadmin/TokenAdmin'
        }
    }
}
