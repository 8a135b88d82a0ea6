using System.Collections.Generic;
using System.Linq;
using TokenAdmin.Commands;
using TokenAdmin.Connections;
using TokenAdmin.Emulator;
using TokenAdmin.Hdc;
using TokenAdmin.Items;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Hdc;

/// <summary>
/// Every HDC command, with -Verbose and -Debug on, through success and failure: no password,
/// access token or token value reaches any stream, error, target or object rendering.
/// </summary>
public sealed class HdcSecretsTests : HdcTestContext
{
    [Fact]
    public void No_secret_reaches_any_output_of_any_command()
    {
        var everything = new List<RecordingSeam>();
        var connect = new RecordingSeam();
        Run(ConnectCommand(connect), seam: connect);
        everything.Add(connect);
        everything.Add(Run(BearerConnectCommand()));
        var wrong = new RecordingSeam();
        everything.Add(Run(ConnectCommand(wrong, password: "Not-The-Passw0rd-42"), seam: wrong));
        Connect();
        var valuesBefore = TokenValues;

        var tokens = Run(new GetAuthTokenCommand());
        everything.Add(tokens);
        everything.Add(Run(new GetAuthTokenContextCommand()));
        var created = Run(new NewAuthTokenCommand { UserId = 777, Context = new[] { "ReadDocuments" } });
        everything.Add(created);
        var set = new SetAuthTokenCommand { Context = new[] { "UploadDocuments" }, PassThruPresent = true };
        everything.Add(Run(set, Piped.Into(set, created.OutputOf<AuthToken>(), contextsFromCommandLine: true)));
        var preview = new RemoveAuthTokenCommand();
        everything.Add(WhatIf(preview, Piped.Into(preview, tokens.Output)));
        Emulator.Faults.Enqueue("hdc.tokens.delete", FaultStep.Status(429, "1"), FaultStep.Status(500, body: $$"""{"errorCode":"X","message":"cannot delete {{valuesBefore[0]}}"}"""));
        var remove = new RemoveAuthTokenCommand { ThrottleLimit = 2, PassThruPresent = true };
        everything.Add(Run(remove, Piped.Into(remove, tokens.Output.Append("ffffffffffffffffffffffffffffffffffffffff"))));
        everything.Add(Run(new GetTokenAdminConnectionCommand()));

        var secrets = DemoSecrets.Concat(valuesBefore).Concat(TokenValues).Append("Not-The-Passw0rd-42")
            .Concat(created.OutputOf<AuthToken>().Select(t => t.Token)).Distinct().ToList();
        Assert.True(everything.Sum(s => s.Debug.Count) > 10, "debug output was exercised");
        Assert.Contains(everything, s => s.Errors.Count > 0);
        foreach (var seam in everything)
        {
            AssertNoSecrets(seam, secrets);
        }

    }
}
