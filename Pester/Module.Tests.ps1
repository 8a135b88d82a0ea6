#Requires -Version 7.4
<#
    The BUILT module as a whole (out/TokenAdmin): layout, manifest, exports, help, types, views,
    and that its dependencies stay in TokenAdmin's private AssemblyLoadContext.
    Build first (./build.ps1); run with ./build.ps1 -Task Pester or Invoke-Pester ./Pester.
#>

BeforeDiscovery {
    # Data for -ForEach must exist at discovery time; the manifest is plain data, safe to read here.
    $repositoryRoot = Split-Path -Parent $PSScriptRoot
    $stagedManifest = Join-Path $repositoryRoot 'out/TokenAdmin/TokenAdmin.psd1'
    $manifestForDiscovery = if (Test-Path -LiteralPath $stagedManifest) { $stagedManifest } else { Join-Path $repositoryRoot 'TokenAdmin.psd1' }
    $cmdletCases = @((Import-PowerShellDataFile -LiteralPath $manifestForDiscovery).CmdletsToExport |
            ForEach-Object -Process { @{ Name = $_ } })
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'EmulatorSupport.psm1') -Force
    $ManifestPath = Get-TokenAdminModuleManifest
    $ModuleDirectory = Split-Path -Parent $ManifestPath
    $ManifestData = Import-PowerShellDataFile -LiteralPath $ManifestPath
    $Emulator = Start-TokenAdminEmulator
    Import-Module -Name $ManifestPath -Force
    $AdminCredential = Get-TokenAdminEmulatorHdcCredential -Emulator $Emulator -Role admin
}

AfterAll {
    Remove-TokenAdminTestSession -Emulator $Emulator
    Remove-Module -Name 'EmulatorSupport' -Force -ErrorAction SilentlyContinue
}

Describe 'The staged module folder' {
    It 'contains <RelativePath>' -ForEach @(
        @{ RelativePath = 'TokenAdmin.psd1' }
        @{ RelativePath = 'TokenAdmin.dll' }
        @{ RelativePath = 'Hdc.Format.ps1xml' }
        @{ RelativePath = 'Connections.Types.ps1xml' }
        @{ RelativePath = 'LICENSE.txt' }
        @{ RelativePath = 'CHANGELOG.md' }
        @{ RelativePath = 'en-US/about_TokenAdmin.help.txt' }
        @{ RelativePath = 'Dependencies/TokenAdmin.Core.dll' }
        @{ RelativePath = 'Dependencies/RestSharp.dll' }
        @{ RelativePath = 'en-US/TokenAdmin.dll-Help.xml' }
    ) {
        Join-Path $ModuleDirectory $RelativePath | Should -Exist
    }

    It 'keeps <FileName> out of the module root (dependencies belong in Dependencies/)' -ForEach @(
        @{ FileName = 'TokenAdmin.Core.dll' }
        @{ FileName = 'RestSharp.dll' }
    ) {
        Join-Path $ModuleDirectory $FileName | Should -Not -Exist
    }
}

Describe 'The manifest' {
    It 'passes Test-ModuleManifest' {
        $info = Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop

        $info.Name | Should -Be 'TokenAdmin'
        $info.Version | Should -Be ([version] $ManifestData.ModuleVersion)
        $info.RootModule | Should -Be 'TokenAdmin.dll'
        $info.PowerShellVersion | Should -Be ([version] '7.4')
        $info.CompatiblePSEditions | Should -Contain 'Core'
    }

    It 'has the version of the assembly it loads (the build stamps it from the manifest)' {
        $assemblyVersion = [System.Reflection.AssemblyName]::GetAssemblyName((Join-Path $ModuleDirectory 'TokenAdmin.dll')).Version

        $assemblyVersion.ToString(3) | Should -Be ([version] $ManifestData.ModuleVersion).ToString(3)
    }
}

