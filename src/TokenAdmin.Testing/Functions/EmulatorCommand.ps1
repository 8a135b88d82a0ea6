# Finding the emulator: a command given, $env:TOKENADMIN_EMULATOR, a local tool manifest, PATH.
# Dot-sourced by ../TokenAdmin.Testing.psm1 (module scope: $script: variables are shared).

$script:EmulatorToolName = 'tokenadmin-emulator'
$script:EmulatorPackageId = 'tokenadmin.emulator'
$script:EmulatorAssemblyName = 'TokenAdmin.Emulator.dll'

function New-EmulatorLaunch {
    <# What Start-Process runs: a program, its leading arguments, and how to show it in a message. #>
    param([string] $FilePath, [string[]] $Arguments = @())

    [pscustomobject]@{
        FilePath  = $FilePath
        Arguments = @($Arguments)
        Display   = (@($FilePath) + @($Arguments)) -join ' '
    }
}

function ConvertTo-EmulatorLaunch {
    <# A path to the tool's executable, or to its dll (run with dotnet). #>
    param([string] $Path, [string] $Origin)

    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) {
        throw "$Origin names $Path, which does not exist."
    }

    $full = (Resolve-Path -LiteralPath $Path).ProviderPath
    if ($full.EndsWith('.dll', [System.StringComparison]::OrdinalIgnoreCase)) {
        return New-EmulatorLaunch -FilePath (Get-DotNetPath) -Arguments $full
    }

    New-EmulatorLaunch -FilePath $full
}

function Find-EmulatorToolManifest {
    <# The nearest dotnet-tools.json at or above a folder that lists TokenAdmin.Emulator, as dotnet tool run looks for it. #>
    param([string] $Directory)

    $current = [System.IO.DirectoryInfo]::new($Directory)
    while ($null -ne $current) {
        foreach ($candidate in (Join-Path $current.FullName '.config/dotnet-tools.json'), (Join-Path $current.FullName 'dotnet-tools.json')) {
            if (-not (Test-Path -LiteralPath $candidate -PathType Leaf)) {
                continue
            }

            $manifest = Get-Content -LiteralPath $candidate -Raw | ConvertFrom-Json -AsHashtable
            $tool = $manifest.tools.Keys | Where-Object -FilterScript { $_ -eq $script:EmulatorPackageId } | Select-Object -First 1
            if ($tool) {
                return [pscustomobject]@{ Path = $candidate; Version = [string] $manifest.tools[$tool].version }
            }
        }

        $current = $current.Parent
    }
}

function Resolve-ManifestEmulator {
    <#
        The dll of a local tool, run directly with dotnet: "dotnet tool run" would start it as a child
        of its own process, which then stops without passing the stop signal on.
    #>
    param([pscustomobject] $Manifest)

    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([System.Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $packageDirectory = Join-Path $packages "$script:EmulatorPackageId/$($Manifest.Version.ToLowerInvariant())"
    $dll = Get-ChildItem -Path (Join-Path $packageDirectory 'tools') -Filter $script:EmulatorAssemblyName -Recurse -File -ErrorAction SilentlyContinue |
        Select-Object -First 1
    if ($null -eq $dll) {
        throw "$($Manifest.Path) lists TokenAdmin.Emulator $($Manifest.Version), but it is not restored in $packages. Run: dotnet tool restore"
    }

    New-EmulatorLaunch -FilePath (Get-DotNetPath) -Arguments $dll.FullName
}

function Resolve-TokenAdminEmulatorCommand {
    <# How to run the emulator; see Start-TokenAdminEmulator -Command for the order. #>
    [CmdletBinding()]
    param([string[]] $Command)

    if ($Command) {
        return New-EmulatorLaunch -FilePath $Command[0] -Arguments @($Command | Select-Object -Skip 1)
    }

    if ($env:TOKENADMIN_EMULATOR) {
        return ConvertTo-EmulatorLaunch -Path $env:TOKENADMIN_EMULATOR -Origin 'TOKENADMIN_EMULATOR'
    }

    $manifest = Find-EmulatorToolManifest -Directory (Get-Location -PSProvider FileSystem).ProviderPath
    if ($null -ne $manifest) {
        return Resolve-ManifestEmulator -Manifest $manifest
    }

    $onPath = Get-Command -Name $script:EmulatorToolName -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($null -ne $onPath) {
        return New-EmulatorLaunch -FilePath $onPath.Source
    }

    $globalTools = Join-Path ([System.Environment]::GetFolderPath('UserProfile')) '.dotnet/tools'
    $global = Get-ChildItem -LiteralPath $globalTools -Filter "$script:EmulatorToolName*" -File -ErrorAction SilentlyContinue |
        Where-Object -FilterScript { $_.BaseName -eq $script:EmulatorToolName } | Select-Object -First 1
    if ($null -ne $global) {
        return New-EmulatorLaunch -FilePath $global.FullName
    }

    throw "The TokenAdmin emulator was not found. Install it (dotnet tool install TokenAdmin.Emulator --global, or into a local tool manifest), set TOKENADMIN_EMULATOR to its executable or dll, or pass -Command."
}
