using System;
using System.Linq;
using System.Management.Automation;
using TokenAdmin.Core.Text;
using TokenAdmin.Runtime;

namespace TokenAdmin.Hdc;

/// <summary>Lists the contexts (named operations) HDC tokens can be scoped to.</summary>
/// <remarks>
/// <para>Writes an AuthTokenContext (Code, Name) for each context. -Name takes wildcards; a name without
/// wildcards that does not exist is an AuthTokenContextNotFound error.</para>
/// </remarks>
/// <example title="List every context">
/// <code>Get-AuthTokenContext</code>
/// <para>Shows code and name of each context, by code.</para>
/// </example>
/// <example title="Find contexts by name">
/// <code>Get-AuthTokenContext -Name *Documents</code>
/// <para>Contexts whose names end with Documents.</para>
/// </example>
[Cmdlet(VerbsCommon.Get, "AuthTokenContext")]
[OutputType(typeof(AuthTokenContext))]
public sealed class GetAuthTokenContextCommand : HdcCommand
{
    /// <summary>Names to show, with wildcards. A name without wildcards that does not exist is an error.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ContextNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    private protected override void Process()
    {
        var connection = RequireConnection();
        var contexts = Contexts(connection, Name);
        if (contexts is null)
        {
            return;
        }

        var names = Normalize(Name);
        if (names.Length == 0)
        {
            foreach (var context in contexts.OrderBy(c => c.Code))
            {
                Seam.WriteObject(new AuthTokenContext(context));
            }

            return;
        }

        var written = new System.Collections.Generic.HashSet<int>();
        foreach (var name in names)
        {
            var pattern = new WildcardMatcher(name);
            var matches = contexts.Where(c => pattern.IsMatch(c.Name)).OrderBy(c => c.Code).ToList();
            if (matches.Count == 0 && !WildcardMatcher.ContainsWildcards(name))
            {
                Seam.WriteError(new CommandError(
                    new ArgumentException($"There is no context named '{EchoedText.Of(name)}' on {connection.BaseUri}. Run Get-AuthTokenContext without -Name to list them."),
                    HdcErrors.AuthTokenContextNotFound, ErrorCategory.ObjectNotFound, name));
            }

            foreach (var match in matches.Where(m => written.Add(m.Code)))
            {
                Seam.WriteObject(new AuthTokenContext(match));
            }
        }
    }
}
