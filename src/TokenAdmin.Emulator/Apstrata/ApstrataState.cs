using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace TokenAdmin.Emulator;

/// <summary>An apstrata user token: valid until ExpiresAt, renewable until LifetimeEndsAt.</summary>
public sealed record ApstrataToken(string Value, string Login, DateTimeOffset ExpiresAt, DateTimeOffset LifetimeEndsAt, TimeSpan ExpiresAfter);

/// <summary>apstrata's users' tokens, on the emulator's clock.</summary>
public sealed class ApstrataState(TimeProvider timeProvider)
{
    private readonly object gate = new();
    private readonly List<ApstrataToken> tokens = new();

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public IReadOnlyList<ApstrataToken> Tokens
    {
        get
        {
            lock (gate)
            {
                return tokens.ToList();
            }
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            tokens.Clear();
        }
    }

    public ApstrataToken Generate(string login, TimeSpan expires, TimeSpan lifetime)
    {
        var token = new ApstrataToken(Convert.ToHexString(RandomNumberGenerator.GetBytes(20)), login, Now + expires, Now + lifetime, expires);
        lock (gate)
        {
            tokens.Add(token);
        }

        return token;
    }

    /// <summary>A token of this login, valid now.</summary>
    public ApstrataToken? Valid(string login, string value)
    {
        lock (gate)
        {
            return tokens.FirstOrDefault(t => t.Login == login && HttpAuthorization.SecretEquals(value, t.Value) && t.ExpiresAt > Now);
        }
    }

    /// <summary>[doc] A new token; the old one stays valid 5 s; never past the lifetime. Null when the lifetime is over.</summary>
    public ApstrataToken? Renew(ApstrataToken old)
    {
        lock (gate)
        {
            if (Now >= old.LifetimeEndsAt)
            {
                return null;
            }

            var renewed = old with
            {
                Value = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)),
                ExpiresAt = Min(Now + old.ExpiresAfter, old.LifetimeEndsAt),
            };
            tokens.Remove(old);
            tokens.Add(old with { ExpiresAt = Min(old.ExpiresAt, Now + TimeSpan.FromSeconds(5)) });
            tokens.Add(renewed);
            return renewed;
        }
    }

    public bool Delete(ApstrataToken token)
    {
        lock (gate)
        {
            return tokens.RemoveAll(t => t.Value == token.Value) > 0;
        }
    }

    public int DeleteAllOf(IEnumerable<string> logins)
    {
        var set = logins.ToHashSet(StringComparer.Ordinal);
        lock (gate)
        {
            return tokens.RemoveAll(t => set.Contains(t.Login));
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
