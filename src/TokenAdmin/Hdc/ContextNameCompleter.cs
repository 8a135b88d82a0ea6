using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using TokenAdmin.Connections;
using TokenAdmin.Core.Hdc;
using TokenAdmin.Core.Http;

namespace TokenAdmin.Hdc;

/// <summary>
/// Tab completion of context names (New-/Set-/Get-AuthToken -Context, Get-AuthTokenContext -Name)
/// from the connection the command would use. The list is read once per connection and cached; a
/// completion never prompts, never writes an error and gives up after a few seconds, offering
/// nothing rather than file names when there is no connection or the service does not answer.
/// </summary>
public sealed class ContextNameCompleter : IArgumentCompleter
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(3);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var connection = fakeBoundParameters?["Connection"] as HdcConnection
            ?? (fakeBoundParameters?["Connection"] as PSObject)?.BaseObject as HdcConnection
            ?? ConnectionStore.Session.Current<HdcConnection>(TokenAdminService.Hdc);
        var contexts = connection is { IsOpen: true } ? ContextsOf(connection) : null;
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        var matches = (contexts ?? Array.Empty<HdcContext>())
            .Where(c => c.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => new CompletionResult(Quote(c.Name), c.Name, CompletionResultType.ParameterValue, $"{c.Name} (code {c.Code})"))
            .ToList();

        // An empty answer would make PowerShell fall back to completing file names, which are never
        // contexts: answer with what was typed (a space when nothing was; completion text cannot be empty).
        return matches.Count > 0
            ? matches
            : new[] { new CompletionResult(string.IsNullOrEmpty(wordToComplete) ? " " : wordToComplete, "(no matching context)", CompletionResultType.ParameterValue, "No context matches, or there is no HDC connection.") };
    }

    private static IReadOnlyList<HdcContext>? ContextsOf(HdcConnection connection)
    {
        if (connection.CachedContexts is { } cached)
        {
            return cached;
        }

        try
        {
            using var timeout = new CancellationTokenSource(ReadTimeout);
            return connection.CachedContexts = connection.Client.ListContextsAsync(new RequestContext(timeout.Token)).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null; // completion must not fail or write: offer nothing
        }
    }

    private static string Quote(string name) =>
        name.Any(c => char.IsWhiteSpace(c) || "'\"`$,;(){}@&|<>#".Contains(c)) ? $"'{name.Replace("'", "''", StringComparison.Ordinal)}'" : name;
}
