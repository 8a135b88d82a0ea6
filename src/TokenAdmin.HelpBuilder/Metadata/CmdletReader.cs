using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace TokenAdmin.HelpBuilder.Metadata;

/// <summary>Finds the cmdlets in an assembly and reads what their attributes declare.</summary>
internal static class CmdletReader
{
    public static IReadOnlyList<CmdletMetadata> Read(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract)
            .Select(t => (Type: t, Cmdlet: t.Attribute("CmdletAttribute")))
            .Where(c => c.Cmdlet is not null)
            .Select(c => Read(c.Type, c.Cmdlet!))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static CmdletMetadata Read(Type type, CustomAttributeData cmdlet)
    {
        var verbAndNoun = cmdlet.ConstructorValues().Cast<string>().ToList();
        return new CmdletMetadata(
            Verb: verbAndNoun[0],
            Noun: verbAndNoun[1],
            DocId: TypeNames.DocId(type),
            DefaultParameterSetName: cmdlet.Named<string?>("DefaultParameterSetName", null),
            SupportsShouldProcess: cmdlet.Named("SupportsShouldProcess", false),
            Parameters: Parameters(type),
            OutputTypes: type.Attributes("OutputTypeAttribute").SelectMany(OutputTypes).ToList());
    }

    /// <summary>
    /// Public [Parameter] properties, the class's own first, then its bases' (reflection's order),
    /// so syntax lists a cmdlet's own parameters before the shared ones. DontShow ones stay hidden.
    /// </summary>
    private static List<ParameterMetadata> Parameters(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Bindings: p.Attributes("ParameterAttribute").ToList()))
            .Where(p => p.Bindings.Count > 0 && !p.Bindings.Any(b => b.Named("DontShow", false)))
            .DistinctBy(p => p.Property.Name, StringComparer.OrdinalIgnoreCase) // a `new` property hides the base one
            .Select(p => Parameter(p.Property, p.Bindings))
            .ToList();

    private static ParameterMetadata Parameter(PropertyInfo property, List<CustomAttributeData> parameterAttributes)
    {
        var element = property.PropertyType.IsArray ? property.PropertyType.GetElementType()! : property.PropertyType;
        var validSet = property.Attribute("ValidateSetAttribute")?.ConstructorValues().OfType<string>().ToList();
        return new ParameterMetadata(
            Name: property.Name,
            DocId: TypeNames.DocId(property),
            Type: TypeNames.Describe(property.PropertyType),
            Aliases: property.Attributes("AliasAttribute").SelectMany(a => a.ConstructorValues()).OfType<string>().ToList(),
            SupportsWildcards: property.Has("SupportsWildcardsAttribute"),
            ValidValues: validSet ?? EnumNames(element),
            Bindings: parameterAttributes.Select(Binding).ToList());
    }

    private static ParameterSetBinding Binding(CustomAttributeData parameter)
    {
        var position = parameter.Named("Position", int.MinValue);
        return new ParameterSetBinding(
            SetName: parameter.Named("ParameterSetName", ParameterSetBinding.AllSets),
            Mandatory: parameter.Named("Mandatory", false),
            Position: position == int.MinValue ? null : position,
            ByValue: parameter.Named("ValueFromPipeline", false),
            ByPropertyName: parameter.Named("ValueFromPipelineByPropertyName", false));
    }

    private static List<string> EnumNames(Type type) =>
        type.IsEnum
            ? type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToList()
            : [];

    /// <summary>[OutputType(typeof(A), typeof(B))] or [OutputType("PSTypeName")].</summary>
    private static IEnumerable<TypeRef> OutputTypes(CustomAttributeData outputType) =>
        outputType.ConstructorValues().Select(value => value switch
        {
            Type type => TypeNames.Describe(type),
            string name => new TypeRef(name, name, "T:" + name),
            _ => throw new InvalidOperationException($"Unexpected [OutputType] argument: {value}"),
        });
}
