using System;
using System.Collections.Generic;
using System.Linq;
using TokenAdmin.Core.Hdc;
using TokenAdmin.Core.Text;
using Xunit;

namespace TokenAdmin.Tests.Hdc;

/// <summary>HDC protocol pieces that need no server: reading listings, finding a created token, resolving contexts.</summary>
public class HdcProtocolTests
{
    private static readonly IReadOnlyList<HdcContext> Contexts = new[]
    {
        new HdcContext(1, "AddCommentToChangeRequest"), new HdcContext(2, "ReadDocuments"), new HdcContext(3, "UploadDocuments"),
    };

    [Fact]
    public void Reads_the_documented_listing()
    {
        var tokens = ReadTokens("""{"list":[{"context":[{"name":"ReadDocuments","code":2}],"userId":12345,"userFullName":"Ada","token":"abc","lastUpdate":1795000000000}]}""");

        var token = Assert.Single(tokens);
        Assert.Equal(12345, token.UserId);
        Assert.Equal("Ada", token.UserFullName);
        Assert.Equal(new HdcContext(2, "ReadDocuments"), Assert.Single(token.Contexts));
        Assert.Equal("abc", token.Token);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795000000000), token.LastUpdate);
    }

    [Theory]
    [InlineData("""{"LIST":[{"Context":["ReadDocuments"],"UserId":"7","Token":"t"}]}""", 7, "ReadDocuments", 0)]
    [InlineData("""{"list":[{"contextAsCodesArray":[2],"userId":7,"token":"t","lastUpdate":"2026-11-22T10:00:00Z"}]}""", 7, "", 2)]
    public void Tolerates_other_spellings_of_the_same_data(string json, long userId, string contextName, int code)
    {
        var token = Assert.Single(ReadTokens(json));
        Assert.Equal(userId, token.UserId);
        Assert.Equal(new HdcContext(code, contextName), Assert.Single(token.Contexts));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("<html/>")]
    [InlineData("""{"items":[]}""")]
    [InlineData("""{"list":[{"userId":1}]}""")]
    [InlineData("""{"list":[{"token":"t"}]}""")]
    public void Refuses_what_is_not_a_token_listing(string json) =>
        Assert.Throws<FormatException>(() => ReadTokens(json));

    /// <summary>The listing as the client reads it: streamed, here from memory.</summary>
    private static IReadOnlyList<HdcTokenInfo> ReadTokens(string json)
    {
        var tokens = new List<HdcTokenInfo>();
        using var body = new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        HdcJson.ReadTokensAsync(body, (batch, _) =>
        {
            tokens.AddRange(batch);
            return default;
        }, HdcProtocol.MaxListedTokens, default).GetAwaiter().GetResult();
        return tokens;
    }

    [Fact]
    public void Request_bodies_are_as_documented()
    {
        Assert.Equal("""{"userId":5,"context":["ReadDocuments","UploadDocuments"]}""", HdcJson.CreateBody(5, new[] { "ReadDocuments", "UploadDocuments" }));
        Assert.Equal("""{"token":"t","userId":5,"context":["ReadDocuments"]}""", HdcJson.UpdateBody("t", 5, new[] { "ReadDocuments" }));
        Assert.Equal("""{"token":"t\u0022x"}""", HdcJson.DeleteBody("t\"x"));
    }

    [Fact]
    public void The_created_token_is_the_new_one_of_that_user_with_exactly_those_contexts()
    {
        var before = new HashSet<string> { "old" };
        var after = new[]
        {
            Token("old", 5, "ReadDocuments"),
            Token("other-user", 6, "ReadDocuments"),
            Token("more-contexts", 5, "ReadDocuments", "UploadDocuments"),
            Token("mine", 5, "ReadDocuments"),
        };

        var creation = HdcCreation.Find(before, after, 5, new[] { "ReadDocuments" });

        Assert.Equal("mine", creation.Token?.Token);
        Assert.Equal(1, creation.Candidates);
        Assert.Same(after, creation.ListingAfter);
    }

    [Fact]
    public void Look_alikes_make_the_created_token_ambiguous_and_absence_is_reported_as_zero()
    {
        var after = new[] { Token("a", 5, "ReadDocuments"), Token("b", 5, "ReadDocuments") };

        Assert.Equal(2, HdcCreation.Find(new HashSet<string>(), after, 5, new[] { "ReadDocuments" }).Candidates);
        Assert.Null(HdcCreation.Find(new HashSet<string>(), after, 5, new[] { "ReadDocuments" }).Token);
        Assert.Equal(0, HdcCreation.Find(new HashSet<string> { "a", "b" }, after, 5, new[] { "ReadDocuments" }).Candidates);
    }

    [Fact]
    public void Contexts_resolve_from_exact_names_other_cases_and_codes_without_duplicates()
    {
        var resolution = HdcContextResolver.Resolve(Contexts, new[] { "readdocuments", "3", " ReadDocuments ", "Nope", "99" });

        Assert.Equal(new[] { "ReadDocuments", "UploadDocuments" }, resolution.Names);
        Assert.Equal(new[] { "Nope", "99" }, resolution.Unknown);
        Assert.Equal("AddCommentToChangeRequest (1), ReadDocuments (2), UploadDocuments (3)", HdcContextResolver.Describe(Contexts.Reverse()));
    }

    [Theory]
    [InlineData("Read*", "ReadDocuments", true)]
    [InlineData("read*", "ReadDocuments", true)]
    [InlineData("*Docs", "ReadDocuments", false)]
    [InlineData("?eadDocuments", "ReadDocuments", true)]
    [InlineData("[RU]*Documents", "UploadDocuments", true)]
    [InlineData("[a-c]*", "UploadDocuments", false)]
    [InlineData("Read`*", "Read*", true)]
    [InlineData("Read`*", "ReadDocuments", false)]
    [InlineData("a.b", "axb", false)]
    public void Wildcards_match_as_in_PowerShell(string pattern, string value, bool expected) =>
        Assert.Equal(expected, new WildcardMatcher(pattern).IsMatch(value));

    [Fact]
    public void A_fingerprint_is_short_stable_and_one_way()
    {
        var fingerprint = TokenFingerprint.Of("0123456789abcdef0123456789abcdef01234567");
        Assert.Matches("^[0-9a-f]{12}$", fingerprint);
        Assert.Equal(fingerprint, TokenFingerprint.Of("0123456789abcdef0123456789abcdef01234567"));
        Assert.NotEqual(fingerprint, TokenFingerprint.Of("0123456789abcdef0123456789abcdef01234568"));
    }

    private static HdcTokenInfo Token(string value, long userId, params string[] contexts) =>
        new(userId, null, contexts.Select(c => new HdcContext(0, c)).ToList(), value, null);
}
