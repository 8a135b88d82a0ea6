using System;
using System.IO;

namespace TokenAdmin.Tests.Support;

/// <summary>Paths in the repository and the staged module (dotnet build stages out/TokenAdmin).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ManifestPath => Path.Combine(Root, "TokenAdmin.psd1");

    public static string StagedModule => Path.Combine(Root, "out", "TokenAdmin");

    /// <summary>Every folder's views (src/TokenAdmin/&lt;Folder&gt;/&lt;Folder&gt;.Format.ps1xml).</summary>
    public static string[] FormatFiles => Directory.GetFiles(Path.Combine(Root, "src", "TokenAdmin"), "*.Format.ps1xml", SearchOption.AllDirectories);

    /// <summary>Every folder's default display property sets.</summary>
    public static string[] TypesFiles => Directory.GetFiles(Path.Combine(Root, "src", "TokenAdmin"), "*.Types.ps1xml", SearchOption.AllDirectories);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TokenAdmin.psd1")) && Directory.Exists(Path.Combine(directory.FullName, "src")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the tests from within the TokenAdmin repository.");
    }
}
