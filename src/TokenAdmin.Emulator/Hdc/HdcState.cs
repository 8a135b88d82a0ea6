using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace TokenAdmin.Emulator;

/// <summary>
/// The emulated HDC tenant: contexts, user directory and tokens. Thread-safe (one lock: the
/// emulator favours obviously-correct over fast). Tests read and arrange it directly.
/// </summary>
public sealed class HdcState
{
    private readonly object gate = new();
    private readonly TimeProvider timeProvider;
    private readonly List<HdcContext> contexts = [];
    private readonly List<HdcDirectoryUser> users = [];
    // In creation order, indexed by value: lookups and deletes stay O(1) with a million tokens (benchmarks).
    private readonly LinkedList<HdcTokenRecord> tokens = new();
    private readonly Dictionary<string, LinkedListNode<HdcTokenRecord>> tokensByValue = new(StringComparer.Ordinal);
    private readonly int additionalTokens;

    /// <param name="additionalTokens">Tokens of user 777 added to the seed on every reset (<see cref="HdcOptions.AdditionalTokens"/>).</param>
    public HdcState(TimeProvider? timeProvider = null, int additionalTokens = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(additionalTokens);
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.additionalTokens = additionalTokens;
        Reset();
    }

    /// <summary>Snapshot of the contexts, in seed order.</summary>
    public IReadOnlyList<HdcContext> Contexts
    {
        get { lock (gate) { return contexts.ToArray(); } }
    }

    /// <summary>Snapshot of the user directory.</summary>
    public IReadOnlyList<HdcDirectoryUser> Users
    {
        get { lock (gate) { return users.ToArray(); } }
    }

    /// <summary>Snapshot of the tokens, oldest first.</summary>
    public IReadOnlyList<HdcTokenRecord> Tokens
    {
        get { lock (gate) { return tokens.ToArray(); } }
    }

    /// <summary>Back to the seed data; token values are drawn afresh.</summary>
    public void Reset()
    {
        lock (gate)
        {
            contexts.Clear();
            contexts.AddRange(HdcSeedData.Contexts);
            users.Clear();
            users.AddRange(HdcSeedData.Users);
            tokens.Clear();
            tokensByValue.Clear();
            foreach (var (userId, contextNames) in HdcSeedData.Tokens)
            {
                Add(NewToken(userId, contextNames.Select(ContextNamed).ToArray()));
            }

            HdcContext[] bulkContexts = [ContextNamed("ReadDocuments")];
            for (var i = 0; i < additionalTokens; i++)
            {
                Add(NewToken(HdcSeedData.BulkTokenOwner, bulkContexts));
            }
        }
    }

    /// <summary>Arranges a token for a test, bypassing API validation except that user and contexts must exist.</summary>
    public HdcTokenRecord AddToken(long userId, params IEnumerable<string> contextNames)
    {
        lock (gate)
        {
            if (!users.Exists(user => user.UserId == userId))
            {
                throw new ArgumentException($"User {userId} is not in the directory.", nameof(userId));
            }

            var record = NewToken(userId, contextNames.Select(ContextNamed).ToArray());
            Add(record);
            return record;
        }
    }

    /// <summary>Adds a person to the user directory (tokens can then be created for them).</summary>
    public void AddUser(long userId, string fullName)
    {
        lock (gate)
        {
            if (users.Exists(user => user.UserId == userId))
            {
                throw new ArgumentException($"User {userId} is already in the directory.", nameof(userId));
            }

            users.Add(new HdcDirectoryUser(userId, fullName));
        }
    }

    public HdcTokenRecord? FindToken(string token)
    {
        lock (gate) { return tokensByValue.TryGetValue(token, out var node) ? node.Value : null; }
    }

    internal string? FullNameOf(long userId)
    {
        lock (gate) { return users.Find(user => user.UserId == userId)?.FullName; }
    }

    internal bool UserExists(long userId) => FullNameOf(userId) is not null;

    internal HdcContext? FindContext(string name)
    {
        lock (gate) { return contexts.Find(context => context.Name == name); }
    }

    internal HdcContext? FindContext(int code)
    {
        lock (gate) { return contexts.Find(context => context.Code == code); }
    }

    internal HdcTokenRecord Create(long userId, IReadOnlyList<HdcContext> tokenContexts)
    {
        lock (gate)
        {
            var record = NewToken(userId, tokenContexts);
            Add(record);
            return record;
        }
    }

    /// <summary>Replaces owner and contexts; null when the token does not exist.</summary>
    internal HdcTokenRecord? Update(string token, long userId, IReadOnlyList<HdcContext> tokenContexts)
    {
        lock (gate)
        {
            if (!tokensByValue.TryGetValue(token, out var node))
            {
                return null;
            }

            var updated = node.Value with { UserId = userId, Contexts = tokenContexts, LastUpdate = timeProvider.GetUtcNow() };
            node.Value = updated; // keeps its place in the order
            return updated;
        }
    }

    internal bool Delete(string token)
    {
        lock (gate)
        {
            if (!tokensByValue.Remove(token, out var node))
            {
                return false;
            }

            tokens.Remove(node);
            return true;
        }
    }

    private void Add(HdcTokenRecord record) => tokensByValue.Add(record.Token, tokens.AddLast(record));

    private HdcContext ContextNamed(string name) =>
        contexts.Find(context => context.Name == name)
        ?? throw new ArgumentException($"No context named '{name}'.", nameof(name));

    private HdcTokenRecord NewToken(long userId, IReadOnlyList<HdcContext> tokenContexts) =>
        new(NewTokenValue(), userId, tokenContexts, timeProvider.GetUtcNow());

    // 160 bits from a CSPRNG, as 40 lower-case hex characters.
    private static string NewTokenValue() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
