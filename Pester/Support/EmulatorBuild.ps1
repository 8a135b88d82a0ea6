# Building and finding the emulator assembly for a configuration.
# Dot-sourced by ../EmulatorSupport.psm1 (module scope: $script: variables are shared).

function Get-EmulatorTargetFramework {
    [CmdletBinding()]
    [OutputType([string])]
    param()

    $node = Select-Xml -LiteralPath $script:EmulatorProject -XPath '/Project/PropertyGroup/TargetFramework' | Select-Object -First 1
    if ($null -eq $node) {
        throw "Could not read <TargetFramework> from $script:EmulatorProject."
    }

    $node.Node.InnerText.Trim()
}

function Get-EmulatorAssemblyCandidate {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $Configuration,

        [Parameter(Mandatory)]
        [string] $TargetFramework
    )

    Join-Path $script:RepositoryRoot "src/TokenAdmin.Emulator/bin/$Configuration/$TargetFramework/TokenAdmin.Emulator.dll"
}

function Build-TokenAdminEmulator {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Configuration
    )

    # The exit code is checked below, with a message that says what to run.
    $PSNativeCommandUseErrorActionPreference = $false
    $dotnet = Get-DotNetPath
    Write-Verbose "Building the emulator ($Configuration): dotnet build $script:EmulatorProject"
    $output = & $dotnet build $script:EmulatorProject --configuration $Configuration --nologo 2>&1 |
        ForEach-Object -Process { "$_" }
    if ($LASTEXITCODE -ne 0) {
        $tail = ($output | Select-Object -Last 40) -join [System.Environment]::NewLine
        throw "Building the emulator failed (dotnet build exit code $LASTEXITCODE). Run 'dotnet build src/TokenAdmin.Emulator -c $Configuration' in $script:RepositoryRoot to see every error. Last lines:$([System.Environment]::NewLine)$tail"
    }
}

function Resolve-EmulatorAssembly {
    <#
        The built emulator dll, building it when it is missing. Configuration: the one given, else
        $env:TOKENADMIN_CONFIGURATION (set by build.ps1 for its child processes), else the most
        recently built of Release and Debug, else Release (built now).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowEmptyString()]
        [string] $Configuration
    )

    if (-not $Configuration -and $env:TOKENADMIN_CONFIGURATION) {
        $Configuration = $env:TOKENADMIN_CONFIGURATION
        if ($Configuration -notin 'Debug', 'Release') {
            throw "TOKENADMIN_CONFIGURATION is '$Configuration'. Set it to Debug or Release, or remove it."
        }
    }

    $framework = Get-EmulatorTargetFramework
    if (-not $Configuration) {
        $built = foreach ($candidate in 'Release', 'Debug') {
            $path = Get-EmulatorAssemblyCandidate -Configuration $candidate -TargetFramework $framework
            if (Test-Path -LiteralPath $path -PathType Leaf) {
                Get-Item -LiteralPath $path
            }
        }

        if ($built) {
            return ($built | Sort-Object -Property LastWriteTimeUtc -Descending | Select-Object -First 1).FullName
        }

        $Configuration = 'Release'
    }

    $assembly = Get-EmulatorAssemblyCandidate -Configuration $Configuration -TargetFramework $framework
    if (-not (Test-Path -LiteralPath $assembly -PathType Leaf)) {
        Build-TokenAdminEmulator -Configuration $Configuration
        if (-not (Test-Path -LiteralPath $assembly -PathType Leaf)) {
            throw "The emulator build succeeded but $assembly does not exist. Check the output path of src/TokenAdmin.Emulator (TargetFramework '$framework')."
        }
    }

    $assembly
}
