using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TokenAdmin.Engine.Tests.Support;
using TokenAdmin.Tests.Matrix;
using Xunit;

namespace TokenAdmin.Tests.Matrix
{
    /// <summary>
    /// A mutating route as the engine matrix drives it, in PowerShell: <see cref="Arrange"/> connects and
    /// prepares (returning the script's arguments), <see cref="Act"/> is the command, <see cref="Applied"/>
    /// reads the emulator. The faults are the xunit matrix's own table (MatrixFaults.cs, compiled into both).
    /// </summary>
    internal sealed record MatrixRoute(string Name, string Command, string EmulatorRoute, string AuditOperation, Wire Wire, bool Idempotent,
        Func<EngineTest, object?[]> Arrange, string Act, Func<EmulatorHost, object?[], bool> Applied)
    {
        public bool SendsBody { get; init; } = true;

        public int AuditLines { get; init; } = 1;

        public override string ToString() => Name;
    }
}

namespace TokenAdmin.Engine.Tests.Matrix
{
    /// <summary>
    /// The route x fault matrix in the real engine: every mutating route against every fault that
    /// answers at once (the ones that wait are the xunit matrix's, on virtual time). Each cell checks the
    /// outcome against the emulator and the audit line, then renders everything a user or a log sees, as
    /// PowerShell renders it: every stream, a transcript, Get-Error and Format-List * -Force of each error
    /// and its exception, the output objects, the audit file and the emulator's journal; no secret of the connection, in any form
    /// a hostile service may echo it, is in any of them.
    /// </summary>
    public sealed class EngineRouteFaultMatrix : EngineTest
    {
        private const string Credential = "[pscredential]::new($args[0], (ConvertTo-SecureString $args[1] -AsPlainText -Force))";