Describe 'Exported commands' {
    It 'exports exactly the cmdlets in CmdletsToExport' {
        $module = Get-Module -Name 'TokenAdmin'
        $expected = @($ManifestData.CmdletsToExport | Sort-Object)

        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be $expected
        @($module.ExportedCommands.Keys | Sort-Object) | Should -Be @($expected + $ManifestData.FunctionsToExport | Sort-Object)
    }

    It 'exports one function, the offboarding composed of the cmdlets, and no aliases or variables' {
        $module = Get-Module -Name 'TokenAdmin'

        @($module.ExportedFunctions.Keys) | Should -Be @('Revoke-TokenAdminUserAccess')
        $module.ExportedFunctions['Revoke-TokenAdminUserAccess'].OutputType.Type | Should -Be ([TokenAdmin.UserAccessRevocation])
        $module.ExportedAliases.Keys | Should -BeNullOrEmpty
        $module.ExportedVariables.Keys | Should -BeNullOrEmpty
    }

    It '<Name> declares its output type <TypeName>' -ForEach @(
        @{ Name = 'Connect-AuthTokenService'; TypeName = 'TokenAdmin.HdcConnection' }
        @{ Name = 'Get-AuthToken'; TypeName = 'TokenAdmin.AuthToken' }
        @{ Name = 'Get-AuthTokenContext'; TypeName = 'TokenAdmin.AuthTokenContext' }
        @{ Name = 'New-AuthToken'; TypeName = 'TokenAdmin.AuthToken' }
        @{ Name = 'Set-AuthToken'; TypeName = 'TokenAdmin.AuthToken' }
        @{ Name = 'Remove-AuthToken'; TypeName = 'TokenAdmin.AuthTokenRemovalResult' }
        @{ Name = 'Get-TokenAdminConnection'; TypeName = 'TokenAdmin.TokenAdminConnection' }
        @{ Name = 'Connect-SecurIdAdmin'; TypeName = 'TokenAdmin.SecurIdConnection' }
        @{ Name = 'Get-SecurIdHardwareToken'; TypeName = 'TokenAdmin.SecurIdHardwareToken' }
        @{ Name = 'Remove-SecurIdHardwareToken'; TypeName = 'TokenAdmin.SecurIdTokenRemovalResult' }
    ) {
        (Get-Command -Name $Name -Module 'TokenAdmin').OutputType.Name | Should -Contain $TypeName
    }

    It '<Name> supports -WhatIf and -Confirm with ConfirmImpact <Impact>' -ForEach @(
        @{ Name = 'New-AuthToken'; Impact = 'Medium' }
        @{ Name = 'Set-AuthToken'; Impact = 'Medium' }
        @{ Name = 'Remove-AuthToken'; Impact = 'High' }
        @{ Name = 'Remove-SecurIdHardwareToken'; Impact = 'High' }
    ) {
        $command = Get-Command -Name $Name -Module 'TokenAdmin'
        $cmdletAttribute = $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) |
            Select-Object -First 1

        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
        $cmdletAttribute.ConfirmImpact | Should -Be $Impact
    }
}

Describe 'Help' {
    It '<Name> has help with a synopsis and a description' -ForEach $cmdletCases {
        $help = Get-Help -Name $Name -Full -ErrorAction Stop

        # Without a help file, Get-Help makes one up whose synopsis is the syntax line.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis.Trim() | Should -Not -BeLike "$Name *" -Because 'en-US/TokenAdmin.dll-Help.xml should describe the cmdlet'
        (@($help.description | Where-Object -FilterScript { $null -ne $_ } | ForEach-Object -Process { $_.Text }) -join '') |
            Should -Not -BeNullOrEmpty
    }

    It '<Name> has at least one example (Get-Help <Name> -Examples)' -ForEach $cmdletCases {
        $help = Get-Help -Name $Name -Examples -ErrorAction Stop
        $examples = @($help.examples.example |
                Where-Object -FilterScript { $null -ne $_ -and -not [string]::IsNullOrWhiteSpace($_.code) })

        $examples.Count | Should -BeGreaterThan 0 -Because "users learn $Name from Get-Help $Name -Examples"
    }
}

