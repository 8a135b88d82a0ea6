using System.IO;
using TokenAdmin.HelpBuilder.Docs;
using TokenAdmin.HelpBuilder.Metadata;
using TokenAdmin.HelpBuilder.Model;

namespace TokenAdmin.HelpBuilder;

/// <summary>Module assembly + its XML docs in, help model out. Nothing in the assembly runs.</summary>
internal static class HelpGenerator
{
    public static HelpModel Generate(HelpBuilderOptions options)
    {
        var docs = XmlDocumentation.Load(options.DocumentationPaths);
        using var context = ModuleContext.Create(options.AssemblyPath, options.References);
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(options.AssemblyPath));
        return HelpModelBuilder.Build(CmdletReader.Read(assembly), docs);
    }
}
