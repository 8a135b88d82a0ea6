using System;
using System.Reflection;
using TokenAdmin.Commands;
using TokenAdmin.Errors;
using TokenAdmin.Items;

namespace TokenAdmin.Connections;

/// <summary>
/// What the shared command bases need to know about one service, declared once by its connection
/// type (an <c>internal static ServiceDescriptor Descriptor</c>): which service it is, its name in
/// messages, its Connect-* command and what its failures mean.
/// </summary>
internal sealed record ServiceDescriptor(TokenAdminService Service, ErrorVocabulary Vocabulary)
{
    public string DisplayName => Vocabulary.ServiceName;

    public string ConnectCommand => Vocabulary.ConnectCommand;

    /// <summary>The descriptor <typeparamref name="TConnection"/> declares, read once per type.</summary>
    public static ServiceDescriptor Of<TConnection>()
        where TConnection : TokenAdminConnection => Cache<TConnection>.Value;

    /// <summary>
    /// Read by reflection because the public command bases cannot be constrained on an internal
    /// interface with a static member; a missing declaration fails here, at first use, and in the
    /// metadata tests, never silently.
    /// </summary>
    private static class Cache<TConnection>
    {
        public static readonly ServiceDescriptor Value =
            typeof(TConnection).GetProperty(MemberName, BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) as ServiceDescriptor
            ?? throw new InvalidOperationException($"{typeof(TConnection).Name} declares no internal static ServiceDescriptor {MemberName}.");
    }

    /// <summary>The member each connection type declares.</summary>
    internal const string MemberName = "Descriptor";
}
