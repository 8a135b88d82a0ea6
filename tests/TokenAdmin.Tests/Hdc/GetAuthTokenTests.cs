using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TokenAdmin.Emulator;
using TokenAdmin.Errors;
using TokenAdmin.Hdc;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Hdc;

public sealed class GetAuthTokenTests : HdcTestContext
{
    [Fact]
    public void Lists_every_token_as_typed_objects_that_carry_their_connection()
    {
        var connection = Connect();

        var tokens = Run(new GetAuthTokenCommand()).OutputOf<AuthToken>().ToList();

        Assert.Equal(4, tokens.Count);
        var ada = Assert.Single(tokens, t => t.UserId == 12345);
        var record = Emulator.Hdc.Tokens.Single(t => t.UserId == 12345);
        Assert.Equal("Ada Lovelace", ada.UserFullName);
        Assert.Equal(new[] { "AddCommentToChangeRequest" }, ada.Context);
        Assert.Equal(new[] { 1 }, ada.ContextCode);
        Assert.Equal(record.Token, ada.Token);
        Assert.Equal(record.LastUpdate.ToUnixTimeMilliseconds(), ada.LastUpdate?.ToUnixTimeMilliseconds()); // [assume] epoch ms on the wire
        Assert.Matches("^[0-9a-f]{12}$", ada.Fingerprint);
        Assert.Same(connection, ada.Connection);
        Assert.DoesNotContain(record.Token, ada.ToString());
    }

    [Fact]
    public void Filters_by_user_id()
    {
        Connect();

        var tokens = Run(new GetAuthTokenCommand { UserId = new[] { 5L } }).OutputOf<AuthToken>().ToList();

        Assert.Equal(2, tokens.Count);
        Assert.All(tokens, t => Assert.Equal(5, t.UserId));
    }

    [Theory]
    [InlineData("ReadDocuments", new long[] { 5, 42 })]
    [InlineData("read*", new long[] { 5, 42 })]
    [InlineData("*Change*", new long[] { 12345 })]
    [InlineData("5", new long[] { 5 })] // a code
    [InlineData("NoSuchContext", new long[0])]
    public void Filters_by_context_name_wildcard_or_code(string context, long[] users)
    {
        Connect();

        var tokens = Run(new GetAuthTokenCommand { Context = new[] { context } }).OutputOf<AuthToken>();

        Assert.Equal(users, tokens.Select(t => t.UserId).OrderBy(u => u).ToArray());
    }

    [Fact]
    public void Several_piped_user_ids_cost_one_listing()
    {
        Connect();
        Emulator.Requests.Clear();
        var get = new GetAuthTokenCommand();
        var tokens = Run(get, Piped.Into(get, 5, 42)).OutputOf<AuthToken>().ToList();

        Assert.Equal(new long[] { 5, 5, 42 }, tokens.Select(t => t.UserId).OrderBy(u => u));
        Assert.Equal(1, Emulator.Requests.Count("hdc.tokens.list"));
    }

    [Fact]
    public void Without_a_connection_it_terminates_with_NotConnected_and_sends_nothing()
    {
        var seam = Run(new GetAuthTokenCommand());

        Assert.Equal(ErrorIds.NotConnected, seam.Terminating?.ErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, seam.Terminating!.Category);
        Assert.Contains("Connect-AuthTokenService", seam.Terminating.DisplayMessage);
        Assert.Empty(Emulator.Requests.Entries);
    }

    [Fact]
    public void An_explicit_connection_wins_over_the_current_one()
    {
        var first = Connect();
        var reader = Connect(DemoCredentials.HdcReaderUserName, DemoCredentials.HdcReaderPassword);
        Emulator.Requests.Clear();

        Run(new GetAuthTokenCommand { Connection = first });

        Assert.Same(reader, Store.Current<HdcConnection>(TokenAdminService.Hdc));
        Assert.Equal("Basic", Emulator.Requests.Entries.Single().AuthScheme);
        Assert.All(Run(new GetAuthTokenCommand { Connection = first }).OutputOf<AuthToken>(), t => Assert.Same(first, t.Connection));
    }

    [Fact]
    public void A_service_error_is_written_with_its_error_id()
    {
        Connect();
        Emulator.Faults.Enqueue("hdc.tokens.list", FaultStep.Status(500));

        var seam = Run(new GetAuthTokenCommand());

        var error = Assert.Single(seam.Errors);
        Assert.Equal(ErrorIds.ServiceError, error.ErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.Category);
        Assert.Contains("INTERNAL_ERROR", error.DisplayMessage);
    }

    [Fact]
    public void A_body_that_is_not_a_token_list_is_an_UnexpectedResponse()
    {
        Connect();
        Emulator.Faults.Enqueue("hdc.tokens.list", FaultStep.Status(200, body: "<html>login page</html>", contentType: "text/html"));

        var seam = Run(new GetAuthTokenCommand());

        Assert.Equal(ErrorIds.UnexpectedResponse, Assert.Single(seam.Errors).ErrorId);
    }
}

public sealed class GetAuthTokenContextTests : HdcTestContext
{
    [Fact]
    public void Lists_every_context_by_code()
    {
        Connect();

        var contexts = Run(new GetAuthTokenContextCommand()).OutputOf<AuthTokenContext>().ToList();

        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, contexts.Select(c => c.Code));
        Assert.Equal("AddCommentToChangeRequest", contexts[0].Name);
        Assert.Equal("AddCommentToChangeRequest", contexts[0].ToString());
    }

    [Fact]
    public void Names_take_wildcards_and_an_unknown_exact_name_is_an_error()
    {
        Connect();

        var seam = Run(new GetAuthTokenContextCommand { Name = new[] { "*Documents", "NoSuchContext", "nomatch*" } });

        Assert.Equal(new[] { "ReadDocuments", "UploadDocuments" }, seam.OutputOf<AuthTokenContext>().Select(c => c.Name));
        var error = Assert.Single(seam.Errors);
        Assert.Equal(HdcErrors.AuthTokenContextNotFound, error.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal("NoSuchContext", error.TargetObject);
    }

    [Fact]
    public void Names_bind_from_the_pipeline_by_value_with_one_request()
    {
        Connect();
        Emulator.Requests.Clear();

        var contexts = new GetAuthTokenContextCommand();
        var seam = Run(contexts, Piped.Into(contexts, "ReadDocuments", "Manage*"));

        Assert.Equal(new[] { "ReadDocuments", "ManageWorkOrders" }, seam.OutputOf<AuthTokenContext>().Select(c => c.Name));
        Assert.Equal(1, Emulator.Requests.Count("hdc.contexts.list"));
    }
}
