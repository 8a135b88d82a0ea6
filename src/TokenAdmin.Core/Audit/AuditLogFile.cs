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
/// torn or interleaved, and a process killed afterwards has lost nothing it wrote. Only a regular
/// file is written (see <see cref="RegularFile"/>); a new one is readable by its owner only.
/// </summary>
public sealed class AuditLogFile
{
    private static readonly ConcurrentDictionary<string, object> Gates = new(StringComparer.Ordinal);

    /// <summary>
    /// How long a line waits for another process that holds the file. A TokenAdmin writer holds it for
    /// one write; anything longer is a foreign lock, and a pipeline must not stall seconds per item for it.
    /// </summary>
    internal static readonly TimeSpan ExclusiveWaitLimit = TimeSpan.FromMilliseconds(500);

    private readonly object _gate;
    private readonly Action<TimeSpan> _pause;
    private volatile bool _heldElsewhere;

    /// <param name="path">A full path; its folder must exist.</param>
    /// <param name="pause">Waits between tries while another process holds the file; tests pass one that does not sleep.</param>
    public AuditLogFile(string path, Action<TimeSpan>? pause = null)
    {
        Path = System.IO.Path.GetFullPath(path ?? throw new ArgumentNullException(nameof(path)));
        _gate = Gates.GetOrAdd(Path, _ => new object());
        _pause = pause ?? Thread.Sleep;
    }

    public string Path { get; }

    /// <summary>Why the path cannot be an audit log (a symbolic link, FIFO, device or folder), or null.</summary>
    public static string? Problem(string fullPath) => RegularFile.Problem(fullPath);

    /// <summary>Opens the file once, creating it: proves before any change that lines can be written.</summary>
    public void Probe()
    {
        using var stream = RegularFile.OpenToAppend(Path, FileShare.ReadWrite);
    }

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

    /// <summary>
    /// Opens the file exclusively, waiting up to <see cref="ExclusiveWaitLimit"/> for another writer. Once
    /// a wait has run out, later lines try once each until one gets through: a lock held for minutes
    /// costs each item one try, not half a second.
    /// </summary>
    private FileStream OpenExclusive()
    {
        var waited = TimeSpan.Zero;
        for (var pause = TimeSpan.FromMilliseconds(1); ; pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 50)))
        {
            try
            {
                // FileShare.None: an exclusive open on Windows, an exclusive advisory lock elsewhere.
                var stream = RegularFile.OpenToAppend(Path, FileShare.None);
                _heldElsewhere = false;
                return stream;
            }
            catch (IOException exception) when (IsSharingViolation(exception) && !_heldElsewhere)
            {
                if (waited >= ExclusiveWaitLimit)
                {
                    _heldElsewhere = true;
                    throw new IOException($"Another process has held {Path} for over {ExclusiveWaitLimit.TotalMilliseconds:0} ms.", exception);
                }

                _pause(pause); // another process is writing its line: a few milliseconds at most
                waited += pause;
            }
        }
    }

    /// <summary>The file exists and is an ordinary file that someone else holds (not refused, not missing).</summary>
    private bool IsSharingViolation(IOException exception) =>
        exception.GetType() == typeof(IOException) && File.Exists(Path) && RegularFile.Problem(Path) is null;
}
