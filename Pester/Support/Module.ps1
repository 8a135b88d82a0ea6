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
