#Requires -Version 7.4
<#
    The repository's test and demo support, used by build.ps1 (Demo, Bench) and every
    Pester/*.Tests.ps1 file. Not part of the shipped module.

    Everything that works on an installed emulator comes from the shipped companion module,
    src/TokenAdmin.Testing (so the suite exercises what users get), re-exported from here. This
    file adds only what needs the repository: Start-TokenAdminEmulator -Configuration runs the
    emulator built from source (building it when missing), the built module's path, and the end of
    a Pester file's session.
#>

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$script:RepositoryRoot = Split-Path -Parent $PSScriptRoot
$script:EmulatorProject = Join-Path $script:RepositoryRoot 'src/TokenAdmin.Emulator/TokenAdmin.Emulator.csproj'
$script:ModuleManifest = Join-Path $script:RepositoryRoot 'out/TokenAdmin/TokenAdmin.psd1'
$script:TestingManifest = Join-Path $script:RepositoryRoot 'src/TokenAdmin.Testing/TokenAdmin.Testing.psd1'

Import-Module $script:TestingManifest -Force
foreach ($part in 'EmulatorBuild', 'Module') {
    . (Join-Path $PSScriptRoot "Support/$part.ps1")
}

function Get-DotNetPath {
    <# The dotnet executable on PATH (TokenAdmin.Testing's own lookup, which it does not export). #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    & (Get-Module -Name 'TokenAdmin.Testing') { Get-DotNetPath }
}

function Start-TokenAdminEmulator {
    <#
    .SYNOPSIS
        TokenAdmin.Testing's Start-TokenAdminEmulator on the emulator built from this repository.

    .PARAMETER Configuration
        Debug or Release. Default: $env:TOKENADMIN_CONFIGURATION when set, else the most recently
        built of the two, else Release (built now).

    .PARAMETER ArgumentList
        Extra emulator options, as TokenAdmin.Testing\Start-TokenAdminEmulator takes them.

    .PARAMETER TimeoutSec
        How long to wait for the emulator to listen (default 30).
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [ValidateSet('Debug', 'Release')]
        [string] $Configuration,

        [AllowEmptyCollection()]
        [string[]] $ArgumentList = @(),

        [ValidateRange(1, 600)]
        [int] $TimeoutSec = 30
    )

    $assembly = Resolve-EmulatorAssembly -Configuration $Configuration
    TokenAdmin.Testing\Start-TokenAdminEmulator -Command (Get-DotNetPath), $assembly -ArgumentList $ArgumentList -TimeoutSec $TimeoutSec
}

Export-ModuleMember -Function @(
    (Get-Module -Name 'TokenAdmin.Testing').ExportedFunctions.Keys
    'Get-DotNetPath'
    'Start-TokenAdminEmulator'
    'Remove-TokenAdminTestSession'
    'Get-TokenAdminModuleManifest'
)
