using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace TokenAdmin.Emulator;

/// <summary>An MFA session token the emulator issued.</summary>
public sealed record PowerClerkSessionToken(string TokenId, string Token, string UserName, DateTimeOffset ExpiresAt);

/// <summary>
/// PowerClerk's MFA session tokens, at most one per user ([doc] creating one deletes the previous),
/// with expiry on the emulator's clock; and the TOTP steps each user has used (a replayed code is refused).
/// </summary>
public sealed class PowerClerkState(TimeProvider timeProvider)
{
    private readonly object gate = new();
    private readonly Dictionary<string, PowerClerkSessionToken> byUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> lastTotpStep = new(StringComparer.Ordinal);

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public IReadOnlyList<PowerClerkSessionToken> SessionTokens
    {
        get
        {
            lock (gate)
            {
                return byUser.Values.ToList();
            }
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            byUser.Clear();
            lastTotpStep.Clear();
        }
    }

    public PowerClerkSessionToken Create(string userName, int minutes)
    {
        var token = new PowerClerkSessionToken(RandomText(12, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), RandomText(40, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
            userName, Now.AddMinutes(minutes));
        lock (gate)
        {
            byUser[userName] = token; // replaces (and so deletes) the user's previous MST
        }

        return token;
    }

    /// <summary>The user's MST with this value, if it is still valid.</summary>
    public PowerClerkSessionToken? Valid(string userName, string token)
    {
        lock (gate)
        {
            return byUser.TryGetValue(userName, out var current) && HttpAuthorization.SecretEquals(token, current.Token) && current.ExpiresAt > Now
                ? current
                : null;
        }
    }

    public bool Delete(string userName, string tokenId)
    {
        lock (gate)
        {
            if (byUser.TryGetValue(userName, out var current) && current.TokenId == tokenId)
            {
                byUser.Remove(userName);
                return true;
            }

            return false;
        }
    }

    /// <summary>Accepts a code for this step or the one before (clock skew), once per step.</summary>
    public bool AcceptTotp(string userName, string secret, string code)
    {
        var seed = PowerClerkTotp.DecodeBase32(secret);
        var step = Now.ToUnixTimeSeconds() / 30;
        lock (gate)
        {
            foreach (var candidate in new[] { step, step - 1 })
            {
                if (PowerClerkTotp.Code(seed, candidate) == code)
                {
                    if (lastTotpStep.TryGetValue(userName, out var used) && candidate <= used)
                    {
                        return false; // replayed
                    }

                    lastTotpStep[userName] = candidate;
                    return true;
                }
            }
        }

        return false;
    }

    private static string RandomText(int length, string alphabet) =>
        string.Create(length, alphabet, static (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
}
