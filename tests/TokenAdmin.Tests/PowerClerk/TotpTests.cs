using System;
using System.Text;
using TokenAdmin.Core.PowerClerk;
using Xunit;

namespace TokenAdmin.Tests.PowerClerk;

/// <summary>RFC 6238 Appendix B (SHA-1 seed "12345678901234567890"), and base32 seeds as apps show them.</summary>
public sealed class TotpTests
{
    private static readonly byte[] RfcSeed = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Known_answers_from_RFC_6238_appendix_B(long unixTime, string eightDigits)
    {
        var step = Totp.StepOf(DateTimeOffset.FromUnixTimeSeconds(unixTime));

        Assert.Equal(eightDigits, Totp.Code(RfcSeed, step, digits: 8));
        Assert.Equal(eightDigits[2..], Totp.Code(RfcSeed, step)); // the 6 digits apps show: the same number mod 10^6
    }

    [Fact]
    public void A_base32_seed_decodes_in_any_case_with_spaces_and_padding()
    {
        // "12345678901234567890" in base32.
        const string Base32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Assert.Equal(RfcSeed, Totp.DecodeBase32(Base32));
        Assert.Equal(RfcSeed, Totp.DecodeBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
        Assert.Equal(Encoding.ASCII.GetBytes("f"), Totp.DecodeBase32("MY======"));
    }

    [Theory]
    [InlineData("not base32 1!")]
    [InlineData("   ")]
    public void A_seed_that_is_not_base32_is_refused_without_quoting_it(string seed)
    {
        var refused = Assert.Throws<FormatException>(() => Totp.DecodeBase32(seed));
        Assert.DoesNotContain(seed.Trim().Length > 0 ? seed : "\u0000", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_are_30_seconds_from_the_epoch()
    {
        Assert.Equal(1, Totp.StepOf(DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal(2, Totp.StepOf(DateTimeOffset.FromUnixTimeSeconds(60)));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(60), Totp.StartOf(2));
    }
}
