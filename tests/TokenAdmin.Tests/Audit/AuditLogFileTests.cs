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
    public void Waits_while_another_process_holds_the_file_then_appends_after_its_line()
    {
        var path = Path.Combine(_directory, "audit.jsonl");
        // What another TokenAdmin process does while it writes a line: hold the file exclusively.
        var other = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None);
        var pauses = 0;
        var file = new AuditLogFile(path, pause: _ =>
        {
            if (++pauses == 3)
            {
                other.Write("{\"theirs\":true}\n"u8);
                other.Dispose(); // the other writer is done
            }
        });

        file.Append(Entry("mine"));

        Assert.Equal(3, pauses);
        var lines = File.ReadAllLines(path);
        Assert.Equal("{\"theirs\":true}", lines[0]);
        Assert.Equal("mine", JsonDocument.Parse(lines[1]).RootElement.GetProperty("target").GetString());
    }

    [Fact]
    public void A_foreign_lock_costs_the_first_line_half_a_second_and_later_lines_one_try_each_until_it_is_released()
    {
        var path = Path.Combine(_directory, "audit.jsonl");
        var waited = TimeSpan.Zero;
        var file = new AuditLogFile(path, pause: pause => waited += pause);
        using (new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None))
        {
            var first = Assert.Throws<IOException>(() => file.Append(Entry("first")));
            Assert.Contains("Another process has held", first.Message, StringComparison.Ordinal);
            Assert.InRange(waited, AuditLogFile.ExclusiveWaitLimit, AuditLogFile.ExclusiveWaitLimit + TimeSpan.FromMilliseconds(50));

            var before = waited;
            for (var i = 0; i < 100; i++)
            {
                Assert.Throws<IOException>(() => file.Append(Entry($"later-{i}")));
            }

            Assert.Equal(before, waited); // a hundred items, no wait at all
        }

        file.Append(Entry("after"));
        Assert.Equal("after", JsonDocument.Parse(File.ReadAllLines(path).Single()).RootElement.GetProperty("target").GetString());
    }

    [Fact]
    public void A_new_log_is_readable_by_its_owner_only()
    {
        var path = Path.Combine(_directory, "new.jsonl");

        new AuditLogFile(path).Append(Entry("a"));

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    public static TheoryData<string> NotRegularFiles => new() { "fifo", "/dev/full", "/dev/null", "folder", "link to a log", "dangling link", "link to a folder" };

    [Theory]
    [MemberData(nameof(NotRegularFiles))]
    public void Refuses_anything_but_a_regular_file_and_never_follows_a_link(string kind)
    {
        var log = Path.Combine(_directory, "real.jsonl");
        File.WriteAllText(log, "");
        var path = kind switch
        {
            "fifo" => Path.Combine(_directory, "fifo"),
            "folder" => Directory.CreateDirectory(Path.Combine(_directory, "folder")).FullName,
            "link to a log" => File.CreateSymbolicLink(Path.Combine(_directory, "link"), log).FullName,
            "dangling link" => File.CreateSymbolicLink(Path.Combine(_directory, "dangling"), Path.Combine(_directory, "missing.jsonl")).FullName,
            "link to a folder" => Directory.CreateSymbolicLink(Path.Combine(_directory, "dirlink"), _directory).FullName,
            _ => kind,
        };
        if (kind == "fifo")
        {
            Assert.Equal(0, MakeFifo(path, 0x180));
        }

        Assert.NotNull(AuditLogFile.Problem(path));
        // Opening a FIFO for writing blocks until a reader comes: the refusal must come before any open.
        var append = Task.Run(() => Assert.ThrowsAny<IOException>(() => new AuditLogFile(path).Append(Entry("x"))));
        Assert.True(append.Wait(TimeSpan.FromMinutes(1)), "the append hangs"); // a guard against hanging the suite, not a timing assert
        append.GetAwaiter().GetResult();
        Assert.Equal("", File.ReadAllText(log));
        Assert.False(File.Exists(Path.Combine(_directory, "missing.jsonl")), "the dangling link's target was created");
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, uint mode);

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
