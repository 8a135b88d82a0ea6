using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace TokenAdmin.Module;

/// <summary>
/// Bridges PowerShell's default load context to <see cref="DependencyLoadContext"/>: when
/// TokenAdmin.dll asks for TokenAdmin.Core and the default context cannot find it (it is not next
/// to TokenAdmin.dll but in Dependencies/), the private context loads it. Only requests for
/// TokenAdmin's own engine are answered, so other modules' lookups are never hijacked.
/// </summary>
internal static class DependencyResolver
{
    public const string DependencyFolderName = "Dependencies";
    public const string EngineAssemblyName = "TokenAdmin.Core";

    private static readonly object Gate = new();
    private static DependencyLoadContext? s_context;
    private static bool s_registered;

    /// <summary>The private context, or null where the module runs without one (tests: everything in one folder).</summary>
    public static DependencyLoadContext? Context => s_context;

    public static string DependencyDirectory =>
        Path.Combine(Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? string.Empty, DependencyFolderName);

    /// <summary>Idempotent; called from OnImport and, as a fallback, before the first cmdlet runs.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (s_registered)
            {
                return;
            }

            var directory = DependencyDirectory;
            if (!Directory.Exists(directory))
            {
                return; // not a staged module (unit tests load everything from one folder)
            }

            // One context per process: after Remove-Module/Import-Module the engine already loaded there is reused.
            s_context ??= new DependencyLoadContext(directory);
            AssemblyLoadContext.Default.Resolving += ResolveEngine;
            s_registered = true;
        }
    }

    public static void Unregister()
    {
        lock (Gate)
        {
            if (s_registered)
            {
                AssemblyLoadContext.Default.Resolving -= ResolveEngine;
                s_registered = false;
            }
        }
    }

    private static Assembly? ResolveEngine(AssemblyLoadContext defaultContext, AssemblyName name)
    {
        if (!string.Equals(name.Name, EngineAssemblyName, StringComparison.Ordinal) || s_context is null)
        {
            return null;
        }

        return s_context.LoadFromAssemblyName(name);
    }
}
