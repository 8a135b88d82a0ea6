using System;
using System.Linq;
using TokenAdmin.Core.Hdc;
using TokenAdmin.Core.Text;

namespace TokenAdmin;

/// <summary>
/// An HDC integration token. <see cref="Token"/> holds the value so pipelines work
/// (Get-AuthToken | Remove-AuthToken binds it by name); views and ToString show only its
/// <see cref="Fingerprint"/>.
/// </summary>
public sealed class AuthToken
{
    internal AuthToken(HdcTokenInfo info, HdcConnection connection)
    {
        UserId = info.UserId;
        UserFullName = info.UserFullName;
        Context = info.Contexts.Select(c => c.Name).ToArray();
        ContextCode = info.Contexts.Select(c => c.Code).ToArray();
        Token = info.Token;
        Fingerprint = TokenFingerprint.Of(info.Token);
        LastUpdate = info.LastUpdate;
        Connection = connection;
    }

    public long UserId { get; }

    public string? UserFullName { get; }

    /// <summary>Names of the operations the token may be used for.</summary>
    public string[] Context { get; }

    public int[] ContextCode { get; }

    /// <summary>The secret value. Not shown by the default views; treat it like a password.</summary>
    public string Token { get; }

    /// <summary>First 12 hex digits of the token's SHA-256: tells tokens apart without revealing them.</summary>
    public string Fingerprint { get; }

    public DateTimeOffset? LastUpdate { get; }

    /// <summary>Where the token was read; binds to -Connection down the pipeline.</summary>
    public HdcConnection Connection { get; }

    public override string ToString() => $"{Fingerprint} (user {UserId}: {string.Join(", ", Context)})";
}
