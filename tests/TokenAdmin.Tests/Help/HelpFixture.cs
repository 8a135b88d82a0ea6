using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using TokenAdmin.HelpBuilder;
using TokenAdmin.HelpBuilder.Model;
using TokenAdmin.Tests.Help.Fixtures;

namespace TokenAdmin.Tests.Help;

/// <summary>
/// Runs the generator over this test assembly, whose fixture cmdlets carry every shape of
/// parameter, set and doc comment the generator handles, with FixtureDocumentation as their docs.
/// </summary>
public sealed class HelpFixture : IDisposable
{
    public HelpFixture()
    {
        Directory.CreateDirectory(WorkDirectory);
        File.WriteAllText(DocumentationPath, FixtureDocumentation.Xml);
        Model = HelpGenerator.Generate(Options());
    }

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "TokenAdmin.HelpTests." + Guid.NewGuid().ToString("N"));

    public string DocumentationPath => Path.Combine(WorkDirectory, "Fixture.xml");

    internal HelpModel Model { get; }

    /// <summary>Arguments for the tool, as Help.targets passes them.</summary>
    public string[] Arguments(string output, bool strict = false) =>
        [
            "--assembly", typeof(GetHelpFixtureCommand).Assembly.Location,
            "--doc", DocumentationPath,
            "--output", output,
            .. References.SelectMany(r => new[] { "--reference", r }),
            .. (strict ? new[] { "--strict" } : Array.Empty<string>()),
        ];

    internal CommandHelp Command(string name) => Model.Commands.Single(c => c.Name == name);

    public void Dispose() => Directory.Delete(WorkDirectory, recursive: true);

    /// <summary>
    /// System.Management.Automation, and ASP.NET Core's shared framework: the generator looks at
    /// every exported type of this assembly, and test helpers derive from ASP.NET types.
    /// </summary>
    private static string[] References =>
        [
            typeof(PSCmdlet).Assembly.Location,
            .. Directory.GetFiles(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!, "*.dll"),
        ];

    private HelpBuilderOptions Options() =>
        HelpBuilderOptions.Parse(Arguments(Path.Combine(WorkDirectory, "unused.xml")), out _)!;
}
