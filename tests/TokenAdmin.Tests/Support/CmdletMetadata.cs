using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace TokenAdmin.Tests.Support;

/// <summary>
/// A cmdlet as PowerShell will see it, read from raw attribute metadata (the reference
/// assemblies' attribute objects are inert, their constructor arguments in metadata are not).
/// </summary>
internal sealed record CmdletMetadata(
    Type Type, string Verb, string Noun, bool SupportsShouldProcess, ConfirmImpact? ConfirmImpact,
    string? DefaultParameterSetName, IReadOnlyList<Type> OutputTypes, IReadOnlyList<ParameterMetadata> Parameters)
{
    public const string AllSets = "__AllParameterSets";

    public string Name => $"{Verb}-{Noun}";

    public IEnumerable<string> SetNames =>
        Parameters.Select(p => p.SetName).Where(s => s != AllSets).Distinct().DefaultIfEmpty(AllSets);

    /// <summary>Parameters in <paramref name="set"/>, including those in every set.</summary>
    public IEnumerable<ParameterMetadata> InSet(string set) =>
        Parameters.Where(p => p.SetName == set || p.SetName == AllSets);

    public ParameterMetadata Parameter(string name, string set = AllSets) =>
        Parameters.Single(p => p.Name == name && (p.SetName == set || set == AllSets));

    public static IReadOnlyList<CmdletMetadata> All(Assembly assembly) =>
        assembly.GetExportedTypes().Where(t => !t.IsAbstract && t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(CmdletAttribute)))
            .Select(Read).OrderBy(c => c.Name).ToList();

    public static CmdletMetadata Read(Type type)
    {
        var cmdlet = type.GetCustomAttributesData().Single(a => a.AttributeType == typeof(CmdletAttribute));
        return new CmdletMetadata(
            type,
            (string)cmdlet.ConstructorArguments[0].Value!,
            (string)cmdlet.ConstructorArguments[1].Value!,
            Named<bool>(cmdlet, nameof(CmdletAttribute.SupportsShouldProcess)),
            cmdlet.NamedArguments.Any(n => n.MemberName == nameof(CmdletAttribute.ConfirmImpact))
                ? (ConfirmImpact)(int)cmdlet.NamedArguments.First(n => n.MemberName == nameof(CmdletAttribute.ConfirmImpact)).TypedValue.Value!
                : null,
            Named<string>(cmdlet, nameof(CmdletAttribute.DefaultParameterSetName)),
            type.GetCustomAttributesData().Where(a => a.AttributeType == typeof(OutputTypeAttribute))
                .SelectMany(a => a.ConstructorArguments)
                .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => i.Value) : new[] { arg.Value })
                .OfType<Type>().ToList(),
            type.GetProperties().SelectMany(ParameterMetadata.Read).ToList());
    }

    internal static T? Named<T>(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(n => n.MemberName == name).Select(n => (T?)n.TypedValue.Value).FirstOrDefault();
}

internal sealed record ParameterMetadata(
    PropertyInfo Property, string SetName, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName,
    IReadOnlyList<string> Aliases, IReadOnlyList<Type> Attributes, bool DontShow = false)
{
    public string Name => Property.Name;

    public Type Type => Property.PropertyType;

    public static IEnumerable<ParameterMetadata> Read(PropertyInfo property)
    {
        var attributes = property.GetCustomAttributesData();
        var aliases = attributes.Where(a => a.AttributeType == typeof(AliasAttribute))
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(i => (string)i.Value!) : new[] { (string)arg.Value! })
            .ToList();
        var others = attributes.Select(a => a.AttributeType).ToList();
        return attributes.Where(a => a.AttributeType == typeof(ParameterAttribute)).Select(p =>
        {
            var position = p.NamedArguments.Where(n => n.MemberName == nameof(ParameterAttribute.Position)).Select(n => (int?)n.TypedValue.Value).FirstOrDefault();
            return new ParameterMetadata(
                property,
                CmdletMetadata.Named<string>(p, nameof(ParameterAttribute.ParameterSetName)) ?? CmdletMetadata.AllSets,
                CmdletMetadata.Named<bool>(p, nameof(ParameterAttribute.Mandatory)),
                position,
                CmdletMetadata.Named<bool>(p, nameof(ParameterAttribute.ValueFromPipeline)),
                CmdletMetadata.Named<bool>(p, nameof(ParameterAttribute.ValueFromPipelineByPropertyName)),
                aliases,
                others,
                CmdletMetadata.Named<bool>(p, nameof(ParameterAttribute.DontShow)));
        });
    }
}
