using System;
using System.Collections.Generic;

namespace TokenAdmin.Emulator;

/// <summary>
/// The emulated SecurID tenant's tokens. Thread-safe (one lock). Tests read and arrange it
/// directly; the routes change it through the internal operations, which check and change
/// under the same lock, so concurrent requests cannot both win a conflict.
/// </summary>
public sealed class SecurIdState
{
    private readonly object gate = new();
    private readonly TimeProvider timeProvider;
    private readonly List<SecurIdTokenRecord> tokens = [];

    public SecurIdState(TimeProvider? timeProvider = null)
    {
        this.timeProvider = timeProvider ?? TimeProvider.System;
        Reset();
    }

    /// <summary>Snapshot of the tokens, in seed (then insertion) order.</summary>
    public IReadOnlyList<SecurIdTokenRecord> Tokens
    {
        get { lock (gate) { return tokens.ToArray(); } }
    }

    /// <summary>Back to the seed data.</summary>
    public void Reset()
    {
        lock (gate)
        {
            tokens.Clear();
            tokens.AddRange(SecurIdSeedData.Tokens);
        }
    }

    /// <summary>The token with exactly this serial number (ordinal), or null.</summary>
    public SecurIdTokenRecord? Find(string tokenSerialNumber)
    {
        lock (gate) { return tokens.Find(token => token.TokenSerialNumber == tokenSerialNumber); }
    }

    /// <summary>Arranges a token for a test; its serial number must be new.</summary>
    public void Add(SecurIdTokenRecord token)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (gate)
        {
            if (tokens.Exists(existing => existing.TokenSerialNumber == token.TokenSerialNumber))
            {
                throw new ArgumentException($"A token with serial number {token.TokenSerialNumber} exists already.", nameof(token));
            }

            tokens.Add(token);
        }
    }

    /// <summary>Removes the token; returns it as it was, or null when there is none.</summary>
    internal SecurIdTokenRecord? Delete(string tokenSerialNumber)
    {
        lock (gate)
        {
            var index = IndexOf(tokenSerialNumber);
            if (index < 0)
            {
                return null;
            }

            var deleted = tokens[index];
            tokens.RemoveAt(index);
            return deleted;
        }
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the token atomically. The change returns the new record,
    /// or null plus a conflict message to leave the token as it is.
    /// </summary>
    internal SecurIdChange Change(string tokenSerialNumber, Func<SecurIdTokenRecord, DateTimeOffset, (SecurIdTokenRecord? Changed, string? Conflict)> change)
    {
        lock (gate)
        {
            var index = IndexOf(tokenSerialNumber);
            if (index < 0)
            {
                return new SecurIdChange(null, null, NotFound: true);
            }

            var (changed, conflict) = change(tokens[index], timeProvider.GetUtcNow());
            if (changed is not null)
            {
                tokens[index] = changed;
            }

            return new SecurIdChange(changed, conflict, NotFound: false);
        }
    }

    private int IndexOf(string tokenSerialNumber) => tokens.FindIndex(token => token.TokenSerialNumber == tokenSerialNumber);
}

/// <summary>The outcome of <see cref="SecurIdState.Change"/>: the changed token, a conflict, or not found.</summary>
internal readonly record struct SecurIdChange(SecurIdTokenRecord? Token, string? Conflict, bool NotFound);
