using System.Collections.Generic;
using System.Globalization;

namespace TokenAdmin.HelpBuilder.Model;

/// <summary>Everything Get-Help shows for one cmdlet, in MAML's terms.</summary>
internal sealed record CommandHelp(
    string Name,
    string Verb,
    string Noun,
    IReadOnlyList<string> Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<SyntaxItem> Syntax,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    IReadOnlyList<ExampleHelp> Examples,
    IReadOnlyList<LinkHelp> RelatedLinks);

/// <summary>One parameter set: the parameters in syntax order, each with its binding in this set.</summary>
internal sealed record SyntaxItem(string ParameterSetName, IReadOnlyList<ParameterHelp> Parameters);

/// <param name="DefaultValue">Omitted from the MAML when null.</param>
/// <param name="PossibleValues">Enum names or [ValidateSet] values: syntax shows them as {A | B}.</param>
internal sealed record ParameterHelp(
    string Name,
    string TypeName,
    bool IsSwitch,
    IReadOnlyList<string> Description,
    IReadOnlyList<string> Aliases,
    bool Globbing,
    string? DefaultValue,
    IReadOnlyList<string> PossibleValues,
    ParameterBinding Binding);

internal sealed record ParameterBinding(bool Required, int? Position, bool ByValue, bool ByPropertyName)
{
    public static readonly ParameterBinding Named = new(false, null, false, false);

    public string PositionText => Position?.ToString(CultureInfo.InvariantCulture) ?? "named";

    public string PipelineInputText => (ByValue, ByPropertyName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };
}

/// <summary>An input or output type: "TokenAdmin.AuthToken" and what it is.</summary>
internal sealed record TypeHelp(string TypeName, IReadOnlyList<string> Description);

/// <param name="Title">"Example 1: ..."; the MAML writer frames it in dashes as Get-Help shows titles.</param>
/// <param name="Code">The command lines, newline-separated.</param>
internal sealed record ExampleHelp(string Title, string Code, IReadOnlyList<string> Remarks);

/// <param name="Uri">Null for a link to another command's help (Get-Help resolves the name).</param>
internal sealed record LinkHelp(string Text, string? Uri);
