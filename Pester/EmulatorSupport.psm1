#Requires -Version 7.4
<#
    Test and demo support: start, drive and stop the TokenAdmin emulator (src/TokenAdmin.Emulator)
    from PowerShell. The ONE place that knows how, used by build.ps1 (Demo task) and by every
    Pester/*.Tests.ps1 file. Not part of the shipped module.

    The emulator is a separate process (dotnet <built dll>), bound to 127.0.0.1 on a free port.
    It writes its base URL to a "url file" once it listens; this module waits for that file,
    reads the URL, and hands back an object that every other function here takes as -Emulator.

    The functions live in Support/, one file per concern (the .NET SDK, building the emulator, its
    process, its control API, the built module, secrets) and one per service (Hdc.ps1, SecurId.ps1):
    a new service adds its own file and its exports below.
#>

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$script:RepositoryRoot = Split-Path -Parent $PSScriptRoot
$script:EmulatorProject = Join-Path $script:RepositoryRoot 'src/TokenAdmin.Emulator/TokenAdmin.Emulator.csproj'
$script:ModuleManifest = Join-Path $script:RepositoryRoot 'out/TokenAdmin/TokenAdmin.psd1'

# Requests this module sends to a service itself (to read the emulator's state) carry this
# User-Agent, so Get-EmulatorRequest can leave them out of the journal by default.
$script:SupportUserAgent = 'TokenAdmin-PesterSupport/1.0'

foreach ($part in 'DotNet', 'EmulatorBuild', 'EmulatorProcess', 'EmulatorControl', 'Module', 'Secrets', 'Hdc', 'SecurId', 'PowerClerk', 'Apstrata') {
    . (Join-Path $PSScriptRoot "Support/$part.ps1")
}

Export-ModuleMember -Function @(
    'Get-DotNetPath'
    'Start-TokenAdminEmulator'
    'Stop-TokenAdminEmulator'
    'Remove-TokenAdminTestSession'
    'Reset-TokenAdminEmulator'
    'Add-TokenAdminEmulatorFault'
    'Invoke-EmulatorAdmin'
    'Get-EmulatorRequest'
    'Get-EmulatorHdcToken'
    'Get-EmulatorDemoCredential'
    'Get-EmulatorDemoAccessToken'
    'Get-EmulatorSecurIdKeyFile'
    'Get-EmulatorSecurIdApiKey'
    'Get-EmulatorPowerClerkAccount'
    'Get-EmulatorApstrataAccount'
    'Get-EmulatorDemoSecret'
    'Find-LeakedSecret'
    'ConvertTo-TokenFingerprint'
    'Get-TokenAdminModuleManifest'
)
