using System;
using System.Security.Cryptography;

namespace TokenAdmin.Core.PowerClerk;

/// <summary>
/// RFC 6238 time-based one-time passwords as authenticator apps make them: HMAC-SHA1 over the
/// 30-second step count since the Unix epoch, dynamic truncation (RFC 4226 §5.3), 6 digits.
/// </summary>
public static class Totp
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(PowerClerkProtocol.TotpStepSeconds);

    /// <summary>The step number of <paramref name="time"/>: what a code is made from, and how a code's reuse is recognised.</summary>
    public static long StepOf(DateTimeOffset time) => time.ToUnixTimeSeconds() / PowerClerkProtocol.TotpStepSeconds;

    /// <summary>When step <paramref name="step"/> begins.</summary>
    public static DateTimeOffset StartOf(long step) => DateTimeOffset.FromUnixTimeSeconds(step * PowerClerkProtocol.TotpStepSeconds);

    /// <summary>The code for <paramref name="step"/> from the raw seed, <paramref name="digits"/> long with leading zeros.</summary>
    public static string Code(ReadOnlySpan<byte> seed, long step, int digits = PowerClerkProtocol.TotpDigits)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(seed, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulus = (int)Math.Pow(10, digits);
        return (binary % modulus).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>
    /// RFC 4648 base32 as authenticator apps show seeds: letters in any case, spaces and hyphens
    /// ignored, padding optional. FormatException for anything else (the message never quotes it).
    /// </summary>
    public static byte[] DecodeBase32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new byte[text.Length * 5 / 8];
        var length = 0;
        var buffer = 0;
        var bits = 0;
        foreach (var raw in text)
        {
            if (raw is ' ' or '-' or '=')
            {
                continue;
            }

            var value = Alphabet.IndexOf(char.ToUpperInvariant(raw), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("The TOTP secret is not base32 (letters A-Z and digits 2-7, as authenticator apps show it).");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output[length++] = (byte)(buffer >> bits);
                buffer &= (1 << bits) - 1;
            }
        }

        if (length == 0)
        {
            throw new FormatException("The TOTP secret is empty.");
        }

        return output.AsSpan(0, length).ToArray();
    }
}
