using System.Collections.Generic;

namespace TokenAdmin.HelpBuilder.Metadata;

/// <summary>
/// What the attributes of one cmdlet class say, as plain data: the reflection objects it came from
/// die with their MetadataLoadContext, and tests build these directly.
/// </summary>
internal sealed record CmdletMetadata(
    string Verb,
    string Noun,
    string DocId,
    string? DefaultParameterSetName,
    bool SupportsShouldProcess,
    IReadOnlyList<ParameterMetadata> Parameters,
    IReadOnlyList<TypeRef> OutputTypes)
{
    public string Name => $"{Verb}-{Noun}";
}

/// <param name="DocId">The XML doc id of the declaring property, e.g. "P:Ns.Base`1.Connection".</param>
/// <param name="ValidValues">[ValidateSet] values, else the names of an enum (element) type.</param>
internal sealed record ParameterMetadata(
    string Name,
    string DocId,
    TypeRef Type,
    IReadOnlyList<string> Aliases,
    bool SupportsWildcards,
    IReadOnlyList<string> ValidValues,
    IReadOnlyList<ParameterSetBinding> Bindings)
{
    public bool IsSwitch => Type.FullName == TypeRef.SwitchParameterName;
}

/// <summary>One [Parameter] attribute: how the parameter binds in one parameter set (or in all).</summary>
internal sealed record ParameterSetBinding(string SetName, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName)
{
    public const string AllSets = "__AllParameterSets";

    public bool IsAllSets => SetName == AllSets;
}

/// <param name="FullName">As inputs and outputs show it: "System.String[]", "TokenAdmin.AuthToken".</param>
/// <param name="FriendlyName">As syntax shows it: "string[]", "long", "SwitchParameter", "PSCredential".</param>
/// <param name="Element">For an array, the type one pipeline object binds as; else null.</param>
internal sealed record TypeRef(string FullName, string FriendlyName, string DocId, TypeRef? Element = null)
{
    public const string SwitchParameterName = "System.Management.Automation.SwitchParameter";
    public const string VoidName = "System.Void";

    public TypeRef PipelineType => Element ?? this;
}
