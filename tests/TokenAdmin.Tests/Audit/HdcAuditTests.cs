using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TokenAdmin.Core.Audit;
using TokenAdmin.Core.Text;
using TokenAdmin.Emulator;
using TokenAdmin.Errors;
using TokenAdmin.Hdc;
using TokenAdmin.Tests.Support;
using Xunit;

namespace TokenAdmin.Tests.Audit;

/// <summary>The audit log of HDC changes, through the cmdlet classes against the emulator.</summary>
public sealed class HdcAuditTests : HdcTestContext, IDisposable
{
    private const string DeleteRoute = "hdc.tokens.delete";
    private readonly string _directory = Directory.CreateTempSubdirectory("tokenadmin-audit-").FullName;

    private string LogPath => Path.Combine(_directory, "audit.jsonl");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void AuditTo(bool includeWhatIf = false) => Auditing.Set(new AuditLogFile(LogPath), includeWhatIf);

    private List<JsonElement> Lines() => File.Exists(LogPath)
        ? File.ReadAllLines(LogPath).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList()
        : [];

    private void AssertNoTokenValueOrSecret(IEnumerable<string> tokenValues)
    {
        var text = File.ReadAllText(LogPath);
        foreach (var secret in tokenValues.Concat(DemoSecrets))
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_removal_is_one_line_with_its_outcome_attempts_and_request_id()
    {
        Connect();
        AuditTo();
        var tokens = TokenValues.Take(3).ToArray();
        const string bogus = "ffffffffffffffffffffffffffffffffffffffff";
        Emulator.Faults.Enqueue(DeleteRoute, FaultStep.Status(503)); // the first delete is retried once

        var seam = Run(new RemoveAuthTokenCommand { Token = [.. tokens, bogus], ThrottleLimit = 1, UserId = 5 });

        Assert.Single(seam.Errors);
        var lines = Lines();
        Assert.Equal(4, lines.Count);
        Assert.All(lines, line =>
        {
            Assert.Equal("Hdc", line.GetProperty("service").GetString());
            Assert.Equal(Emulator.HdcBaseUri.AbsoluteUri, line.GetProperty("baseUrl").GetString());
            Assert.Equal(DemoCredentials.HdcAdminUserName, line.GetProperty("identity").GetString());
            Assert.Equal("Remove-AuthToken", line.GetProperty("command").GetString());
            Assert.Equal("Remove auth token", line.GetProperty("operation").GetString());
            Assert.Equal("AuthToken", line.GetProperty("targetType").GetString());
            Assert.Equal("5", line.GetProperty("owner").GetString());
            Assert.False(string.IsNullOrEmpty(line.GetProperty("requestId").GetString()));
            Assert.Equal(typeof(AuditEntry).Assembly.GetName().Version!.ToString(3), line.GetProperty("version").GetString());
            Assert.EndsWith("Z", line.GetProperty("time").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal([.. tokens.Select(TokenFingerprint.Of), TokenFingerprint.Of(bogus)], lines.Select(l => l.GetProperty("target").GetString()));
        Assert.Equal(["done", "done", "done", "failed"], lines.Select(l => l.GetProperty("outcome").GetString()));
        Assert.Equal([2, 1, 1, 1], lines.Select(l => l.GetProperty("attempts").GetInt32()));
        Assert.Equal(HdcErrors.AuthTokenNotFound, lines[3].GetProperty("errorId").GetString());
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("errorId").ValueKind);
        AssertNoTokenValueOrSecret([.. tokens, bogus]);
    }

    [Fact]
    public void Refused_credentials_log_the_failure_and_every_item_not_attempted()
    {
        Connect();
        AuditTo();
        var tokens = TokenValues;
        Emulator.Faults.Enqueue(DeleteRoute, FaultStep.Status(401));

        var seam = Run(new RemoveAuthTokenCommand { Token = [.. tokens], ThrottleLimit = 1 });

        Assert.Equal(ErrorIds.AuthenticationFailed, seam.Terminating?.ErrorId);
        var lines = Lines();
        Assert.Equal(tokens.Select(TokenFingerprint.Of), lines.Select(l => l.GetProperty("target").GetString()));
        Assert.Equal(["failed", "not attempted", "not attempted", "not attempted"], lines.Select(l => l.GetProperty("outcome").GetString()));
        Assert.Equal(ErrorIds.AuthenticationFailed, lines[0].GetProperty("errorId").GetString());
        Assert.Equal([1, 0, 0, 0], lines.Select(l => l.GetProperty("attempts").GetInt32()));
    }

    /// <summary>A log whose folder is removed after Set-TokenAdminAuditLog: every later line is lost.</summary>
    private void AuditToALogThatGoesAway(bool strict)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory, "gone")).FullName;
        Auditing.Set(new AuditLogFile(Path.Combine(folder, "audit.jsonl")), includeWhatIf: false, strict);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_change_whose_line_is_lost_is_an_error_naming_it_and_the_run_goes_on()
    {
        Connect();
        var tokens = TokenValues.Take(3).ToArray();
        AuditToALogThatGoesAway(strict: false);

        var seam = Run(new RemoveAuthTokenCommand { Token = tokens, ThrottleLimit = 1, PassThruPresent = true });

        Assert.Null(seam.Terminating);
        Assert.Equal(3, seam.Output.Count); // the changes happened and are reported
        Assert.Single(Emulator.Hdc.Tokens);
        Assert.All(seam.Errors, e => Assert.Equal(ErrorIds.AuditLineNotWritten, e.ErrorId));
        Assert.Equal(tokens.Select(TokenFingerprint.Of), seam.Errors.Select(e => e.TargetObject));
        Assert.All(seam.Errors, e => Assert.Contains("'Remove auth token ", e.DisplayMessage, StringComparison.Ordinal));
        Assert.All(seam.Errors, e => Assert.Contains("(done)", e.DisplayMessage, StringComparison.Ordinal));
        Assert.Empty(seam.Warnings);
    }

    [Fact]
    public void A_strict_log_that_loses_a_line_stops_before_the_next_change_in_this_command_and_every_later_one()
    {
        Connect();
        var tokens = TokenValues.Take(3).ToArray();
        AuditToALogThatGoesAway(strict: true);

        var seam = Run(new RemoveAuthTokenCommand { Token = tokens, ThrottleLimit = 1, PassThruPresent = true });

        Assert.Equal(ErrorIds.AuditLogStopped, seam.Terminating?.ErrorId);
        Assert.Single(seam.Output); // the first removal, whose line was lost
        Assert.Equal(ErrorIds.AuditLineNotWritten, Assert.Single(seam.Errors).ErrorId);
        Assert.Equal(2, seam.Terminating!.NotAttempted.Count);
        Assert.Equal(3, Emulator.Hdc.Tokens.Count);

        var later = Run(new NewAuthTokenCommand { UserId = 42, Context = ["ReadDocuments"] });
        Assert.Equal(ErrorIds.AuditLogStopped, later.Terminating?.ErrorId);
        Assert.Equal(3, Emulator.Hdc.Tokens.Count);

        AuditTo(); // set again: changes go on
        Assert.Null(Run(new NewAuthTokenCommand { UserId = 42, Context = ["ReadDocuments"] }).Terminating);
        Assert.Equal(4, Emulator.Hdc.Tokens.Count);
    }

    [Fact]
    public void WhatIf_writes_would_lines_only_when_asked()
    {
        Connect();
        var tokens = TokenValues;
        AuditTo();

        WhatIf(new RemoveAuthTokenCommand { Token = [.. tokens] });

        Assert.Empty(Lines());
        AuditTo(includeWhatIf: true);

        WhatIf(new RemoveAuthTokenCommand { Token = [.. tokens] });

        var lines = Lines();
        Assert.Equal(tokens.Count, lines.Count);
        Assert.All(lines, l => Assert.Equal("would", l.GetProperty("outcome").GetString()));
        Assert.All(lines, l => Assert.Equal(0, l.GetProperty("attempts").GetInt32()));
        Assert.Equal(4, Emulator.Hdc.Tokens.Count);
    }

    [Fact]
    public void Create_and_update_are_logged_with_the_token_fingerprint_and_its_user()
    {
        Connect();
        AuditTo();

        var created = Run(new NewAuthTokenCommand { UserId = 42, Context = ["ReadDocuments"] }).OutputOf<AuthToken>().Single();
        Run(new SetAuthTokenCommand { Token = created.Token, Context = ["UploadDocuments"] });

        var lines = Lines();
        Assert.Equal(2, lines.Count);
        Assert.Equal(["New-AuthToken", "Set-AuthToken"], lines.Select(l => l.GetProperty("command").GetString()));
        Assert.Equal("Create auth token with context ReadDocuments", lines[0].GetProperty("operation").GetString());
        Assert.All(lines, l => Assert.Equal(created.Fingerprint, l.GetProperty("target").GetString()));
        Assert.All(lines, l => Assert.Equal("42", l.GetProperty("owner").GetString()));
        Assert.All(lines, l => Assert.Equal("done", l.GetProperty("outcome").GetString()));
        Assert.All(lines, l => Assert.Equal(1, l.GetProperty("attempts").GetInt32()));
        AssertNoTokenValueOrSecret(TokenValues);
    }

    [Fact]
    public void Nothing_is_written_while_auditing_is_off()
    {
        Connect();

        Run(new RemoveAuthTokenCommand { Token = [.. TokenValues] });

        Assert.False(File.Exists(LogPath));
    }
}
