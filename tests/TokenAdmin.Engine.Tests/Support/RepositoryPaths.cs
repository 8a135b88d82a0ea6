using System;
using System.IO;

namespace TokenAdmin.Engine.Tests.Support;

/// <summary>Where the repository and the staged module are (dotnet build stages out/TokenAdmin).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string StagedManifest => Path.Combine(Root, "out", "TokenAdmin", "TokenAdmin.psd1");

    public static string Readme => Path.Combine(Root, "README.md");

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
