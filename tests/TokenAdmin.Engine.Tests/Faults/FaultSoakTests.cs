using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using TokenAdmin.Emulator;
using TokenAdmin.Engine.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace TokenAdmin.Engine.Tests.Faults;

/// <summary>
/// A bounded fault soak: a bulk Remove-AuthToken in the real engine while the service answers
/// 429/503 with Retry-After, resets before and after applying, and 200 with a login page. Every
/// count printed must be 0. TOKENADMIN_SOAK_COUNT makes it larger (build.ps1 Soak -Count N).
/// </summary>
public sealed class FaultSoakTests(ITestOutputHelper output) : EngineTest
{
    private const string DeleteRoute = "hdc.tokens.delete";

    /// <summary>
    /// Requests already on the wire when a 429 is sent may be journaled just after it (a busy server is late
    /// to read them); they did not ignore it. An early leave shows at a window's END, which this does not mask.
    /// </summary>
    private static readonly TimeSpan InFlightGrace = TimeSpan.FromMilliseconds(400);

    [Fact]
    public void Bulk_removal_under_faults_loses_nothing_and_reports_nothing_false()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("TOKENADMIN_SOAK_COUNT"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 300;
        while (Emulator.Hdc.Tokens.Count < count)
        {
            Emulator.Hdc.AddToken(Emulator.Hdc.Tokens.Count % 2 == 0 ? 5 : 42, "ReadDocuments");
        }

        Emulator.Faults.Enqueue(DeleteRoute, FaultPlan(count, new Random(20261201)));
        ConnectHdc();

        var result = Shell.Run("""
            $tokens = (Get-AuthToken).Token
            Remove-AuthToken -Token $tokens -Confirm:$false -PassThru -ThrottleLimit 8 -ErrorVariable failed -ErrorAction SilentlyContinue |
                ForEach-Object { [pscustomobject]@{ Fingerprint = $_.Fingerprint; Outcome = 'done' } }
            $failed | ForEach-Object {
                $outcome = if ($_.Exception.OutcomeUnknown) { 'unknown' } else { $_.FullyQualifiedErrorId.Split(',')[0] }
                [pscustomobject]@{ Fingerprint = "$($_.TargetObject)"; Outcome = $outcome }
            }
            """);
        Assert.Null(result.Terminating);

        var soak = Measure(result.Output.Select(o => ((string)o.Properties["Fingerprint"].Value, (string)o.Properties["Outcome"].Value)).ToList(), count);
        output.WriteLine(soak.ToString());
        Assert.True(soak.AllZero, soak.ToString());
    }

    /// <summary>A seeded mix of every fault kind over the first three quarters of the run.</summary>
    private static FaultStep[] FaultPlan(int count, Random random)
    {
        var steps = new List<FaultStep>();
        var retryAfters = Math.Max(2, count / 150);
        for (var i = 0; i < count * 3 / 4; i++)
        {
            var roll = random.Next(100);
            steps.Add(roll switch
            {
                < 4 => FaultStep.Abort(),
                < 8 => FaultStep.AbortAfterApplying(),
                < 10 => FaultStep.Status(200, body: "<html><head><title>Sign in</title></head></html>", contentType: "text/html"),
                < 12 => FaultStep.Status(502),
                < 13 when retryAfters-- > 0 => FaultStep.Status(random.Next(2) == 0 ? 429 : 503, "1"),
                _ => FaultStep.Pass(),
            });
        }

        return steps.ToArray();
    }

    private SoakResult Measure(IReadOnlyList<(string Fingerprint, string Outcome)> reported, int count)
    {
        var deletes = Emulator.Requests.Entries.Where(e => e.RouteName == DeleteRoute).ToList();
        var remaining = Emulator.Hdc.Tokens.Select(t => Fingerprint.Of(t.Token)).ToHashSet();
        var outcomes = reported.GroupBy(r => r.Fingerprint).ToDictionary(g => g.Key, g => g.Select(r => r.Outcome).ToList());

        var lost = count - outcomes.Count + outcomes.Count(o => o.Value.Count > 1);
        // An error that says the outcome is unknown ("the service may have done it") is not a false failure.
        var falseFailures = outcomes.Count(o => o.Value.Any(v => v is not ("done" or "unknown")) && !remaining.Contains(o.Key));
        var falseSuccesses = outcomes.Count(o => o.Value.Contains("done") && remaining.Contains(o.Key));
        var duplicated = deletes.Where(e => e.StatusCode == 204 && e.Body is not null)
            .GroupBy(e => JsonDocument.Parse(e.Body!).RootElement.GetProperty("token").GetString()).Count(g => g.Count() > 1);

        var windows = deletes.Where(e => e.Fault is { } f && f.Contains(':', StringComparison.Ordinal) && e.CompletedAt is not null)
            .Select(e => (From: e.CompletedAt!.Value + InFlightGrace, To: e.CompletedAt!.Value + TimeSpan.FromSeconds(int.Parse(e.Fault!.Split(':')[1], CultureInfo.InvariantCulture))))
            .ToList();
        var insideWindows = Emulator.Requests.Entries.Count(e => windows.Any(w => e.ArrivedAt > w.From && e.ArrivedAt < w.To));
        var unknown = outcomes.Count(o => o.Value.Contains("unknown"));
        return new SoakResult(count, deletes.Count, lost, falseFailures, falseSuccesses, insideWindows, duplicated,
            outcomes.Count(o => o.Value.Contains("done")), outcomes.Count(o => !o.Value.Contains("done")), unknown);
    }

    private sealed record SoakResult(int Items, int Requests, int Lost, int FalseFailures, int FalseSuccesses, int InsideRetryAfterWindows,
        int DuplicatedEffects, int Done, int Failed, int SaidUnknown)
    {
        public bool AllZero => Lost == 0 && FalseFailures == 0 && FalseSuccesses == 0 && InsideRetryAfterWindows == 0 && DuplicatedEffects == 0;

        public override string ToString() =>
            $"soak: {Items} items, {Requests} requests, {Done} done, {Failed} failed ({SaidUnknown} saying their outcome is unknown) | lost {Lost}, false failures {FalseFailures}, " +
            $"false successes {FalseSuccesses}, requests inside a Retry-After window {InsideRetryAfterWindows}, duplicated effects {DuplicatedEffects}";
    }
}
