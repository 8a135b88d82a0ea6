# The .NET SDK on PATH: what build.ps1 and the emulator helpers run.
# Dot-sourced by ../TokenAdmin.Testing.psm1 (module scope: $script: variables are shared).

function Get-DotNetPath {
    <#
    .SYNOPSIS
        The dotnet executable on PATH; a clear error naming the fix when there is none.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    $command = Get-Command -Name 'dotnet' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($null -eq $command) {
        throw 'The .NET SDK was not found: "dotnet" is not on PATH. Install the .NET SDK that global.json names (https://dot.net), open a new shell, and try again.'
    }

    $command.Source
}