        private static readonly MatrixRoute[] Routes =
        [
            new("HDC create", "New-AuthToken", HdcRouteNames.CreateToken, "Create auth token", Wire.HdcJson, false,
                t => { t.ConnectHdc(); return [t.Emulator.Hdc.Tokens.Count(x => x.UserId == 42)]; }, "New-AuthToken -UserId 42 -Context ReadDocuments -Confirm:$false",
                (e, a) => e.Hdc.Tokens.Count(x => x.UserId == 42) > (int)a[0]!),
            new("HDC update", "Set-AuthToken", HdcRouteNames.UpdateToken, "Set context", Wire.HdcJson, true,
                t => { t.ConnectHdc(); return [t.Emulator.Hdc.AddToken(42, "ReadDocuments").Token]; },
                "Set-AuthToken -Token $a[0] -UserId 42 -Context UploadDocuments -PassThru -Confirm:$false",
                (e, a) => e.Hdc.FindToken((string)a[0]!)?.Contexts.Select(c => c.Name).SequenceEqual(["UploadDocuments"]) == true),
            new("HDC remove", "Remove-AuthToken", HdcRouteNames.DeleteToken, "Remove auth token", Wire.HdcJson, true,
                t => { t.ConnectHdc(); return [t.Emulator.Hdc.AddToken(42, "ReadDocuments").Token]; },
                "Remove-AuthToken -Token $a[0] -PassThru -Confirm:$false", (e, a) => e.Hdc.FindToken((string)a[0]!) is null),
            new("SecurID delete", "Remove-SecurIdHardwareToken", SecurIdRouteNames.DeleteToken, "Delete hardware token", Wire.SecurIdJson, true,
                t => { t.ConnectSecurId(); return []; },
                "Remove-SecurIdHardwareToken -SerialNumber '000123456789' -PassThru -Confirm:$false", (e, _) => e.SecurId.Find("000123456789") is null),
            new("PowerClerk MST create", "New-MfaSessionToken", PowerClerkRouteNames.CreateSessionToken, "Create MFA session token", Wire.PowerClerkXml, false,
                t => { t.ConnectPowerClerk(); return []; }, "New-MfaSessionToken -ExpiresAfterMinutes 30 -Confirm:$false",
                (e, _) => e.PowerClerk.SessionTokens.Count > 0),
            new("PowerClerk MST delete", "Remove-MfaSessionToken", PowerClerkRouteNames.DeleteSessionToken, "Remove MFA session token", Wire.PowerClerkXml, true,
                t =>
                {
                    t.ConnectPowerClerk();
                    return [t.Shell.RunClean("(New-MfaSessionToken -ExpiresAfterMinutes 30 -Confirm:$false).TokenId").Output.Single().BaseObject];
                },
                "Remove-MfaSessionToken -TokenId $a[0] -PassThru -Confirm:$false", (e, a) => e.PowerClerk.SessionTokens.All(x => x.TokenId != (string)a[0]!))
            { SendsBody = false },
            new("apstrata generate", "New-ApstrataToken", ApstrataRouteNames.VerifyCredentials, "Create token", Wire.ApstrataJson, false,
                t =>
                {
                    t.Shell.RunClean($"Connect-Apstrata -AuthKey $args[2] -BaseUri $args[3] -Credential ({Credential})",
                        ApstrataDemo.UserLogin, ApstrataDemo.UserPassword, ApstrataDemo.AuthKey, t.Emulator.ApstrataBaseUri);
                    return [];
                },
                "New-ApstrataToken -Confirm:$false", (e, _) => e.Apstrata.Tokens.Count > 0),
            new("apstrata renew", "New-ApstrataToken", ApstrataRouteNames.VerifyCredentials, "Renew token", Wire.ApstrataJson, false,
                t => [t.ConnectApstrataToken()], "New-ApstrataToken -Renew -Confirm:$false", (e, a) => e.Apstrata.Tokens.Any(x => x.Value != (string)a[0]!)),
            new("apstrata self-delete", "Remove-ApstrataToken", ApstrataRouteNames.DeleteToken, "Remove token", Wire.ApstrataJson, true,
                t => [t.ConnectApstrataToken()], "Remove-ApstrataToken -PassThru -Confirm:$false", (e, a) => e.Apstrata.Tokens.All(x => x.Value != (string)a[0]!)),
            new("apstrata owner delete", "Remove-ApstrataToken", ApstrataRouteNames.DeleteToken, "Remove tokens", Wire.ApstrataJson, true,
                t =>
                {
                    t.Emulator.Apstrata.Generate(ApstrataDemo.UserLogin, TimeSpan.FromMinutes(30), TimeSpan.FromHours(2));
                    t.Emulator.Apstrata.Generate(ApstrataDemo.OtherLogin, TimeSpan.FromMinutes(30), TimeSpan.FromHours(2));
                    t.Shell.RunClean("Connect-Apstrata -AuthKey $args[0] -BaseUri $args[1] -Secret (ConvertTo-SecureString $args[2] -AsPlainText -Force)",
                        ApstrataDemo.AuthKey, t.Emulator.ApstrataBaseUri, ApstrataDemo.OwnerSecret);
                    return [];
                },
                $"Remove-ApstrataToken -UserLogin '{ApstrataDemo.UserLogin}', '{ApstrataDemo.OtherLogin}' -PassThru -Confirm:$false", (e, _) => e.Apstrata.Tokens.Count == 0)
            { AuditLines = 2 },
        ];

        /// <summary>Runs the route's command and renders every error as Get-Error and Format-List do (the route's cells share one transcript).</summary>
        private const string ActScript = """
            param($audit) # $a, the route's arguments, is a variable: a transcript logs a script's parameters
            Set-TokenAdminAuditLog -Path $audit
            $failed = @()
            $fatal = $null
            try {
                $out = @({act} -ErrorVariable +failed)
                $out | Format-List * -Force | Out-Host
                $out | Out-Host
            }
            catch { $fatal = $_ }
            # -ErrorVariable holds a terminating error as the exception that carries its record.
            $all = @(@($failed) + @($fatal | Where-Object { $_ }) | ForEach-Object { if ($_ -is [System.Management.Automation.IContainsErrorRecord]) { $_.ErrorRecord } else { $_ } })
            foreach ($record in $all) {
                $record | Out-Host
                $record | Get-Error | Out-Host # the record, its exception's every property, its invocation
                $record.Exception | Format-List * -Force | Out-Host
            }
            Set-TokenAdminAuditLog -Disable
            $first = @($all | Select-Object -First 1)
            [pscustomobject]@{
                Results = $out.Count
                ErrorId = if ($first) { ($first[0].FullyQualifiedErrorId -split ',')[0] } else { $null }
                Unknown = [bool]($first -and $first[0].Exception.PSObject.Properties['OutcomeUnknown'] -and $first[0].Exception.OutcomeUnknown)
            }
            """;

