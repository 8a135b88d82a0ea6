using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Microsoft.PowerShell;

namespace TokenAdmin.Engine.Tests.Support;

/// <summary>
/// A real PowerShell runspace (Microsoft.PowerShell.SDK) with the BUILT module imported from
/// out/TokenAdmin, as a user imports it. Scripts run one at a time; each returns every stream.
/// </summary>
internal sealed class ModuleShell : IDisposable
{
    private readonly Runspace _runspace;

    public ModuleShell(bool importModule = true)
    {
        var state = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows())
        {
            state.ExecutionPolicy = ExecutionPolicy.Bypass;
        }

        if (importModule)
        {
            state.ImportPSModule(RepositoryPaths.StagedManifest);
        }

        Host = new ScriptedHost();
        _runspace = RunspaceFactory.CreateRunspace(Host, state);
        _runspace.Open();
        if (importModule)
        {
            // A module that fails to import is reported by the runspace, not thrown: say so here.
            var imported = Run("Get-Module TokenAdmin");
            if (imported.Output.Count != 1)
            {
                throw new InvalidOperationException($"The staged module {RepositoryPaths.StagedManifest} did not import. Build first (dotnet build).");
            }
        }
    }

    public ScriptedHost Host { get; }

    public Runspace Runspace => _runspace;

    public void SetVariable(string name, object? value) => _runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>Runs <paramref name="script"/> with positional <paramref name="arguments"/> ($args, or a param block).</summary>
    public ShellResult Run(string script, params object?[] arguments)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        foreach (var argument in arguments)
        {
            shell.AddArgument(argument);
        }

        var output = new List<PSObject>();
        RuntimeException? terminating = null;
        try
        {
            output.AddRange(shell.Invoke());
        }
        catch (RuntimeException ex)
        {
            terminating = ex;
        }

        return new ShellResult
        {
            Output = output,
            Errors = shell.Streams.Error.ToList(),
            Warnings = shell.Streams.Warning.ToList(),
            Verbose = shell.Streams.Verbose.ToList(),
            Debug = shell.Streams.Debug.ToList(),
            Progress = shell.Streams.Progress.ToList(),
            Information = shell.Streams.Information.ToList(),
            Terminating = terminating,
        };
    }

    /// <summary>Runs a script and fails on any error or terminating error: for setup steps.</summary>
    public ShellResult RunClean(string script, params object?[] arguments)
    {
        var result = Run(script, arguments);
        if (result.Terminating is not null || result.Errors.Count > 0)
        {
            var errors = string.Join("; ", result.Errors.Select(e => e.ToString()).Append(result.Terminating?.Message).Where(m => m is not null));
            throw new InvalidOperationException($"Setup script failed: {errors}\nScript: {script}");
        }

        return result;
    }

    /// <summary>What the console shows for <paramref name="script"/>'s output at <paramref name="width"/> columns.</summary>
    public string Render(string script, int width, params object?[] arguments)
    {
        var result = RunClean($"& {{ {script} }} @args | Out-String -Width {width}", arguments);
        return result.Text;
    }

    public void Dispose() => _runspace.Dispose();
}
