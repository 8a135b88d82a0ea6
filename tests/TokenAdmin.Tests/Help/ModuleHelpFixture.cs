using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Xml;
using System.Xml.Linq;
using TokenAdmin.HelpBuilder;
using TokenAdmin.HelpBuilder.Maml;
using TokenAdmin.Hdc;
using TokenAdmin.Tests.Support;

namespace TokenAdmin.Tests.Help;

/// <summary>
/// The MAML for the real module, generated exactly as the build does (from TokenAdmin.dll and
/// TokenAdmin.xml, both copied beside the tests), and what the manifest exports.
/// </summary>
public sealed class ModuleHelpFixture : IDisposable
{
    private static readonly XNamespace Maml = MamlWriter.Maml;
    private static readonly XNamespace Command = MamlWriter.Command;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "TokenAdmin.ModuleHelp." + Guid.NewGuid().ToString("N"));

    public ModuleHelpFixture()
    {
        var assembly = typeof(RemoveAuthTokenCommand).Assembly.Location;
        var output = Path.Combine(_directory, "en-US", "TokenAdmin.dll-Help.xml");
        var log = new StringWriter();
        var exitCode = Program.Run(
            ["--assembly", assembly, "--doc", Path.ChangeExtension(assembly, ".xml"), "--output", output, "--reference", typeof(PSCmdlet).Assembly.Location],
            log,
            log);
        if (exitCode != Program.Success)
        {
            throw new InvalidOperationException($"TokenAdmin.HelpBuilder failed ({exitCode}):\n{log}");
        }

        Document = Load(output);
        ExportedCmdlets = ((List<object?>)PowerShellDataFile.Read(Repository.ManifestPath)["CmdletsToExport"]!).Cast<string>().ToList();
    }

    public XDocument Document { get; }

    public IReadOnlyList<string> ExportedCmdlets { get; }

    public IReadOnlyList<XElement> Commands => Document.Root!.Elements(Command + "command").ToList();

    /// <summary>Loads a help file as Get-Help does first (XmlDocument: throws on anything malformed).</summary>
    public static XDocument Load(string path)
    {
        new XmlDocument().Load(path);
        return XDocument.Load(path);
    }

    public static string CommandName(XElement command) => Name(command.Element(Command + "details")!, Command);

    public static string ParameterName(XElement parameter) => Name(parameter, Maml);

    public XElement CommandNamed(string name) => Commands.Single(c => CommandName(c) == name);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Name(XElement element, XNamespace ns) => element.Element(ns + "name")!.Value;
}
