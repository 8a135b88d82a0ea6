# The built module under test.
# Dot-sourced by ../EmulatorSupport.psm1 (module scope: $script: variables are shared).

function Get-TokenAdminModuleManifest {
    <#
    .SYNOPSIS
        The path of the built module's manifest (out/TokenAdmin/TokenAdmin.psd1); fails with what to do when it is missing.

    .EXAMPLE
        Import-Module (Get-TokenAdminModuleManifest) -Force
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    if (-not (Test-Path -LiteralPath $script:ModuleManifest -PathType Leaf)) {
        throw "The built module is missing ($script:ModuleManifest). Build it first with ./build.ps1 (or dotnet build), then run the tests again."
    }

    $script:ModuleManifest
}
function Remove-TokenAdminTestSession {
    <#
    .SYNOPSIS
        Ends a Pester file's session: disconnects and removes TokenAdmin, then stops the emulator.

    .DESCRIPTION
        For AfterAll blocks. Each step runs only if its part was set up, so it is safe after a
        BeforeAll that failed halfway.

    .PARAMETER Emulator
        The object Start-TokenAdminEmulator returned, or $null.

    .EXAMPLE
        AfterAll { Remove-TokenAdminTestSession -Emulator $Emulator }
    #>
    [CmdletBinding()]
    param(
        [AllowNull()]
        [psobject] $Emulator
    )

    if (Get-Module -Name 'TokenAdmin') {
        Disconnect-TokenAdmin
        Remove-Module -Name 'TokenAdmin' -Force
    }

    if ($Emulator) {
        Stop-TokenAdminEmulator -Emulator $Emulator
    }
}
