using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Threading.Tasks;
using TokenAdmin.Emulator;
using TokenAdmin.Module;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Module;

/// <summary>
/// TokenAdmin must never clash with Az, Microsoft.Graph or PnP in one session: the assembly
/// PowerShell loads references no third-party dependency, and those load in a private context.
/// </summary>
public class DependencyIsolationTests
{
    /// <summary>What TokenAdmin.dll may reference: the BCL, PowerShell, and its own engine (resolved into the private context).</summary>
    private static readonly string[] AllowedReferences = { "System.Management.Automation", "TokenAdmin.Core", "netstandard", "mscorlib" };

    private static string StagedRoot => Path.Combine(Repository.StagedModule, "TokenAdmin.dll");

    [Fact]
    public void The_assembly_PowerShell_loads_references_no_isolated_dependency()
    {
        using var context = MetadataContext();
        var root = context.LoadFromAssemblyPath(StagedRoot);

        var references = root.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain("RestSharp", references);
        var unexpected = references.Where(n => !n.StartsWith("System.", StringComparison.Ordinal) && n != "System" && !AllowedReferences.Contains(n)).ToList();
        Assert.True(unexpected.Count == 0, $"TokenAdmin.dll references {string.Join(", ", unexpected)}; move that code into TokenAdmin.Core.");
        var isolated = Directory.GetFiles(Path.Combine(Repository.StagedModule, "Dependencies"), "*.dll")
            .Select(Path.GetFileNameWithoutExtension).Where(n => n != "TokenAdmin.Core");
        Assert.Empty(references.Intersect(isolated!));
    }

    [Fact]
    public void Public_types_expose_no_engine_or_dependency_type()
    {
        using var context = MetadataContext();
        var root = context.LoadFromAssemblyPath(StagedRoot);
        var leaks = new List<string>();
        const BindingFlags Visible = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        foreach (var type in root.GetExportedTypes())
        {
            var signatures = new List<(string Where, Type Type)>();
            if (type.BaseType is { } baseType)
            {
                signatures.Add(("base", baseType));
            }

            signatures.AddRange(type.GetProperties(Visible).Select(p => ($"property {p.Name}", p.PropertyType)));
            signatures.AddRange(type.GetFields(Visible).Select(f => ($"field {f.Name}", f.FieldType)));
            foreach (var method in type.GetMethods(Visible).Where(m => !m.IsSpecialName))
            {
                signatures.Add(($"method {method.Name}", method.ReturnType));
                signatures.AddRange(method.GetParameters().Select(p => ($"method {method.Name}({p.Name})", p.ParameterType)));
            }

            leaks.AddRange(signatures
                .Where(s => Mentions(s.Type, "TokenAdmin.Core") || Mentions(s.Type, "RestSharp"))
                .Select(s => $"{type.Name} {s.Where}: {s.Type}"));
        }

        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    [Fact]
    public void The_private_context_prefers_its_own_copies_over_what_the_default_context_holds()
    {
        // The test process already has TokenAdmin.Core and RestSharp in its default context.
        var context = new DependencyLoadContext(Path.Combine(Repository.StagedModule, "Dependencies"));

        var core = context.LoadFromAssemblyName(new AssemblyName("TokenAdmin.Core"));
        var restSharp = context.LoadFromAssemblyName(new AssemblyName("RestSharp"));
        var runtime = context.LoadFromAssemblyName(new AssemblyName("System.Runtime"));

        Assert.Same(context, AssemblyLoadContext.GetLoadContext(core));
        Assert.Same(context, AssemblyLoadContext.GetLoadContext(restSharp));
        Assert.NotSame(typeof(RestSharp.RestClient).Assembly, restSharp);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(runtime)); // the BCL is shared
        Assert.Equal("TokenAdmin", context.Name);
    }

    [Fact(Timeout = 120_000)]
    public async Task The_staged_module_works_beside_a_conflicting_RestSharp_in_the_default_context()
    {
        await using var emulator = await EmulatorHost.StartAsync();

        var report = await RunProbeAsync(emulator.HdcBaseUri.ToString(), DemoCredentials.HdcAdminUserName, DemoCredentials.HdcAdminPassword);

        Assert.Equal("1.0.0.0", report["default-restsharp-version"]);
        Assert.Equal("Default", report["tokenadmin-context"]); // [TokenAdmin.AuthToken] resolves in scripts
        Assert.Equal("TokenAdmin", report["core-context"]);
        Assert.Equal("TokenAdmin", report["restsharp-context"]);
        Assert.StartsWith("114.", report["restsharp-version"]);
        Assert.Equal("5", report["contexts"]);
        Assert.Equal($"Hdc {emulator.HdcBaseUri} (demo.admin, Basic)", report["connection"]);
    }

    private static bool Mentions(Type type, string assemblyName) =>
        type.Assembly.GetName().Name == assemblyName
        || (type.HasElementType && Mentions(type.GetElementType()!, assemblyName))
        || (type.IsGenericType && type.GetGenericArguments().Any(a => Mentions(a, assemblyName)));

    private static MetadataLoadContext MetadataContext()
    {
        var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Concat(Directory.GetFiles(Path.Combine(Repository.StagedModule, "Dependencies"), "*.dll"))
            .Append(StagedRoot)
            .Append(typeof(System.Management.Automation.PSCmdlet).Assembly.Location);
        return new MetadataLoadContext(new PathAssemblyResolver(paths));
    }

    private static async Task<Dictionary<string, string>> RunProbeAsync(params string[] arguments)
    {
        // Built next to this test assembly's configuration by the ProjectReference (not referenced).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var probe = Path.Combine(Repository.Root, "tests", "TokenAdmin.IsolationProbe", "bin", configuration, "net10.0", "TokenAdmin.IsolationProbe.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(probe);
        start.ArgumentList.Add(Repository.StagedModule);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"probe failed ({process.ExitCode}):\n{await output}\n{await error}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Trim().Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }
}
