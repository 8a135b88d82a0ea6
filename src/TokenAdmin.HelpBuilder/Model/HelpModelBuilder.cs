using System;
using System.Collections.Generic;
using System.Linq;
using TokenAdmin.HelpBuilder.Docs;
using TokenAdmin.HelpBuilder.Metadata;

namespace TokenAdmin.HelpBuilder.Model;

/// <summary>Joins what the attributes declare with what the doc comments say.</summary>
internal sealed partial class HelpModelBuilder
{
    private readonly IReadOnlyList<CmdletMetadata> _cmdlets;
    private readonly XmlDocumentation _docs;
    private readonly DocText _text;
    private readonly HelpIssueCollector _issues = new();

    private HelpModelBuilder(IReadOnlyList<CmdletMetadata> cmdlets, XmlDocumentation docs)
    {
        _cmdlets = cmdlets;
        _docs = docs;
        var names = ReferenceNames(cmdlets);
        _text = new DocText(cref => names.GetValueOrDefault(cref));
    }

    public static HelpModel Build(IReadOnlyList<CmdletMetadata> cmdlets, XmlDocumentation docs)
    {
        var builder = new HelpModelBuilder(cmdlets, docs);
        var commands = cmdlets.Select(builder.Command).ToList();
        return new HelpModel(commands, builder._issues.ToList());
    }

    private CommandHelp Command(CmdletMetadata cmdlet)
    {
        var synopsis = _text.Paragraphs(_docs.Element(cmdlet.DocId, "summary"));
        var remarks = _text.Paragraphs(_docs.Element(cmdlet.DocId, "remarks"));
        if (synopsis.Count == 0)
        {
            _issues.Add(HelpIssue.MissingSummary, cmdlet.DocId, cmdlet.Name, "the class has no <summary> (the synopsis).");
        }

        var parameters = cmdlet.Parameters.ToDictionary(p => p.Name, p => Parameter(cmdlet, p), StringComparer.OrdinalIgnoreCase);
        var shouldProcess = cmdlet.SupportsShouldProcess ? ShouldProcessParameters.All : [];
        return new CommandHelp(
            cmdlet.Name,
            cmdlet.Verb,
            cmdlet.Noun,
            synopsis,
            Description: remarks.Count > 0 ? remarks : synopsis,
            Syntax: SyntaxBuilder.Build(cmdlet, parameters, shouldProcess),
            Parameters: parameters.Values.Concat(shouldProcess).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            Inputs: Inputs(cmdlet),
            Outputs: Outputs(cmdlet),
            Examples: Examples(cmdlet),
            RelatedLinks: RelatedLinks(cmdlet));
    }

    private ParameterHelp Parameter(CmdletMetadata cmdlet, ParameterMetadata parameter)
    {
        var description = _text.Paragraphs(_docs.Element(parameter.DocId, "summary"))
            .Concat(_text.Paragraphs(_docs.Element(parameter.DocId, "remarks")))
            .ToList();
        if (description.Count == 0)
        {
            _issues.Add(HelpIssue.MissingParameterSummary, parameter.DocId, cmdlet.Name, $"the property has no <summary> (the description of -{parameter.Name}).");
        }

        return new ParameterHelp(
            parameter.Name,
            parameter.Type.FriendlyName,
            parameter.IsSwitch,
            description,
            parameter.Aliases,
            parameter.SupportsWildcards,
            DefaultValue.Find(_text.Inline(_docs.Element(parameter.DocId, "value")), description, parameter.IsSwitch),
            parameter.ValidValues,
            SyntaxBuilder.Merge(parameter));
    }

    /// <summary>How a cref to a cmdlet or one of its parameters reads in help: Get-AuthToken, -Token.</summary>
    private static Dictionary<string, string> ReferenceNames(IEnumerable<CmdletMetadata> cmdlets)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cmdlet in cmdlets)
        {
            names[cmdlet.DocId] = cmdlet.Name;
            foreach (var parameter in cmdlet.Parameters)
            {
                names.TryAdd(parameter.DocId, "-" + parameter.Name);
            }
        }

        return names;
    }
}
