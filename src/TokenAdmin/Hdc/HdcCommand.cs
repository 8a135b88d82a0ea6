using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TokenAdmin.Commands;
using TokenAdmin.Connections;
using TokenAdmin.Core.Hdc;
using TokenAdmin.Core.Text;
using TokenAdmin.Errors;
using TokenAdmin.Items;
using TokenAdmin.Runtime;

namespace TokenAdmin.Hdc;

/// <summary>Base of the HDC commands: the connection, and per-invocation caches of the listings.</summary>
public abstract class HdcCommand : ServiceCommand<HdcConnection>
{
    private readonly Dictionary<HdcConnection, IReadOnlyList<HdcContext>> _contexts = new();
    private readonly Dictionary<HdcConnection, IReadOnlyList<HdcTokenInfo>> _tokens = new();


    /// <summary>The service's contexts, fetched once per command; null after writing the error.</summary>
    private protected IReadOnlyList<HdcContext>? Contexts(HdcConnection connection, object? target)
    {
        if (!_contexts.TryGetValue(connection, out var contexts)
            && TryRun(call => connection.Client.ListContextsAsync(call), target, out contexts))
        {
            _contexts[connection] = contexts;
            connection.CachedContexts = contexts; // fresh for tab completion too
        }

        return contexts;
    }

    /// <summary>All tokens, fetched once per command (fresh with <paramref name="refresh"/>); null after writing the error.</summary>
    private protected IReadOnlyList<HdcTokenInfo>? Tokens(HdcConnection connection, object? target, bool refresh = false)
    {
        if ((refresh || !_tokens.TryGetValue(connection, out var tokens))
            && TryRun(call => connection.Client.ListTokensAsync(call), target, out tokens))
        {
            _tokens[connection] = tokens;
        }

        return tokens;
    }

    /// <summary>
    /// The service's names for what the user typed; null (after a non-terminating error naming
    /// the valid contexts) when any is unknown, so nothing is sent for this item.
    /// </summary>
    private protected IReadOnlyList<string>? ResolveContexts(HdcConnection connection, string[] requested, object target)
    {
        var available = Contexts(connection, target);
        if (available is null)
        {
            return null;
        }

        var resolution = HdcContextResolver.Resolve(available, requested);
        if (resolution.Unknown.Count == 0)
        {
            return resolution.Names;
        }

        var unknown = string.Join(", ", resolution.Unknown.Take(5).Select(u => $"'{EchoedText.Of(u)}'"))
            + (resolution.Unknown.Count > 5 ? $" and {resolution.Unknown.Count - 5} more" : string.Empty);
        Seam.WriteError(new CommandError(
            new ArgumentException($"Unknown context {unknown} on {connection.BaseUri}. Valid contexts: {HdcContextResolver.Describe(available)}. Get-AuthTokenContext lists them."),
            HdcErrors.InvalidAuthTokenContext, ErrorCategory.InvalidArgument, target));
        return null;
    }

    private protected AuthToken ToAuthToken(HdcTokenInfo info, HdcConnection connection)
    {
        // [doc] The listing carries name and code; a tenant that sends only one of them gets the
        // other from the context list (read once, only then).
        if (info.Contexts.Any(c => c.Code == 0 || c.Name.Length == 0) && Contexts(connection, null) is { } contexts)
        {
            info = info with
            {
                Contexts = info.Contexts
                    .Select(c => contexts.FirstOrDefault(k => k.Name == c.Name || (c.Code != 0 && k.Code == c.Code)) ?? c)
                    .ToList(),
            };
        }

        connection.HandedOut = true; // objects carry their connection: replacing it must not close it
        return new AuthToken(info, connection);
    }

    /// <summary>How a token is named in -WhatIf, progress and errors: never its value.</summary>
    internal static string Describe(string token) => $"auth token {Core.Text.TokenFingerprint.Of(token)}";

    /// <summary>A ShouldProcess target: the token (by the fingerprint the caller already has), whose it is (when known) and where.</summary>
    internal static string DescribeTarget(string fingerprint, long? userId, string? userFullName, Uri baseUri)
    {
        var owner = (userId, string.IsNullOrWhiteSpace(userFullName)) switch
        {
            (> 0, false) => $" of {userFullName} (user {userId})",
            (> 0, true) => $" of user {userId}",
            (_, false) => $" of {userFullName}",
            _ => string.Empty,
        };
        return $"auth token {fingerprint}{owner} on {baseUri}";
    }

    /// <summary>
    /// Context names or codes as typed or read from a CSV cell: "ReadDocuments,UploadDocuments" in one
    /// value is two contexts ([assume] no context name contains a comma; HdcProtocol.ContextListSeparator).
    /// </summary>
    private protected static string[] NormalizeContexts(string[]? values) =>
        Normalize((values ?? Array.Empty<string>()).SelectMany(v => (v ?? string.Empty).Split(HdcProtocol.ContextListSeparator)).ToArray());

    private protected static string[] Normalize(string[]? values) =>
        (values ?? Array.Empty<string>()).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToArray();
}
