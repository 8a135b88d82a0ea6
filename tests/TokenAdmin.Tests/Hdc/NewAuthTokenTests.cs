using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using TokenAdmin.Emulator;
using TokenAdmin.Errors;
using TokenAdmin.Hdc;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Hdc;

public sealed class NewAuthTokenTests : HdcTestContext
{
    [Fact]
    public void Creates_a_token_by_context_names_in_any_case_and_writes_the_created_token()
    {
        Connect();

        var seam = Run(new NewAuthTokenCommand { UserId = 777, Context = new[] { "readdocuments", "UploadDocuments" } });

        var created = Assert.Single(seam.OutputOf<AuthToken>());
        var record = Assert.Single(Emulator.Hdc.Tokens, t => t.UserId == 777);
        Assert.Equal(record.Token, created.Token);
        Assert.Equal(new[] { "ReadDocuments", "UploadDocuments" }, created.Context);
        Assert.Equal("Katherine Johnson", created.UserFullName);
        Assert.Equal("""{"userId":777,"context":["ReadDocuments","UploadDocuments"]}""", Emulator.Requests.Entries.Single(e => e.RouteName == "hdc.tokens.create").Body);
        Assert.Empty(seam.Errors);
    }

    [Fact]
    public void Creates_a_token_by_context_codes()
    {
        Connect();

        var created = Run(new NewAuthTokenCommand { UserId = 42, Context = new[] { "4", "1" } }).OutputOf<AuthToken>().Single();

        Assert.Equal(new[] { "ApproveChangeRequest", "AddCommentToChangeRequest" }, created.Context);
    }

    [Fact]
    public void An_unknown_context_is_an_error_naming_the_valid_ones_and_nothing_is_created()
    {
        Connect();

        var seam = Run(new NewAuthTokenCommand { UserId = 5, Context = new[] { "ReadDocuments", "Teleport" } });

        var error = Assert.Single(seam.Errors);
        Assert.Equal(HdcErrors.InvalidAuthTokenContext, error.ErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.Category);
        Assert.Contains("'Teleport'", error.DisplayMessage);
        Assert.Contains("ManageWorkOrders (5)", error.DisplayMessage);
        Assert.Equal(0, Emulator.Requests.Count("hdc.tokens.create"));
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        Connect();
        Emulator.Requests.Clear();

        var seam = WhatIf(new NewAuthTokenCommand { UserId = 5, Context = new[] { "ReadDocuments" } });

        Assert.Empty(Emulator.Requests.Entries);
        Assert.Equal($"What if: Performing the operation \"Create auth token with context ReadDocuments\" on target \"user 5 on {Emulator.HdcBaseUri}\".", Assert.Single(seam.WhatIf));
        Assert.Empty(seam.Output);
    }

    [Fact]
    public void Csv_rows_create_one_token_each_listing_only_once_before()
    {
        Connect();
        Emulator.Requests.Clear();
        var create = new NewAuthTokenCommand();
        var seam = Run(create, Piped.Into(create, (777, new[] { "ReadDocuments" }), (42, new[] { "ManageWorkOrders" })));

        Assert.Equal(new long[] { 777, 42 }, seam.OutputOf<AuthToken>().Select(t => t.UserId));
        Assert.Equal(2, Emulator.Requests.Count("hdc.tokens.create"));
        Assert.Equal(3, Emulator.Requests.Count("hdc.tokens.list")); // one before, one after each create
    }

    [Fact]
    public void A_user_the_service_does_not_know_is_an_InvalidRequest_with_the_services_reason()
    {
        Connect();

        var seam = Run(new NewAuthTokenCommand { UserId = 999999, Context = new[] { "ReadDocuments" } });

        var error = Assert.Single(seam.Errors);
        Assert.Equal(ErrorIds.InvalidRequest, error.ErrorId);
        Assert.Contains("INVALID_USER", error.DisplayMessage);
        Assert.Equal("user 999999", error.TargetObject);
    }

    [Fact]
    public void A_reader_account_gets_PermissionDenied()
    {
        Connect(DemoCredentials.HdcReaderUserName, DemoCredentials.HdcReaderPassword);

        var error = Assert.Single(Run(new NewAuthTokenCommand { UserId = 5, Context = new[] { "ReadDocuments" } }).Errors);

        Assert.Equal(ErrorIds.PermissionDenied, error.ErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.Category);
    }

    [Fact]
    public void When_the_listing_does_not_show_the_new_token_a_warning_says_how_to_find_it()
    {
        Connect();
        var create = new NewAuthTokenCommand();
        var rows = Piped.Into(create, (777, new[] { "ReadDocuments" }), (777, new[] { "ReadDocuments" }));

        // Before the second create, the service's listing lags: it answers with the tokens as they are now.
        var seam = Run(create, rows, beforeRecord: i =>
        {
            if (i == 1)
            {
                Emulator.Faults.Enqueue("hdc.tokens.list", FaultStep.Status(200, body: ListingJson()));
            }
        });

        Assert.Single(seam.OutputOf<AuthToken>());
        var warning = Assert.Single(seam.Warnings);
        Assert.Contains("does not list it yet", warning);
        Assert.Contains("Get-AuthToken -UserId 777 -Context ReadDocuments", warning);
        Assert.Equal(2, Emulator.Hdc.Tokens.Count(t => t.UserId == 777));
    }

    [Fact]
    public void When_another_client_creates_a_look_alike_at_the_same_time_a_warning_explains_it()
    {
        Connect();
        var create = new NewAuthTokenCommand();
        var rows = Piped.Into(create, (777, new[] { "ReadDocuments" }), (777, new[] { "ReadDocuments" }));

        var seam = Run(create, rows, beforeRecord: i =>
        {
            if (i == 1)
            {
                Emulator.Hdc.AddToken(777, "ReadDocuments"); // someone else, between our listings
            }
        });

        Assert.Single(seam.OutputOf<AuthToken>());
        Assert.Contains("2 new tokens with the same contexts", Assert.Single(seam.Warnings));
    }

    [Fact]
    public void A_create_that_times_out_at_the_gateway_is_not_repeated()
    {
        Connect();
        Emulator.Faults.Enqueue("hdc.tokens.create", FaultStep.Status(504));

        var seam = Run(new NewAuthTokenCommand { UserId = 5, Context = new[] { "ReadDocuments" } });

        Assert.Equal(ErrorIds.ServiceUnavailable, Assert.Single(seam.Errors).ErrorId);
        Assert.Contains("not repeated", seam.Errors[0].DisplayMessage);
        Assert.Equal(1, Emulator.Requests.Count("hdc.tokens.create"));
    }

    private string ListingJson() => JsonSerializer.Serialize(new
    {
        list = Emulator.Hdc.Tokens.Select(t => new
        {
            context = t.Contexts.Select(c => new { name = c.Name, code = c.Code }),
            userId = t.UserId,
            token = t.Token,
        }),
    });
}
