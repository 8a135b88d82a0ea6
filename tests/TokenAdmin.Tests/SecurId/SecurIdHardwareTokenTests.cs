using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using TokenAdmin.Emulator;
using TokenAdmin.Errors;
using TokenAdmin.SecurId;
using TokenAdmin.Tests.Support;
using SecurIdErrors = TokenAdmin.SecurId.SecurIdErrors;
using Xunit;

namespace TokenAdmin.Tests.SecurId;

public sealed class SecurIdHardwareTokenTests : SecurIdTestContext
{
    private const string DeleteRoute = "securid.tokens.delete";
    private const string LookupRoute = "securid.tokens.lookup";

    [Fact]
    public void Lookup_writes_typed_tokens_with_dates()
    {
        var connection = Connect();

        var token = Run(new GetSecurIdHardwareTokenCommand { SerialNumber = new[] { "000123456789" } }).OutputOf<SecurIdHardwareToken>().Single();

        Assert.Equal("000123456789", token.SerialNumber);
        Assert.Equal("SecurID 700", token.DeviceType);
        Assert.Equal("Enabled", token.Status);
        Assert.Equal("jdoe", token.UserId);
        Assert.Equal("admin@demo", token.AssignedBy);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.Zero), token.AssignedAt);
        Assert.Equal(new DateTimeOffset(2024, 11, 4, 8, 15, 0, TimeSpan.Zero), token.RegisteredDate);
        Assert.Equal(new DateTimeOffset(2029, 10, 31, 0, 0, 0, TimeSpan.Zero), token.ExpiryDate);
        Assert.Null(token.StatusChangedAt);
        Assert.Equal("John's token", token.Name);
        Assert.True(token.PinSet);
        Assert.Same(connection, token.Connection);
        Assert.Equal("""{"tokenSerialNumber":"000123456789"}""", Emulator.Requests.Entries.Single().Body);
        Assert.Equal("Bearer", Emulator.Requests.Entries.Single().AuthScheme); // the emulator verified the JWT's signature, aud and times
    }

    [Fact]
    public void An_unknown_serial_is_SecurIdTokenNotFound_and_the_others_are_still_written()
    {
        Connect();

        var get = new GetSecurIdHardwareTokenCommand();
        var seam = Run(get, Piped.Into(get, "000123456790", "999999999999", "000987654321"));

        Assert.Equal(new[] { "000123456790", "000987654321" }, seam.OutputOf<SecurIdHardwareToken>().Select(t => t.SerialNumber));
        var error = Assert.Single(seam.Errors);
        Assert.Equal(SecurIdErrors.SecurIdTokenNotFound, error.ErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        Assert.Equal("999999999999", error.TargetObject);
    }

    [Fact]
    public void A_serial_longer_than_36_characters_is_refused_before_sending()
    {
        Connect();

        var seam = Run(new GetSecurIdHardwareTokenCommand { SerialNumber = new[] { new string('1', 37) } });

        Assert.Equal(ErrorIds.InvalidArgument, Assert.Single(seam.Errors).ErrorId);
        Assert.Empty(Emulator.Requests.Entries);
    }

    [Fact]
    public void Lookup_then_delete_pipes_by_property_name()
    {
        Connect();
        var tokens = Run(new GetSecurIdHardwareTokenCommand { SerialNumber = new[] { "000200000001", "000200000002" } }).Output;

        var remove = new RemoveSecurIdHardwareTokenCommand();
        var seam = Run(remove, Piped.Into(remove, tokens));

        Assert.Empty(seam.Errors);
        Assert.Null(Emulator.SecurId.Find("000200000001"));
        Assert.Null(Emulator.SecurId.Find("000200000002"));
        // The two deletes are in flight at once: either may arrive first.
        Assert.Equal(["""{"tokenSerialNumber":"000200000001"}""", """{"tokenSerialNumber":"000200000002"}"""],
            Emulator.Requests.Entries.Where(e => e.RouteName == DeleteRoute).Select(e => e.Body).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        Connect();

        var remove = new RemoveSecurIdHardwareTokenCommand();
        var seam = WhatIf(remove, Piped.Into(remove, new object[] { "000123456789", "000123456790" }));

        Assert.Empty(Emulator.Requests.Entries);
        Assert.Equal(8, Emulator.SecurId.Tokens.Count);
        Assert.Equal("What if: Performing the operation \"Delete hardware token\" on target \"SecurID token 000123456789 (TokenAdmin Demo)\".", seam.WhatIf[0]);
    }

    [Fact]
    public void PassThru_writes_a_typed_result_per_deleted_token()
    {
        Connect();

        var seam = Run(new RemoveSecurIdHardwareTokenCommand { SerialNumber = new[] { "000123456789" }, PassThruPresent = true });

        var result = Assert.Single(seam.OutputOf<SecurIdTokenRemovalResult>());
        Assert.Equal("000123456789", result.SerialNumber);
        Assert.Equal("jdoe", result.UserId);
        Assert.Equal("TokenAdmin Demo", result.CustomerName);
        Assert.Equal(Clock.UtcNow, result.RemovedAt);
    }

    [Fact]
    public void A_help_desk_key_may_look_up_but_not_delete_and_is_told_what_key_it_needs()
    {
        Connect(HelpDeskKeyFile);

        var lookup = Run(new GetSecurIdHardwareTokenCommand { SerialNumber = new[] { "000123456789" } });
        var remove = new RemoveSecurIdHardwareTokenCommand();
        var delete = Run(remove, Piped.Into(remove, new object[] { "000123456789", "000123456790" }));

        Assert.Single(lookup.OutputOf<SecurIdHardwareToken>());
        Assert.Equal(2, delete.Errors.Count); // one per serial: the pipeline went on
        Assert.All(delete.Errors, e =>
        {
            Assert.Equal(SecurIdErrors.SecurIdPermissionDenied, e.ErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, e.Category);
            Assert.Contains("Super Administrator", e.DisplayMessage);
        });
        Assert.Equal(new[] { "000123456789", "000123456790" }, delete.Errors.Select(e => e.TargetObject).OrderBy(t => t));
        Assert.NotNull(Emulator.SecurId.Find("000123456789"));
    }

    [Fact]
    public void An_unknown_serial_on_delete_is_SecurIdTokenNotFound_and_the_pipeline_goes_on()
    {
        Connect();

        var remove = new RemoveSecurIdHardwareTokenCommand { ThrottleLimit = 1 };
        var seam = Run(remove, Piped.Into(remove, new object[] { "000200000001", "123", "000200000002" }));

        var error = Assert.Single(seam.Errors);
        Assert.Equal(SecurIdErrors.SecurIdTokenNotFound, error.ErrorId);
        Assert.Equal("123", error.TargetObject);
        Assert.Null(Emulator.SecurId.Find("000200000002"));
    }

    [Fact]
    public void Rate_limiting_is_retried_with_the_service_wait_then_reported()
    {
        Connect(maximumRetryCount: 2);
        Emulator.Faults.Enqueue(DeleteRoute, FaultStep.Status(429, "2"), FaultStep.Status(429, "3"));

        var retried = Run(new RemoveSecurIdHardwareTokenCommand { SerialNumber = new[] { "000200000001" } });
        Emulator.Faults.Enqueue(DeleteRoute, FaultStep.Status(429), FaultStep.Status(429), FaultStep.Status(429));
        var limited = Run(new RemoveSecurIdHardwareTokenCommand { SerialNumber = new[] { "000200000002" } });

        Assert.Empty(retried.Errors);
        Assert.Null(Emulator.SecurId.Find("000200000001"));
        Assert.Equal(new[] { 2.0, 3.0 }, Clock.Delays.Take(2).Select(d => d.TotalSeconds));
        var error = Assert.Single(limited.Errors);
        Assert.Equal(ErrorIds.RateLimited, error.ErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.Category);
        Assert.Equal("000200000002", error.TargetObject);
    }

    [Theory]
    [InlineData(400, "InvalidRequest", ErrorCategory.InvalidArgument)]
    [InlineData(403, "SecurIdPermissionDenied", ErrorCategory.PermissionDenied)]
    [InlineData(404, "SecurIdTokenNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(429, "RateLimited", ErrorCategory.LimitsExceeded)]
    [InlineData(500, "ServiceError", ErrorCategory.InvalidResult)]
    public void Every_documented_lookup_status_has_its_error_id(int status, string errorId, ErrorCategory category)
    {
        Connect(maximumRetryCount: 0);
        Emulator.Faults.Enqueue(LookupRoute, FaultStep.Status(status));

        var error = Assert.Single(Run(new GetSecurIdHardwareTokenCommand { SerialNumber = new[] { "000123456789" } }).Errors);

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(category, error.Category);
        Assert.Equal("000123456789", error.TargetObject);
        Assert.Equal(status, ((TokenAdmin.Core.Http.ServiceException)error.Exception).StatusCode);
    }

    [Fact]
    public void A_500_quotes_the_services_message()
    {
        Connect();
        Emulator.Faults.Enqueue(DeleteRoute, FaultStep.Status(500));

        var error = Assert.Single(Run(new RemoveSecurIdHardwareTokenCommand { SerialNumber = new[] { "000200000005" } }).Errors);

        Assert.Equal(ErrorIds.ServiceError, error.ErrorId);
        Assert.Contains("Unable to complete service call", error.DisplayMessage);
        Assert.Equal("000200000005", error.TargetObject);
    }

    [Fact]
    public void A_JWT_the_service_refuses_is_a_403_with_advice_about_key_and_clock()
    {
        var connection = Connect();
        Clock.Advance(TimeSpan.FromHours(-2)); // the JWT in hand was issued two hours ahead of the service's clock (a fast client clock)
        Emulator.Requests.Clear();

        var error = Assert.Single(Run(new GetSecurIdHardwareTokenCommand { SerialNumber = new[] { "000123456789" }, Connection = connection }, seam: null).Errors);

        Assert.Equal(SecurIdErrors.SecurIdPermissionDenied, error.ErrorId);
        Assert.Contains("clock", error.DisplayMessage);
    }

    [Fact]
    public void A_long_run_renews_its_JWT_without_anyone_noticing()
    {
        var command = KeyFileConnect();
        command.JwtLifetimeMinutes = 5;
        var connection = Run(command).OutputOf<SecurIdConnection>().Single();

        foreach (var serial in new[] { "000123456789", "000123456790", "000987654321" })
        {
            Assert.Empty(Run(new GetSecurIdHardwareTokenCommand { SerialNumber = new[] { serial } }).Errors);
            Clock.Advance(TimeSpan.FromMinutes(4)); // past the 2.5-minute renewal point each time
        }

        Assert.Equal(3, connection.Client.Authenticator.Issuer.Minted);
    }

    [Fact]
    public void Verbose_and_debug_show_requests_but_no_key_and_no_JWT()
    {
        Connect();
        Emulator.Faults.Enqueue(LookupRoute, FaultStep.Status(503));

        var lookup = new GetSecurIdHardwareTokenCommand();
        var get = Run(lookup, Piped.Into(lookup, "000123456789", "nope"));
        var deletion = new RemoveSecurIdHardwareTokenCommand { PassThruPresent = true };
        var remove = Run(deletion, Piped.Into(deletion, new object[] { "000200000001" }));
        var denied = new RecordingSeam();
        Run(new ConnectSecurIdAdminCommand { KeyFile = HelpDeskKeyFile, Clock = Clock }, seam: denied);
        var refusal = new RemoveSecurIdHardwareTokenCommand();
        var refused = Run(refusal, Piped.Into(refusal, new object[] { "000200000002" }));

        Assert.Contains(get.Verbose, v => v.StartsWith($"HTTP POST {Emulator.SecurIdAdminRestApiUrl}/v1/sidTokens/lookup", StringComparison.Ordinal));
        Assert.Contains(get.Debug, d => d.Contains("Authorization: REDACTED", StringComparison.Ordinal));
        Assert.Contains(get.Debug, d => d.Contains("\"deviceType\":\"SecurID 700\"", StringComparison.Ordinal));
        foreach (var seam in new[] { get, remove, denied, refused })
        {
            AssertNoKeyOrJwt(seam);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Stopping_cancels_a_deletion_in_flight()
    {
        Connect();
        Emulator.Faults.Enqueue(DeleteRoute, FaultStep.Hang());
        var command = new RemoveSecurIdHardwareTokenCommand { SerialNumber = new[] { "000200000003" } };

        var running = Task.Factory.StartNew(() => Run(command), default, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await Emulator.Requests.WaitForArrivalAsync(DeleteRoute);
        command.InvokeStop();

        Assert.Empty((await running).Errors);
        Assert.True((await Emulator.Requests.WaitForCompletionAsync(DeleteRoute)).Aborted);
    }
}