Describe 'Types and views' {
    It '[<TypeName>] resolves as a type literal from TokenAdmin.dll' -ForEach @(
        @{ TypeName = 'TokenAdmin.AuthToken' }
        @{ TypeName = 'TokenAdmin.AuthTokenContext' }
        @{ TypeName = 'TokenAdmin.AuthTokenRemovalResult' }
        @{ TypeName = 'TokenAdmin.HdcConnection' }
        @{ TypeName = 'TokenAdmin.TokenAdminConnection' }
        @{ TypeName = 'TokenAdmin.TokenAdminService' }
        @{ TypeName = 'TokenAdmin.SecurIdConnection' }
        @{ TypeName = 'TokenAdmin.SecurIdHardwareToken' }
        @{ TypeName = 'TokenAdmin.SecurIdTokenRemovalResult' }
    ) {
        $type = $TypeName -as [type]

        $type | Should -Not -BeNullOrEmpty -Because "[$TypeName] should resolve once the module is imported"
        $type.Assembly.GetName().Name | Should -Be 'TokenAdmin'
    }

    It 'resolves [TokenAdmin.AuthToken] written in script text' {
        { [TokenAdmin.AuthToken] } | Should -Not -Throw
        [TokenAdmin.AuthToken].FullName | Should -Be 'TokenAdmin.AuthToken'
        [TokenAdmin.TokenAdminService]::Hdc | Should -Be 'Hdc'
        [TokenAdmin.TokenAdminService]::SecurId | Should -Be 'SecurId'
    }

    It 'has a view for <TypeName> in the format file' -ForEach @(
        @{ TypeName = 'TokenAdmin.AuthToken' }
        @{ TypeName = 'TokenAdmin.AuthTokenContext' }
        @{ TypeName = 'TokenAdmin.AuthTokenRemovalResult' }
        @{ TypeName = 'TokenAdmin.TokenAdminConnection' }
        @{ TypeName = 'TokenAdmin.SecurIdConnection' }
        @{ TypeName = 'TokenAdmin.SecurIdHardwareToken' }
        @{ TypeName = 'TokenAdmin.SecurIdTokenRemovalResult' }
    ) {
        Get-FormatData -TypeName $TypeName | Should -Not -BeNullOrEmpty
    }
}

Describe 'Dependency isolation' {
    BeforeAll {
        # Use the module first: RestSharp loads when a connection is made and a request sent.
        Connect-AuthTokenService -BaseUri $Emulator.Services.Hdc.BaseUri -Credential $AdminCredential
        $null = Get-AuthToken

        $dependencyDirectory = [System.IO.Path]::GetFullPath((Join-Path $ModuleDirectory 'Dependencies'))
        # Assembly has no Name property (AssemblyName does): GetName().Name, or a -contains check passes vacuously.
        $defaultContextNames = @([System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies |
                ForEach-Object -Process { $_.GetName().Name })
        $tokenAdminContexts = @([System.Runtime.Loader.AssemblyLoadContext]::All |
                Where-Object -Property Name -EQ -Value 'TokenAdmin')
    }

    It 'loads TokenAdmin.dll itself into the default context, where PowerShell resolves its types' {
        $defaultContextNames | Should -Contain 'TokenAdmin'
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext([TokenAdmin.AuthToken].Assembly).Name | Should -Be 'Default'
    }

    It 'keeps <AssemblyName> out of the default context' -ForEach @(
        @{ AssemblyName = 'RestSharp' }
        @{ AssemblyName = 'TokenAdmin.Core' }
    ) {
        $defaultContextNames | Should -Not -Contain $AssemblyName
    }

    It 'loads nothing from Dependencies/ into the default context' {
        $fromDependencies = @([System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies |
                Where-Object -FilterScript {
                    -not $_.IsDynamic -and $_.Location -and
                    $_.Location.StartsWith($dependencyDirectory, [System.StringComparison]::OrdinalIgnoreCase)
                } |
                ForEach-Object -Process { $_.GetName().Name })

        $fromDependencies | Should -BeNullOrEmpty
    }

    It 'loads <AssemblyName> from Dependencies/ into the private TokenAdmin context' -ForEach @(
        @{ AssemblyName = 'RestSharp' }
        @{ AssemblyName = 'TokenAdmin.Core' }
    ) {
        $tokenAdminContexts | Should -HaveCount 1
        $loaded = @($tokenAdminContexts[0].Assemblies | Where-Object -FilterScript { $_.GetName().Name -eq $AssemblyName })

        $loaded | Should -HaveCount 1
        $loaded[0].Location | Should -BeLike "$dependencyDirectory*"
    }

    It 'builds TokenAdmin.dll without a direct reference to RestSharp' {
        [TokenAdmin.AuthToken].Assembly.GetReferencedAssemblies().Name | Should -Not -Contain 'RestSharp'
    }
}
