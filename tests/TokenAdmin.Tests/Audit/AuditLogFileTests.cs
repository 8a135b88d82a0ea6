using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TokenAdmin.Core.Audit;
using Xunit;

namespace TokenAdmin.Tests.Audit;

public sealed class AuditLogFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tokenadmin-audit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static AuditEntry Entry(string target, string outcome = AuditOutcome.Done) => new()
    {
        Time = new DateTimeOffset(2026, 12, 2, 8, 30, 15, 123, TimeSpan.FromHours(2)),
        Service = "Hdc",
        BaseUrl = "https://tenant.bim.cloud/hdc/",
        Identity = "admin@example.com",
        Command = "Remove-AuthToken",
        Operation = "Remove auth token",
        TargetType = "AuthToken",
        Target = target,
        Outcome = outcome,
        Attempts = 2,
        RequestId = "req-1",
        Version = "0.1.0",
    };

    [Fact]
    public void A_line_has_every_field_in_UTC_ISO_time_and_keeps_nulls()
    {
        var line = System.Text.Encoding.UTF8.GetString(AuditLogFile.Serialize(Entry("178d18b9ff51")));

        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line[..^1]);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(
            ["time", "service", "baseUrl", "identity", "command", "operation", "targetType", "target", "owner", "outcome", "errorId", "attempts", "requestId", "version"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-12-02T06:30:15.123Z", root.GetProperty("time").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("owner").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("errorId").ValueKind);
        Assert.Equal(2, root.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Many_writers_on_many_threads_never_tear_or_interleave_a_line()
    {
        var path = Path.Combine(_directory, "audit.jsonl");
        // Two instances for one path, as two runspaces each with their own setting would have.
        var files = new[] { new AuditLogFile(path), new AuditLogFile(Path.Combine(_directory, ".", "audit.jsonl")) };

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(() =>
        {
            for (var i = 0; i < 250; i++)
            {
                files[writer % 2].Append(Entry($"w{writer}-{i}-" + new string('x', 200 + (i % 7) * 300)));
            }
        })));

        var lines = File.ReadAllLines(path);
        Assert.Equal(2000, lines.Length);
        var targets = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("target").GetString()!.Split('-')[..2]).Select(p => string.Join('-', p)).ToHashSet();
        Assert.Equal(2000, targets.Count);
    }

    [Fact]
    public async Task Waits_while_another_process_holds_the_file_then_appends_after_its_line()
    {
        var path = Path.Combine(_directory, "audit.jsonl");
        Task append;
        // What another TokenAdmin process does while it writes a line: hold the file exclusively.
        using (var other = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None))
        {
            append = Task.Run(() => new AuditLogFile(path).Append(Entry("mine")));
            Assert.False(append.Wait(TimeSpan.FromMilliseconds(300)), "the line was written while another process held the file");
            other.Write("{\"theirs\":true}\n"u8);
        }

        await append;
        var lines = File.ReadAllLines(path);
        Assert.Equal("{\"theirs\":true}", lines[0]);
        Assert.Equal("mine", JsonDocument.Parse(lines[1]).RootElement.GetProperty("target").GetString());
    }

    [Fact]
    public void Appends_to_what_is_there()
    {
        var path = Path.Combine(_directory, "audit.jsonl");
        File.WriteAllText(path, "{\"earlier\":true}\n");

        new AuditLogFile(path).Append(Entry("a"));

        var lines = File.ReadAllLines(path);
        Assert.Equal(2, lines.Length);
        Assert.Equal("{\"earlier\":true}", lines[0]);
    }
}
