using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace TokenAdmin.Emulator.Tests.Hdc;

public sealed class HdcStateTests
{
    [Fact]
    public void The_seed_has_the_documented_contexts_users_and_tokens()
    {
        var state = new HdcState();

        Assert.Equal(
            [new HdcContext(1, "AddCommentToChangeRequest"), new HdcContext(2, "ReadDocuments"), new HdcContext(3, "UploadDocuments"),
             new HdcContext(4, "ApproveChangeRequest"), new HdcContext(5, "ManageWorkOrders")],
            state.Contexts);
        Assert.Equal(
            [new HdcDirectoryUser(5, "Grace Hopper"), new HdcDirectoryUser(42, "Alan Turing"),
             new HdcDirectoryUser(12345, "Ada Lovelace"), new HdcDirectoryUser(777, "Katherine Johnson")],
            state.Users);
        Assert.Equal(
            ["12345:1", "5:2,3", "5:5", "42:2"],
            state.Tokens.Select(token => $"{token.UserId}:{string.Join(",", token.Contexts.Select(context => context.Code))}"));
        Assert.All(state.Tokens, token => Assert.Matches("^[0-9a-f]{40}$", token.Token));
        Assert.Equal(4, state.Tokens.Select(token => token.Token).Distinct().Count());
    }

    [Fact]
    public void Additional_tokens_for_load_tests_belong_to_user_777_and_come_back_on_reset()
    {
        var state = new HdcState(additionalTokens: 3);
        var first = state.Tokens.Skip(4).Select(token => token.Token).ToArray();

        state.Reset();

        Assert.Equal(7, state.Tokens.Count);
        Assert.All(state.Tokens.Skip(4), token => Assert.Equal("777:2", $"{token.UserId}:{string.Join(",", token.Contexts.Select(context => context.Code))}"));
        Assert.Empty(first.Intersect(state.Tokens.Select(token => token.Token)));
    }

    [Fact]
    public void Tests_can_arrange_users_and_tokens()
    {
        var state = new HdcState();

        state.AddUser(1, "Margaret Hamilton");
        var token = state.AddToken(1, "ReadDocuments");

        Assert.Same(token, state.FindToken(token.Token));
        Assert.Equal("Margaret Hamilton", state.Users[^1].FullName);
        Assert.Throws<ArgumentException>(() => state.AddToken(2, "ReadDocuments"));
        Assert.Throws<ArgumentException>(() => state.AddToken(1, "readdocuments"));
        Assert.Throws<ArgumentException>(() => state.AddUser(1, "Duplicate"));
    }

    [Fact]
    public void Snapshots_do_not_change_under_the_reader()
    {
        var state = new HdcState();
        var snapshot = state.Tokens;

        state.AddToken(777, "ReadDocuments");

        Assert.Equal(4, snapshot.Count);
        Assert.Equal(5, state.Tokens.Count);
    }

    [Fact]
    public async Task Concurrent_changes_are_all_kept()
    {
        var state = new HdcState();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                state.AddToken(42, "ReadDocuments");
            }
        })));

        Assert.Equal(804, state.Tokens.Count);
        Assert.Equal(804, state.Tokens.Select(token => token.Token).Distinct().Count());
    }
}
