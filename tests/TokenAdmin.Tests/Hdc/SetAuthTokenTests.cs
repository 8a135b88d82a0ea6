using System.Linq;
using System.Management.Automation;
using TokenAdmin.Core.Text;
using TokenAdmin.Emulator;
using TokenAdmin.Errors;
using TokenAdmin.Hdc;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Hdc;

public sealed class SetAuthTokenTests : HdcTestContext
{
    [Fact]
    public void Piped_tokens_bind_by_property_name_and_get_the_new_contexts()
    {
        Connect();
        var userFive = Run(new GetAuthTokenCommand { UserId = new[] { 5L } }).Output;

        var set = new SetAuthTokenCommand { Context = new[] { "ApproveChangeRequest" }, PassThruPresent = true };
        var seam = Run(set, Piped.Into(set, userFive.Cast<AuthToken>(), contextsFromCommandLine: true));

        Assert.Empty(seam.Errors);
        Assert.All(Emulator.Hdc.Tokens.Where(t => t.UserId == 5), t => Assert.Equal("ApproveChangeRequest", Assert.Single(t.Contexts).Name));
        var updated = seam.OutputOf<AuthToken>().ToList();
        Assert.Equal(2, updated.Count);
        Assert.All(updated, t => Assert.Equal(new[] { "ApproveChangeRequest" }, t.Context));
        Assert.All(updated, t => Assert.Equal("Grace Hopper", t.UserFullName));
    }

    [Fact]
    public void Piping_keeps_the_tokens_contexts_when_only_the_user_changes()
    {
        Connect();
        var ada = Run(new GetAuthTokenCommand { UserId = new[] { 12345L } }).Output;

        var set = new SetAuthTokenCommand { UserId = 42 };
        Run(set, Piped.Into(set, ada.Cast<AuthToken>(), userIdFromCommandLine: true));

        var moved = Emulator.Hdc.FindToken(((AuthToken)ada[0]).Token)!;
        Assert.Equal(42, moved.UserId);
        Assert.Equal("AddCommentToChangeRequest", Assert.Single(moved.Contexts).Name);
    }

    [Fact]
    public void Without_a_user_id_the_tokens_current_user_is_kept()
    {
        Connect();
        var token = Emulator.Hdc.Tokens.First(t => t.UserId == 42).Token;

        var seam = Run(new SetAuthTokenCommand { Token = token, Context = new[] { "2", "3" } });

        Assert.Empty(seam.Errors);
        var record = Emulator.Hdc.FindToken(token)!;
        Assert.Equal(42, record.UserId);
        Assert.Equal(new[] { "ReadDocuments", "UploadDocuments" }, record.Contexts.Select(c => c.Name));
    }

    [Fact]
    public void An_unknown_token_is_AuthTokenNotFound_targeting_its_fingerprint()
    {
        Connect();
        const string missing = "0000000000000000000000000000000000000000";

        var looked = Run(new SetAuthTokenCommand { Token = missing, Context = new[] { "ReadDocuments" } });
        var refused = Run(new SetAuthTokenCommand { Token = missing, UserId = 5, Context = new[] { "ReadDocuments" } });

        foreach (var seam in new[] { looked, refused })
        {
            var error = Assert.Single(seam.Errors);
            Assert.Equal(HdcErrors.AuthTokenNotFound, error.ErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
            Assert.Equal(TokenFingerprint.Of(missing), error.TargetObject);
            AssertNoSecrets(seam, new[] { missing });
        }

        Assert.Equal(1, Emulator.Requests.Count("hdc.tokens.update")); // the lookup found nothing, so only the second sent a PUT
    }

    [Fact]
    public void An_unknown_context_sends_nothing()
    {
        Connect();
        var token = Emulator.Hdc.Tokens[0].Token;

        var seam = Run(new SetAuthTokenCommand { Token = token, UserId = 5, Context = new[] { "Nope" } });

        Assert.Equal(HdcErrors.InvalidAuthTokenContext, Assert.Single(seam.Errors).ErrorId);
        Assert.Equal(0, Emulator.Requests.Count("hdc.tokens.update"));
    }

    [Fact]
    public void WhatIf_sends_nothing_and_names_the_token_by_fingerprint()
    {
        Connect();
        var tokens = Run(new GetAuthTokenCommand()).Output;
        Emulator.Requests.Clear();

        var set = new SetAuthTokenCommand { Context = new[] { "ReadDocuments" } };
        var seam = WhatIf(set, Piped.Into(set, tokens.Cast<AuthToken>(), contextsFromCommandLine: true));

        Assert.Empty(Emulator.Requests.Entries);
        Assert.Equal(4, seam.WhatIf.Count);
        Assert.Contains(seam.WhatIf, w => w.Contains(((AuthToken)tokens[0]).Fingerprint));
        AssertNoSecrets(seam, TokenValues);
    }
}
