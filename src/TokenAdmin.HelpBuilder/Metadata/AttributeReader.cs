using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace TokenAdmin.HelpBuilder.Metadata;

/// <summary>
/// Reads attribute data by the attribute's full name: types from a MetadataLoadContext never equal
/// this runtime's, and the tool does not reference System.Management.Automation at all.
/// </summary>
internal static class AttributeReader
{
    public const string Automation = "System.Management.Automation.";

    public static IEnumerable<CustomAttributeData> Attributes(this MemberInfo member, string name) =>
        member.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Automation + name);

    public static CustomAttributeData? Attribute(this MemberInfo member, string name) =>
        member.Attributes(name).FirstOrDefault();

    public static bool Has(this MemberInfo member, string name) => member.Attribute(name) is not null;

    /// <summary>A named argument (Mandatory = true), or <paramref name="fallback"/> when not given.</summary>
    public static T Named<T>(this CustomAttributeData attribute, string name, T fallback) =>
        attribute.NamedArguments.FirstOrDefault(a => a.MemberName == name).TypedValue.Value is T value ? value : fallback;

    /// <summary>Every constructor argument, with `params` arrays flattened: [Alias("a", "b")] gives a, b.</summary>
    public static IEnumerable<object?> ConstructorValues(this CustomAttributeData attribute) =>
        attribute.ConstructorArguments.SelectMany(argument =>
            argument.Value is IEnumerable<CustomAttributeTypedArgument> items
                ? items.Select(i => i.Value)
                : [argument.Value]);
}
