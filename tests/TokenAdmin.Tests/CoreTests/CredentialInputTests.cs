using System;
using System.Threading.Tasks;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Core.Text;
using Xunit;

namespace TokenAdmin.Tests.CoreTests;

/// <summary>Secrets as users really pass them (read from files, pasted) and what messages may echo of input.</summary>
public sealed class CredentialInputTests
{
    private const string Token = "HdcAdm-70aa2e925ff653811de5e71597df609f";

    [Theory]
    [InlineData(Token + "\n")]
    [InlineData(Token + "\r\n")]
    [InlineData("  " + Token + "\t")]
    public async Task A_bearer_token_with_surrounding_whitespace_is_sent_trimmed(string read)
    {
        var authenticator = new BearerAuthenticator(SecretText.Protect(read));
        var request = ServiceRequest.Create(System.Net.Http.HttpMethod.Get, "x", "read").ToOutgoing();

        await authenticator.AuthenticateAsync(request, default);

        Assert.Equal("Bearer " + Token, request.Headers["Authorization"]);
    }

    [Fact]
    public void A_secret_is_revealed_whole_past_a_NUL()
    {
        using var secret = SecretText.Protect("ab\u0000cd");
        Assert.Equal("ab\u0000cd", SecretText.Reveal(secret));
    }

    [Theory]
    [InlineData("HdcAdm-70aa2e92\n5ff653811de5e71597df609f")]
    [InlineData("HdcAdm-70aa2e92 5ff653811de5e71597df609f")]
    [InlineData("HdcAdm-70aa2e92é5ff653811de5e71597df609f")]
    [InlineData(" \r\n ")]
    [InlineData("HdcAdm-70aa2e92\u00005ff653811de5e71597df609f")] // a NUL would end the text NetworkCredential reveals
    [InlineData("HdcAdm-70aa2e925ff653811de5e71597df609f\u0000")]
    public void A_bearer_token_a_header_cannot_carry_is_refused_without_echoing_it(string bad)
    {
        var refused = Assert.Throws<ServiceException>(() => new BearerAuthenticator(SecretText.Protect(bad)));

        Assert.Equal(ServiceFailure.InvalidCredential, refused.Failure);
        Assert.DoesNotContain("70aa2e92", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Echoed_input_is_one_short_line()
    {
        var echoed = EchoedText.Of(new string('Q', 10_240) + "\r\nmore");

        Assert.True(echoed.Length < EchoedText.MaxLength + 40, echoed);
        Assert.Contains("10,246 characters", echoed, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", echoed, StringComparison.Ordinal);
        Assert.Equal("short one", EchoedText.Of("short\tone"));
    }
}
