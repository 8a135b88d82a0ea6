using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using TokenAdmin.HelpBuilder.Model;

namespace TokenAdmin.HelpBuilder.Maml;

/// <summary>
/// Writes the MAML that Get-Help reads for a binary module (&lt;Assembly&gt;.dll-Help.xml), in the
/// shape platyPS and PowerShell's own help files use: helpItems/command:command with details,
/// description, syntax, parameters, inputTypes, returnValues, examples and relatedLinks.
/// </summary>
internal static class MamlWriter
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";

    // Get-Help prints example titles as they are; real help frames them so examples stand apart.
    private const string TitleRule = "--------------------------";

    public static XDocument ToDocument(IEnumerable<CommandHelp> commands) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), commands.Select(CommandElement)));

    /// <summary>Writes beside the target and then replaces it, so a build never sees half a file.</summary>
    public static void Save(XDocument document, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(temporary, settings))
        {
            document.Save(writer);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static XElement CommandElement(CommandHelp command) =>
        new(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp),
            new XElement(Command + "details",
                new XElement(Command + "name", command.Name),
                new XElement(Command + "verb", command.Verb),
                new XElement(Command + "noun", command.Noun),
                Paragraphs(Maml + "description", command.Synopsis)),
            Paragraphs(Maml + "description", command.Description),
            new XElement(Command + "syntax", command.Syntax.Select(item =>
                new XElement(Command + "syntaxItem",
                    new XElement(Maml + "name", command.Name),
                    item.Parameters.Select(p => Parameter(p, inSyntax: true))))),
            new XElement(Command + "parameters", command.Parameters.Select(p => Parameter(p, inSyntax: false))),
            new XElement(Command + "inputTypes", command.Inputs.Select(t => TypeEntry(Command + "inputType", t))),
            new XElement(Command + "returnValues", command.Outputs.Select(t => TypeEntry(Command + "returnValue", t))),
            new XElement(Command + "examples", command.Examples.Select(Example)),
            new XElement(Command + "relatedLinks", command.RelatedLinks.Select(Link)));

    private static XElement Parameter(ParameterHelp parameter, bool inSyntax) =>
        new(Command + "parameter",
            new XAttribute("required", Bool(parameter.Binding.Required)),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", Bool(parameter.Globbing)),
            new XAttribute("pipelineInput", parameter.Binding.PipelineInputText),
            new XAttribute("position", parameter.Binding.PositionText),
            new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
            new XElement(Maml + "name", parameter.Name),
            Paragraphs(Maml + "Description", parameter.Description),
            parameter.PossibleValues.Count == 0 ? null : new XElement(Command + "parameterValueGroup",
                parameter.PossibleValues.Select(v => new XElement(Command + "parameterValue",
                    new XAttribute("required", "false"),
                    new XAttribute(Command + "variableLength", "false"),
                    v))),
            // Syntax shows a switch as [-Name], without a value.
            inSyntax && parameter.IsSwitch ? null : new XElement(Command + "parameterValue",
                new XAttribute("required", Bool(!parameter.IsSwitch)),
                new XAttribute("variableLength", "false"),
                parameter.TypeName),
            new XElement(Dev + "type", new XElement(Maml + "name", parameter.TypeName), new XElement(Maml + "uri")),
            parameter.DefaultValue is null ? null : new XElement(Dev + "defaultValue", parameter.DefaultValue));

    private static XElement TypeEntry(XName name, TypeHelp type) =>
        new(name,
            new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
            Paragraphs(Maml + "description", type.Description));

    private static XElement Example(ExampleHelp example) =>
        new(Command + "example",
            new XElement(Maml + "title", $"{TitleRule} {example.Title} {TitleRule}"),
            new XElement(Dev + "code", example.Code),
            Paragraphs(Dev + "remarks", example.Remarks));

    private static XElement Link(LinkHelp link) =>
        new(Maml + "navigationLink",
            new XElement(Maml + "linkText", link.Text),
            link.Uri is null ? new XElement(Maml + "uri") : new XElement(Maml + "uri", link.Uri));

    /// <summary>At least one (possibly empty) para, as real help files have: Get-Help expects the node.</summary>
    private static XElement Paragraphs(XName name, IReadOnlyList<string> paragraphs) =>
        new(name, (paragraphs.Count == 0 ? [string.Empty] : paragraphs).Select(p => new XElement(Maml + "para", p)));

    private static string Bool(bool value) => value ? "true" : "false";
}
