using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text.Json;
using System.Threading;

namespace TokenAdmin.Core.Audit;

/// <summary>
/// A JSON-lines audit file. Each entry is one line, written with one write call while the file is
/// held exclusively (by this process's threads and runspaces through a lock per path, by other
/// processes through an exclusive open), and flushed before the call returns: lines are never
/// torn or interleaved, and a process killed afterwards has lost nothing it wrote.
/// </summary>
public sealed class AuditLogFile
{
    private static readonly ConcurrentDictionary<string, object> Gates = new(StringComparer.Ordinal);

    /// <summary>How long a write waits for another process that holds the file.</summary>
    internal static readonly TimeSpan ExclusiveWaitLimit = TimeSpan.FromSeconds(10);

    private readonly object _gate;

    /// <param name="path">A full path; its folder must exist.</param>
    public AuditLogFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));
        _gate = Gates.GetOrAdd(Path, _ => new object());
    }

    public string Path { get; }

    /// <summary>Appends the entry as one line. Throws IOException or UnauthorizedAccessException when the file cannot be written.</summary>
    public void Append(AuditEntry entry)
    {
        var line = Serialize(entry);
        lock (_gate)
        {
            using var stream = OpenExclusive();
            stream.Write(line);
            stream.Flush();
        }
    }

    /// <summary>The entry's JSON line, newline included. Camel-case names; nulls kept, so every line has every field.</summary>
    internal static byte[] Serialize(AuditEntry entry)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", entry.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("service", entry.Service);
            json.WriteString("baseUrl", entry.BaseUrl);
            json.WriteString("identity", entry.Identity);
            json.WriteString("command", entry.Command);
            json.WriteString("operation", entry.Operation);
            json.WriteString("targetType", entry.TargetType);
            json.WriteString("target", entry.Target);
            json.WriteString("owner", entry.Owner);
            json.WriteString("outcome", entry.Outcome);
            json.WriteString("errorId", entry.ErrorId);
            json.WriteNumber("attempts", entry.Attempts);
            json.WriteString("requestId", entry.RequestId);
            json.WriteString("version", entry.Version);
            json.WriteEndObject();
        }

        var line = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(line);
        line[^1] = (byte)'\n';
        return line;
    }

    private FileStream OpenExclusive()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        for (var pause = 1; ; pause = Math.Min(pause * 2, 50))
        {
            try
            {
                // FileShare.None: an exclusive open on Windows, an exclusive advisory lock elsewhere.
                return new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 1);
            }
            catch (IOException) when (File.Exists(Path) && waited.Elapsed < ExclusiveWaitLimit)
            {
                Thread.Sleep(pause); // another process is writing its line: a few milliseconds at most
            }
        }
    }
}