        public static IEnumerable<object[]> RouteNames => Routes.Select(r => new object[] { r.Name });

        [Theory]
        [MemberData(nameof(RouteNames))]
        public void Every_fault_that_answers_at_once(string routeName)
        {
            var route = Routes.Single(r => r.Name == routeName);
            var failures = new List<string>();
            var secrets = new List<string>();
            var transcript = Path.Combine(Scratch, "transcript.txt");
            Shell.RunClean("$null = Start-Transcript -LiteralPath $args[0] -UseMinimalHeader", transcript); // one for all cells: stopping one takes 0.1 s
            foreach (var fault in MatrixFault.All.Where(f => !f.Waits && f.AppliesTo(route)))
            {
                try
                {
                    RunCell(route, fault, secrets);
                }
                catch (Exception ex) when (ex is Xunit.Sdk.XunitException or InvalidOperationException)
                {
                    failures.Add($"{route} x {fault}: {ex.Message}");
                }
            }

            Shell.RunClean("$null = Stop-Transcript");
            try
            {
                AssertNoSecretInAnyForm(File.ReadAllText(transcript), secrets, $"{route}, in the transcript of all its cells");
            }
            catch (Xunit.Sdk.XunitException ex)
            {
                failures.Add(ex.Message);
            }

            Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        }

        [Fact]
        public void Every_state_changing_cmdlet_and_emulator_route_has_a_row()
        {
            var changing = Shell.RunClean("Get-Command -Module TokenAdmin -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('WhatIf') } | ForEach-Object Name")
                .Output.Select(o => (string)o.BaseObject).Except(MatrixScope.LocalCommands).ToList();
            Assert.NotEmpty(changing);
            Assert.Empty(changing.Except(Routes.Select(r => r.Command)));
            var covered = Routes.Select(r => r.EmulatorRoute).Concat(MatrixScope.NotChanges.Keys).ToHashSet();
            Assert.All(EmulatorHost.RouteNames, r => Assert.Contains(r, covered));
        }

