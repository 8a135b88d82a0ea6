using System;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Xunit;
using TokenAdmin.Emulator.Tests;

namespace TokenAdmin.Emulator.Tests.PowerClerk;

/// <summary>The emulator's PowerClerk contract over raw HTTP: every request needs all its parts; create takes only a TOTP.</summary>
public sealed class PowerClerkContractTests : EmulatorTestBase
{
    private const string Path = "powerclerk/Accounts/MfaSessionTokens";

    [Fact]
    public async Task Create_answers_201_with_the_token_and_a_second_create_replaces_it_and_takes_no_MST()
    {
        using var created = await SendAsync(HttpMethod.Post, Path, totp: Code(0));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadAsStringAsync();
        Assert.Contains("CreateMfaSessionTokenResponse", body, StringComparison.Ordinal);
        var first = Assert.Single(Host.PowerClerk.SessionTokens);

        using var withMst = await SendAsync(HttpMethod.Post, Path, mst: first.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, withMst.StatusCode);
        Assert.Contains("INVALID_MFA", await withMst.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var replayed = await SendAsync(HttpMethod.Post, Path, totp: Code(0));
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(first.TokenId, Assert.Single(Host.PowerClerk.SessionTokens).TokenId);
    }

    [Theory]
    [InlineData("wrong", "pc-demo-api-key-6c1f0e9a4b7d42d8a3e5", "INVALID_CREDENTIALS")]
    [InlineData(PowerClerkDemo.MfaPassword, "wrong", "INVALID_API_KEY")]
    [InlineData(PowerClerkDemo.MfaPassword, PowerClerkDemo.ApiKey, "MFA_REQUIRED")]
    public async Task Every_part_is_checked_and_named(string password, string apiKey, string code)
    {
        using var refused = await SendAsync(HttpMethod.Delete, Path + "/RXKVCEZTR0GN", password: password, apiKey: apiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains(code, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_MST_can_be_the_factor_of_its_own_deletion()
    {
        using var created = await SendAsync(HttpMethod.Post, Path, totp: Code(0));
        var token = Assert.Single(Host.PowerClerk.SessionTokens);

        using var deleted = await SendAsync(HttpMethod.Delete, $"{Path}/{token.TokenId}", mst: token.Token);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(Host.PowerClerk.SessionTokens);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? totp = null, string? mst = null,
        string password = PowerClerkDemo.MfaPassword, string apiKey = PowerClerkDemo.ApiKey)
    {
        using var request = new HttpRequestMessage(method, new Uri(Host.BaseAddress, path));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{PowerClerkDemo.MfaUserName}:{password}")));
        request.Headers.Add("X-ApiKey", apiKey);
        if (totp is not null)
        {
            request.Headers.Add("X-MfaTotp", totp);
        }

        if (mst is not null)
        {
            request.Headers.Add("X-MfaSessionToken", mst);
        }

        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent("<CreateMfaSessionTokenRequest ExpiresAfterMinutes=\"5\" />", Encoding.UTF8, "application/xml");
        }

        return await Client.SendAsync(request, Timeout);
    }

    /// <summary>An independent RFC 6238 code (as the user's app makes it) for the current step plus <paramref name="offset"/>.</summary>
    private static string Code(int offset)
    {
        var seed = Base32(PowerClerkDemo.MfaTotpSecret);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + offset;
        var counter = BitConverter.GetBytes(step);
        Array.Reverse(counter);
        var hash = HMACSHA1.HashData(seed, counter);
        var o = hash[^1] & 0xF;
        var value = ((hash[o] & 0x7F) << 24) | (hash[o + 1] << 16) | (hash[o + 2] << 8) | hash[o + 3];
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new System.Collections.Generic.List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return bytes.ToArray();
    }
}
