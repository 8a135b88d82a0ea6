using System;
using System.Collections.Generic;
using System.Linq;
using TokenAdmin.HelpBuilder.Metadata;

namespace TokenAdmin.HelpBuilder.Model;

/// <summary>Parameter sets as PowerShell forms them from the [Parameter] attributes.</summary>
internal static class SyntaxBuilder
{
    /// <summary>
    /// One item per parameter set, the default set first. A DefaultParameterSetName that no
    /// parameter names is still a set (of the all-sets parameters), as PowerShell treats it.
    /// </summary>
    public static IReadOnlyList<SyntaxItem> Build(CmdletMetadata cmdlet, IReadOnlyDictionary<string, ParameterHelp> help, IReadOnlyList<ParameterHelp> trailing) =>
        SetNames(cmdlet)
            .Select(set => new SyntaxItem(set, Order(cmdlet.Parameters
                    .Select(p => (Help: help[p.Name], Binding: BindingIn(p, set)))
                    .Where(p => p.Binding is not null)
                    .Select(p => p.Help with { Binding = ToBinding(p.Binding!) }))
                .Concat(trailing)
                .ToList()))
            .ToList();

    /// <summary>
    /// For the PARAMETERS section, which shows each parameter once: required only when mandatory in
    /// every set it is in; a position only when it has the same one wherever it is positional;
    /// pipeline input from any set.
    /// </summary>
    public static ParameterBinding Merge(ParameterMetadata parameter)
    {
        var positions = parameter.Bindings.Select(b => b.Position).OfType<int>().Distinct().ToList();
        return new ParameterBinding(
            Required: parameter.Bindings.All(b => b.Mandatory),
            Position: positions.Count == 1 ? positions[0] : null,
            ByValue: parameter.Bindings.Any(b => b.ByValue),
            ByPropertyName: parameter.Bindings.Any(b => b.ByPropertyName));
    }

    private static List<string> SetNames(CmdletMetadata cmdlet)
    {
        var sets = cmdlet.Parameters.SelectMany(p => p.Bindings)
            .Where(b => !b.IsAllSets)
            .Select(b => b.SetName)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (sets.Count == 0)
        {
            return [ParameterSetBinding.AllSets];
        }

        if (cmdlet.DefaultParameterSetName is { Length: > 0 } defaultSet && defaultSet != ParameterSetBinding.AllSets)
        {
            sets.RemoveAll(s => string.Equals(s, defaultSet, StringComparison.OrdinalIgnoreCase));
            sets.Insert(0, defaultSet);
        }

        return sets;
    }

    /// <summary>The attribute for this set, else the all-sets one; null when not in the set.</summary>
    private static ParameterSetBinding? BindingIn(ParameterMetadata parameter, string set) =>
        parameter.Bindings.FirstOrDefault(b => string.Equals(b.SetName, set, StringComparison.OrdinalIgnoreCase))
        ?? parameter.Bindings.FirstOrDefault(b => b.IsAllSets);

    private static ParameterBinding ToBinding(ParameterSetBinding b) => new(b.Mandatory, b.Position, b.ByValue, b.ByPropertyName);

    /// <summary>PowerShell's syntax order: positional by position, then mandatory named, then the rest.</summary>
    private static IEnumerable<ParameterHelp> Order(IEnumerable<ParameterHelp> parameters) =>
        parameters
            .Select((p, index) => (Parameter: p, Index: index))
            .OrderBy(p => p.Parameter.Binding.Position is null ? 1 : 0)
            .ThenBy(p => p.Parameter.Binding.Position ?? 0)
            .ThenBy(p => p.Parameter.Binding.Required ? 0 : 1)
            .ThenBy(p => p.Index)
            .Select(p => p.Parameter);
}
