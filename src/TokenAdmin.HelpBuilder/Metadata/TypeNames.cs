using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace TokenAdmin.HelpBuilder.Metadata;

/// <summary>Type names as PowerShell help prints them, and XML doc ids.</summary>
internal static class TypeNames
{
    // C# keywords, as PowerShell's own syntax lines show the primitive types.
    private static readonly Dictionary<string, string> Keywords = new(StringComparer.Ordinal)
    {
        ["System.String"] = "string",
        ["System.Object"] = "object",
        ["System.Boolean"] = "bool",
        ["System.Char"] = "char",
        ["System.Byte"] = "byte",
        ["System.SByte"] = "sbyte",
        ["System.Int16"] = "short",
        ["System.UInt16"] = "ushort",
        ["System.Int32"] = "int",
        ["System.UInt32"] = "uint",
        ["System.Int64"] = "long",
        ["System.UInt64"] = "ulong",
        ["System.Single"] = "float",
        ["System.Double"] = "double",
        ["System.Decimal"] = "decimal",
    };

    public static TypeRef Describe(Type type)
    {
        var element = type.IsArray ? Describe(type.GetElementType()!) : null;
        return new TypeRef(FullName(type), Friendly(type), DocId(type), element);
    }

    /// <summary>"T:Namespace.Outer.Inner`1": the id the compiler gives a type in TokenAdmin.xml.</summary>
    public static string DocId(Type type) => "T:" + DocName(type);

    /// <summary>The id of a property, always on its declaring generic definition (ServiceCommand`1, not ServiceCommand&lt;HdcConnection&gt;).</summary>
    public static string DocId(PropertyInfo property) => $"P:{DocName(property.DeclaringType!)}.{property.Name}";

    private static string DocName(Type type)
    {
        while (type.HasElementType)
        {
            type = type.GetElementType()!;
        }

        var definition = type.IsConstructedGenericType ? type.GetGenericTypeDefinition() : type;
        return (definition.FullName ?? definition.Name).Replace('+', '.');
    }

    private static string Friendly(Type type)
    {
        if (type.IsArray)
        {
            return Friendly(type.GetElementType()!) + Rank(type);
        }

        if (NullableUnderlyingType(type) is { } underlying)
        {
            return Friendly(underlying); // an optional value type: help shows the value's type
        }

        if (type.IsConstructedGenericType)
        {
            return $"{StripArity(type.Name)}[{string.Join(", ", type.GenericTypeArguments.Select(Friendly))}]";
        }

        return type.FullName is { } full && Keywords.TryGetValue(full, out var keyword) ? keyword : type.Name;
    }

    private static string FullName(Type type)
    {
        if (type.IsArray)
        {
            return FullName(type.GetElementType()!) + Rank(type);
        }

        if (type.IsConstructedGenericType)
        {
            return $"{StripArity(DocName(type))}[{string.Join(", ", type.GenericTypeArguments.Select(FullName))}]";
        }

        return DocName(type);
    }

    private static string Rank(Type array) => "[" + new string(',', array.GetArrayRank() - 1) + "]";

    private static string StripArity(string name) => name.IndexOf('`') is var tick and >= 0 ? name[..tick] : name;

    // Not Nullable.GetUnderlyingType: it compares with this runtime's typeof(Nullable<>), which a
    // MetadataLoadContext type never equals.
    private static Type? NullableUnderlyingType(Type type) =>
        type.IsConstructedGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1"
            ? type.GenericTypeArguments[0]
            : null;
}
