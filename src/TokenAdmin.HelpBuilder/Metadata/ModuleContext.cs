using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace TokenAdmin.HelpBuilder.Metadata;

/// <summary>A MetadataLoadContext that can resolve everything a module assembly's cmdlets mention.</summary>
internal static class ModuleContext
{
    /// <summary>
    /// Resolves from this runtime's directory, then the module's folder (TokenAdmin.Core and other
    /// dependencies), then <paramref name="references"/> (System.Management.Automation, which PowerShell
    /// provides and the build output lacks). A later file of the same name wins.
    /// </summary>
    public static MetadataLoadContext Create(string assemblyPath, IEnumerable<string> references)
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var moduleDirectory = Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!;
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.EnumerateFiles(runtimeDirectory, "*.dll")
                     .Concat(Directory.EnumerateFiles(moduleDirectory, "*.dll"))
                     .Concat(references.Select(Path.GetFullPath)))
        {
            byName[Path.GetFileName(path)] = path;
        }

        // The runtime's own core library, so System.Runtime and netstandard forward to one System.Object.
        return new MetadataLoadContext(new PathAssemblyResolver(byName.Values), typeof(object).Assembly.GetName().Name);
    }
}