        private void RunCell(MatrixRoute route, MatrixFault fault, List<string> secrets)
        {
            Emulator.Reset();
            Shell.RunClean("Disconnect-TokenAdmin");
            var arguments = route.Arrange(this);
            var dynamic = DynamicSecrets().ToList();
            var audit = Path.Combine(Scratch, "audit.jsonl");
            File.Delete(audit);
            Emulator.Faults.Enqueue(route.EmulatorRoute, fault.Steps(route));

            var hostLines = Shell.Host.Lines.Count;
            Shell.SetVariable("a", arguments);
            var result = Shell.Run(ActScript.Replace("{act}", route.Act, StringComparison.Ordinal), audit);

            Assert.True(result.Terminating is null, $"the cell's script itself failed: {result.Terminating?.Message}");
            dynamic.AddRange(DynamicSecrets());
            secrets.AddRange(dynamic);
            Assert.True(result.Output.Count > 0, $"the cell's script wrote nothing: {string.Join("; ", result.Errors.Select(e => e + " at " + e.ScriptStackTrace + " " + e.InvocationInfo?.PositionMessage))}");
            var summary = result.Output.Last();
            var errorId = (string?)summary.Properties["ErrorId"].Value;
            var done = errorId is null && (int)summary.Properties["Results"].Value >= route.AuditLines;
            var unknown = (bool)summary.Properties["Unknown"].Value;
            var reported = done ? Expected.Done : unknown ? Expected.Unknown : Expected.Failed;
            var applied = route.Applied(Emulator, arguments);
            var said = $"reported {reported} ({errorId}), the emulator {(applied ? "made" : "did not make")} the change";
            Assert.True(fault.Expect(route) == reported, $"{said}; expected {fault.Expect(route)}");
            Assert.True(done == applied, $"{said}");

            var lines = File.Exists(audit) ? File.ReadAllLines(audit).Select(l => JsonDocument.Parse(l).RootElement).ToList() : [];
            var change = lines.Where(l => l.GetProperty("operation").GetString()!.StartsWith(route.AuditOperation, StringComparison.Ordinal)).ToList();
            Assert.True(change.Count == route.AuditLines, $"{said}; audit: {string.Join(" | ", lines)}");
            Assert.All(change, l => Assert.Equal(done ? "done" : unknown ? "unknown" : "failed", l.GetProperty("outcome").GetString()));
            Assert.All(change, l => Assert.Equal(errorId, l.TryGetProperty("errorId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null));

            var text = string.Join("\n", result.AllText(), string.Join("\n", Shell.Host.Lines.Skip(hostLines)), File.Exists(audit) ? File.ReadAllText(audit) : "", Journal());
            AssertNoSecretInAnyForm(text, dynamic, said);
        }

        [Fact]
        public void The_journal_of_every_route_the_module_sends_holds_no_credential()
        {
            var journaled = new List<string>();
            var secrets = new List<string>();
            var text = new System.Text.StringBuilder();
            void Collect()
            {
                secrets.AddRange(DynamicSecrets());
                text.AppendLine(Journal());
                journaled.AddRange(Emulator.Requests.Entries.Select(e => e.RouteName).OfType<string>());
            }

            foreach (var route in Routes)
            {
                Emulator.Reset();
                Shell.RunClean("Disconnect-TokenAdmin");
                Shell.SetVariable("a", route.Arrange(this));
                Shell.RunClean(route.Act);
                Collect();
            }

            Emulator.Reset();
            ConnectHdc();
            ConnectSecurId();
            Shell.RunClean("$null = Get-AuthToken -UserId 42; $null = Get-AuthTokenContext; $null = Get-SecurIdHardwareToken -SerialNumber '000123456789'");
            Collect();

            var unsent = MatrixScope.NotChanges.Where(r => r.Value == "no TokenAdmin command sends it").Select(r => r.Key); // their only credential is the Authorization header, never journaled
            Assert.Empty(EmulatorHost.RouteNames.Except(unsent).Except(journaled));
            AssertNoSecretInAnyForm(text.ToString(), secrets, "the journal (GET /_emulator/requests)");
        }

        /// <summary>The journal as a script reads it: GET /_emulator/requests.</summary>
        private string Journal()
        {
            using var client = new System.Net.Http.HttpClient(new System.Net.Http.SocketsHttpHandler { UseProxy = false });
            return client.GetStringAsync(new Uri(Emulator.AdminUri + "/requests")).GetAwaiter().GetResult();
        }

        private IEnumerable<string> DynamicSecrets() =>
            Emulator.Hdc.Tokens.Select(t => t.Token)
                .Concat(Emulator.PowerClerk.SessionTokens.Select(t => t.Token))
                .Concat(Emulator.Apstrata.Tokens.Select(t => t.Value));

        /// <summary>JWTs (made per request) begin "eyJ"; apstrata signatures are upper-case hex of 32 or 40 digits.</summary>
        private static readonly Regex MadePerRequest = new(@"eyJ[A-Za-z0-9_-]{10,}|(?<![0-9A-Fa-f])(?=[0-9A-F]*[A-F])(?=[0-9A-F]*[0-9])[0-9A-F]{32,40}(?![0-9A-Fa-f])", RegexOptions.CultureInvariant);

        private void AssertNoSecretInAnyForm(string text, IEnumerable<string> dynamic, string said)
        {
            var basic = (string user, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
            var secrets = Secrets().Concat(dynamic).Concat(
            [
                basic(DemoCredentials.HdcAdminUserName, DemoCredentials.HdcAdminPassword), basic(PowerClerkDemo.MfaUserName, PowerClerkDemo.MfaPassword),
                PowerClerkDemo.MfaPassword, PowerClerkDemo.ApiKey, PowerClerkDemo.MfaTotpSecret,
                ApstrataDemo.OwnerSecret, ApstrataDemo.UserPassword, ApstrataDemo.OtherPassword,
                Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(ApstrataDemo.UserPassword))),
            ]).Distinct();
            foreach (var secret in secrets)
            {
                var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)).TrimEnd('=');
                foreach (var form in new[] { secret, Uri.EscapeDataString(secret), WebUtility.UrlEncode(secret), WebUtility.HtmlEncode(secret) })
                {
                    Assert.False(text.Contains(form, StringComparison.OrdinalIgnoreCase), $"{said}: a secret ({secret[..4]}…) is shown:\n{text}");
                }

                Assert.False(text.Contains(base64, StringComparison.Ordinal), $"{said}: a secret ({secret[..4]}…) is shown in base64:\n{text}");
            }

            Assert.False(MadePerRequest.IsMatch(text), $"{said}: a JWT or signature ({MadePerRequest.Match(text).Value}) is shown:\n{text}");
        }
    }
}
