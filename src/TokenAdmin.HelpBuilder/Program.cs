using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using TokenAdmin.HelpBuilder.Maml;
using TokenAdmin.HelpBuilder.Model;

namespace TokenAdmin.HelpBuilder;

internal static class Program
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadArguments = 2;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>
    /// Messages use MSBuild's canonical "origin : warning CODE : text" form so the build lists them
    /// as warnings or errors. In strict mode nothing is written on failure (and a stale file is
    /// removed), so an incremental build cannot keep help that no longer passes.
    /// </summary>
    internal static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = HelpBuilderOptions.Parse(args, out var problem);
        if (options is null)
        {
            error.WriteLine($"TokenAdmin.HelpBuilder : error TAH000 : {problem}");
            error.WriteLine(HelpBuilderOptions.Usage);
            return BadArguments;
        }

        HelpModel help;
        try
        {
            help = HelpGenerator.Generate(options);
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or XmlException or UnauthorizedAccessException)
        {
            // Missing or unreadable inputs, or an assembly the metadata needs that no path supplies.
            error.WriteLine($"TokenAdmin.HelpBuilder : error TAH000 : {ex.Message}");
            return Failed;
        }

        if (help.Commands.Count == 0)
        {
            error.WriteLine($"TokenAdmin.HelpBuilder : error TAH000 : {options.AssemblyPath} has no public [Cmdlet] classes.");
            return Failed;
        }

        var failing = options.Strict && help.Issues.Count > 0;
        foreach (var issue in help.Issues)
        {
            (failing ? error : output).WriteLine(issue.Format(asError: failing));
        }

        if (failing)
        {
            File.Delete(options.OutputPath);
            error.WriteLine($"TokenAdmin.HelpBuilder : error TAH000 : {help.Issues.Count} documentation problem(s); help not written. " +
                "Every cmdlet needs a <summary> and an <example> (<code> and <para>), every parameter a <summary>.");
            return Failed;
        }

        MamlWriter.Save(MamlWriter.ToDocument(help.Commands), options.OutputPath);
        output.WriteLine($"TokenAdmin.HelpBuilder: help for {help.Commands.Count} cmdlets -> {options.OutputPath}" +
            (help.Issues.Count > 0 ? $" ({help.Issues.Count} documentation warning(s))" : string.Empty));
        return Success;
    }
}
