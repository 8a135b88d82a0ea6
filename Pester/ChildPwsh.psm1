#Requires -Version 7.4
<#
    Starting a child pwsh of the same version as the current one, optionally with its own user
    folders (PSResourceGet settings, CurrentUser modules, PSModulePath), so packaging and install
    tests never touch the caller's. Used by build.ps1 (Pester, Demo and Package tasks) and by the
    Pester suite. Not part of the shipped module.
#>

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# Per-user locations PowerShell and PSResourceGet derive from the environment, on every platform.
$script:UserEnvironmentNames = 'HOME', 'USERPROFILE', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'LOCALAPPDATA', 'APPDATA', 'PSModulePath'

function Get-PwshCommand {
    <#
    .SYNOPSIS
        How to start a child pwsh of this version: the executable, then the arguments that must precede the script's own.

    .DESCRIPTION
        Under "dotnet pwsh" (the repository's local tool) the process is dotnet itself and pwsh.dll is
        the entry assembly, so the child is "dotnet pwsh.dll". Otherwise the running pwsh, else the first on PATH.
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param()

    $current = [System.Environment]::ProcessPath
    if ($current -and [System.IO.Path]::GetFileNameWithoutExtension($current) -eq 'pwsh') {
        return , @($current)
    }

    $entry = [System.Reflection.Assembly]::GetEntryAssembly()
    if ($current -and $entry -and [System.IO.Path]::GetFileName($entry.Location) -eq 'pwsh.dll') {
        return , @($current, $entry.Location)
    }

    $command = Get-Command -Name 'pwsh' -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($null -eq $command) {
        throw 'No pwsh to run a child process in. Run as the README says: dotnet tool restore && dotnet pwsh ./build.ps1 <Task>'
    }

    , @($command.Source)
}

function Invoke-ChildPwsh {
    <#
    .SYNOPSIS
        Runs pwsh -NoProfile -NonInteractive with the given arguments; returns the exit code, or with -Capture the output too.

    .PARAMETER ArgumentList
        The child's arguments after -NoProfile -NonInteractive, e.g. '-File', $script, 'arg'.

    .PARAMETER UserHome
        Gives the child its own user folders under this path (HOME, XDG_*, LOCALAPPDATA, APPDATA) and
        no inherited PSModulePath, so it sees only modules installed there (and PowerShell's own).

    .PARAMETER Capture
        Return [pscustomobject]@{ ExitCode; Output } (output as strings, errors included) instead of
        writing the output to the host and returning the exit code.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string[]] $ArgumentList,

        [string] $UserHome,

        [switch] $Capture
    )

    $saved = @{}
    foreach ($name in $script:UserEnvironmentNames) {
        $saved[$name] = [System.Environment]::GetEnvironmentVariable($name)
    }

    try {
        if ($UserHome) {
            $null = New-Item -ItemType Directory -Path $UserHome -Force
            $folders = @{
                HOME            = $UserHome
                USERPROFILE     = $UserHome
                XDG_DATA_HOME   = Join-Path $UserHome '.local/share'
                XDG_CONFIG_HOME = Join-Path $UserHome '.config'
                XDG_CACHE_HOME  = Join-Path $UserHome '.cache'
                LOCALAPPDATA    = Join-Path $UserHome 'AppData/Local'
                APPDATA         = Join-Path $UserHome 'AppData/Roaming'
                PSModulePath    = $null
            }
            foreach ($name in $folders.Keys) {
                # .NET answers GetFolderPath with '' for a folder that does not exist (and PSResourceGet
                # would then keep its settings in the current directory): create each one.
                if ($folders[$name]) {
                    $null = New-Item -ItemType Directory -Path $folders[$name] -Force
                }

                [System.Environment]::SetEnvironmentVariable($name, $folders[$name])
            }
        }

        $pwsh = Get-PwshCommand
        $prefix = @($pwsh | Select-Object -Skip 1)
        $PSNativeCommandUseErrorActionPreference = $false
        if ($Capture) {
            $output = @(& $pwsh[0] @prefix '-NoProfile' '-NonInteractive' @ArgumentList 2>&1 | ForEach-Object -Process { "$_" })
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $output }
        }
        else {
            & $pwsh[0] @prefix '-NoProfile' '-NonInteractive' @ArgumentList | Out-Host
            $LASTEXITCODE
        }
    }
    finally {
        foreach ($name in $script:UserEnvironmentNames) {
            [System.Environment]::SetEnvironmentVariable($name, $saved[$name])
        }
    }
}

Export-ModuleMember -Function 'Get-PwshCommand', 'Invoke-ChildPwsh'
