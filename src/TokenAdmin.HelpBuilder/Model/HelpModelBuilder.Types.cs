using System.Collections.Generic;
using System.Linq;
using TokenAdmin.HelpBuilder.Metadata;

namespace TokenAdmin.HelpBuilder.Model;

internal sealed partial class HelpModelBuilder
{
    private const string PSObject = "System.Management.Automation.PSObject";

    /// <summary>What can be piped in: each ValueFromPipeline type, then objects binding by property name.</summary>
    private static List<TypeHelp> Inputs(CmdletMetadata cmdlet)
    {
        var inputs = cmdlet.Parameters
            .Where(p => p.Bindings.Any(b => b.ByValue))
            .GroupBy(p => p.Type.PipelineType.FullName)
            .Select(g => new TypeHelp(g.Key, [$"Piped objects of this type bind to {Names(g, "-")}."]))
            .ToList();

        var byName = cmdlet.Parameters.Where(p => p.Bindings.Any(b => b.ByPropertyName)).ToList();
        if (byName.Count > 0)
        {
            inputs.Add(new TypeHelp(PSObject, [$"A piped object with a property named {Names(byName, string.Empty)} (or a parameter alias) binds it to the parameter of that name."]));
        }

        return inputs.Count > 0 ? inputs : [new TypeHelp("None", ["You can't pipe objects to this cmdlet."])];
    }

    /// <summary>[OutputType] types, each described by its own &lt;summary&gt;.</summary>
    private List<TypeHelp> Outputs(CmdletMetadata cmdlet) =>
        cmdlet.OutputTypes
            .DistinctBy(t => t.FullName)
            .Select(t => t.FullName == TypeRef.VoidName
                ? new TypeHelp("None", ["This cmdlet returns no output."])
                : new TypeHelp(t.FullName, _text.Paragraphs(_docs.Element(t.DocId, "summary"))))
            .ToList();

    /// <summary>"A", "A or B", "A, B or C", each name after <paramref name="prefix"/>.</summary>
    private static string Names(IEnumerable<ParameterMetadata> parameters, string prefix)
    {
        var names = parameters.Select(p => prefix + p.Name).ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
    }
}
