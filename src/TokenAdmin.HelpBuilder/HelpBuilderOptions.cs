using System;
using System.Collections.Generic;

namespace TokenAdmin.HelpBuilder;

/// <param name="References">Assemblies the module's metadata needs that are not beside it (System.Management.Automation).</param>
/// <param name="Strict">Missing documentation fails the run instead of warning.</param>
internal sealed record HelpBuilderOptions(
    string AssemblyPath,
    IReadOnlyList<string> DocumentationPaths,
    string OutputPath,
    IReadOnlyList<string> References,
    bool Strict)
{
    public const string Usage =
        "Usage: TokenAdmin.HelpBuilder --assembly <Module.dll> --doc <Module.xml> --output <Module.dll-Help.xml>\n" +
        "                              [--reference <System.Management.Automation.dll>]... [--doc <More.xml>]... [--strict]\n" +
        "Writes MAML help for every public [Cmdlet] class in the assembly from its attributes and XML doc comments.\n" +
        "--strict: missing documentation is an error (exit code 1, nothing written) instead of a warning.";

    /// <summary>The options, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static HelpBuilderOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        string? assembly = null, output = null;
        var docs = new List<string>();
        var references = new List<string>();
        var strict = false;
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option == "--strict")
            {
                strict = true;
                continue;
            }

            if (!option.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"Unexpected argument '{option}'.";
                return null;
            }

            if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
            {
                error = $"{option} needs a value.";
                return null;
            }

            var value = args[++i];
            switch (option)
            {
                case "--assembly": assembly = value; break;
                case "--output": output = value; break;
                case "--doc": docs.Add(value); break;
                case "--reference": references.Add(value); break;
                default:
                    error = $"Unknown option '{option}'.";
                    return null;
            }
        }

        error = assembly is null ? "--assembly is required."
            : docs.Count == 0 ? "--doc is required."
            : output is null ? "--output is required."
            : null;
        return error is null ? new HelpBuilderOptions(assembly!, docs, output!, references, strict) : null;
    }
}
