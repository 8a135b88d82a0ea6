using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace TokenAdmin.Module;

/// <summary>
/// TokenAdmin's private load context. Everything in Dependencies/ (TokenAdmin.Core, RestSharp)
/// loads here, so another module that already put a different RestSharp into PowerShell's
/// default context cannot break TokenAdmin, nor TokenAdmin break it. Anything not in the
/// folder (the BCL) falls through to the default context.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string _directory;

    public DependencyLoadContext(string directory)
        : base("TokenAdmin", isCollectible: false)
    {
        _directory = directory;
    }

    public string Directory => _directory;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Our copy first, even when the default context already holds an assembly of that name.
        var path = Path.Combine(_directory, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
