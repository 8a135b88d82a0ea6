using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TokenAdmin.Commands;
using TokenAdmin.Items;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Metadata;

public class ManifestTests
{
    private static readonly Dictionary<string, object?> Manifest = PowerShellDataFile.Read(Repository.ManifestPath);

    private static List<string> List(string key) => ((List<object?>)Manifest[key]!).Cast<string>().ToList();

    [Fact]
    public void Identifies_the_module()
    {
        Assert.Equal("TokenAdmin.dll", Manifest["RootModule"]);
        Assert.True(Guid.TryParse((string)Manifest["GUID"]!, out _));
        Assert.False(string.IsNullOrWhiteSpace((string?)Manifest["Author"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)Manifest["Description"]));
        Assert.Equal(new[] { "Core" }, List("CompatiblePSEditions"));
        Assert.Equal("7.4", Manifest["PowerShellVersion"]);
    }

    [Fact]
    public void Every_service_is_named_in_the_description_the_release_notes_and_the_changelog()
    {
        // A fifth service that lands without saying so in what users read first fails here.
        var releaseNotes = (string)((Dictionary<string, object?>)((Dictionary<string, object?>)Manifest["PrivateData"]!)["PSData"]!)["ReleaseNotes"]!;
        var changelog = File.ReadAllText(Path.Combine(Repository.Root, "CHANGELOG.md"));
        foreach (var service in Enum.GetNames<TokenAdminService>())
        {
            Assert.Contains(service, (string)Manifest["Description"]!, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(service, releaseNotes, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(service, changelog, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Each_changelog_version_has_each_kind_of_change_under_one_heading()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "CHANGELOG.md"));
        var versions = new List<List<string>>();
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                versions.Add(new List<string>());
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal) && versions.Count > 0)
            {
                versions[^1].Add(line);
            }
        }

        Assert.NotEmpty(versions);
        Assert.All(versions, headings => Assert.Equal(headings.Distinct().Count(), headings.Count));
        Assert.All(versions.SelectMany(h => h), h => Assert.Contains(h, new[] { "### Added", "### Changed", "### Deprecated", "### Removed", "### Fixed", "### Security" }));
    }

    [Fact]
    public void The_version_is_stamped_into_every_assembly()
    {
        var version = Version.Parse((string)Manifest["ModuleVersion"]!);
        Assert.Equal(version.ToString(3), typeof(TokenAdmin.Commands.TokenAdminCommand).Assembly.GetName().Version!.ToString(3));
        Assert.Equal(version.ToString(3), typeof(TokenAdmin.Core.Http.ServiceHttpClient).Assembly.GetName().Version!.ToString(3));
    }

    [Fact]
    public void Exports_are_explicit_cmdlets_and_the_one_composed_function()
    {
        Assert.All(List("CmdletsToExport"), name => Assert.DoesNotContain("*", name));
        Assert.Equal(new[] { "Revoke-TokenAdminUserAccess" }, List("FunctionsToExport"));
        Assert.Equal(new[] { "TokenAdmin.Offboarding.psm1" }, List("NestedModules"));
        Assert.Empty(List("AliasesToExport"));
        Assert.Empty(List("VariablesToExport"));
    }

    [Fact]
    public void Loads_every_folder_s_views_and_display_sets()
    {
        // A folder's file that the manifest does not list is never loaded: its views would silently not exist.
        Assert.Equal(Repository.FormatFiles.Select(Path.GetFileName).Order(), List("FormatsToProcess").Order());
        Assert.Equal(Repository.TypesFiles.Select(Path.GetFileName).Order(), List("TypesToProcess").Order());
        Assert.All(Repository.FormatFiles.Concat(Repository.TypesFiles), f =>
            Assert.Equal(Path.GetFileName(Path.GetDirectoryName(f)), Path.GetFileName(f).Split('.')[0]));
    }

    [Fact]
    public void Has_gallery_metadata()
    {
        var psData = (Dictionary<string, object?>)((Dictionary<string, object?>)Manifest["PrivateData"]!)["PSData"]!;
        Assert.NotEmpty((List<object?>)psData["Tags"]!);
        Assert.All(((List<object?>)psData["Tags"]!).Cast<string>(), tag => Assert.DoesNotContain(" ", tag));
        Assert.True(Uri.IsWellFormedUriString((string)psData["LicenseUri"]!, UriKind.Absolute));
        Assert.True(Uri.IsWellFormedUriString((string)psData["ProjectUri"]!, UriKind.Absolute));
        Assert.False(string.IsNullOrWhiteSpace((string?)psData["ReleaseNotes"]));
    }

    [Fact]
    public void The_changelog_has_an_entry_for_this_version()
    {
        var changelog = File.ReadAllText(Path.Combine(Repository.Root, "CHANGELOG.md"));
        Assert.Matches($@"(?m)^## {System.Text.RegularExpressions.Regex.Escape((string)Manifest["ModuleVersion"]!)} - \d{{4}}-\d{{2}}-\d{{2}}$", changelog);
    }

    [Fact]
    public void The_parser_reads_what_Import_PowerShellDataFile_reads()
    {
        var data = PowerShellDataFile.Parse("""
            <# block #>
            @{
                A = 'it''s' # comment
                B = @('x', 'y'
                      'z')
                'C D' = @{ E = $true; F = 3 }
                G = @()
            }
            """);
        Assert.Equal("it's", data["a"]);
        Assert.Equal(new object?[] { "x", "y", "z" }, (List<object?>)data["B"]!);
        Assert.Equal(true, ((Dictionary<string, object?>)data["C D"]!)["E"]);
        Assert.Empty((List<object?>)data["G"]!);
        Assert.Throws<FormatException>(() => PowerShellDataFile.Parse("@{ A = \"$env:USERNAME\" }"));
    }
}

/// <summary>What `dotnet build` leaves in out/TokenAdmin: a complete module folder.</summary>
public class StagedModuleTests
{
    [Fact]
    public void Holds_manifest_root_assembly_and_format_file()
    {
        Assert.Equal(File.ReadAllText(Repository.ManifestPath), File.ReadAllText(Path.Combine(Repository.StagedModule, "TokenAdmin.psd1")));
        Assert.True(File.Exists(Path.Combine(Repository.StagedModule, "TokenAdmin.dll")));
        Assert.All(Repository.FormatFiles.Concat(Repository.TypesFiles).Select(Path.GetFileName), file => Assert.True(File.Exists(Path.Combine(Repository.StagedModule, file!)), file));
    }

    [Fact]
    public void Isolated_dependencies_live_only_in_Dependencies()
    {
        var root = Directory.GetFiles(Repository.StagedModule, "*.dll").Select(Path.GetFileName);
        var dependencies = Directory.GetFiles(Path.Combine(Repository.StagedModule, "Dependencies"), "*.dll").Select(Path.GetFileName).ToList();

        Assert.Equal(new[] { "TokenAdmin.dll" }, root);
        Assert.Contains("TokenAdmin.Core.dll", dependencies);
        Assert.Contains("RestSharp.dll", dependencies);
        Assert.DoesNotContain("System.Management.Automation.dll", dependencies); // PowerShell provides it
    }
}
