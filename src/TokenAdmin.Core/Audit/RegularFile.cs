using System;
using System.IO;
using System.Runtime.InteropServices;

namespace TokenAdmin.Core.Audit;

/// <summary>
/// Opens a file for appending only when it is a plain file: never through a symbolic link (a dangling
/// one would create its target), never a FIFO (opening one blocks until a reader comes), a device
/// (/dev/full swallows or refuses every line) or a folder. A new file is readable by its owner only.
/// </summary>
internal static class RegularFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const string LinkProblem = "it is a symbolic link (name the file it points to, if that is the log you mean)";

    /// <summary>Why <paramref name="fullPath"/> is not a file to append to, or null when it is one (or does not exist yet).</summary>
    public static string? Problem(string fullPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return new FileInfo(fullPath).LinkTarget is not null ? LinkProblem
                : fullPath.StartsWith(@"\\.\", StringComparison.Ordinal) || fullPath.StartsWith(@"\\?\", StringComparison.Ordinal) || Directory.Exists(fullPath)
                    ? "it is not a regular file (a device, pipe or folder)"
                    : null;
        }

        // One lstat answers it all, dangling links included (it never follows the link).
        return UnixType.Of(fullPath) switch
        {
            UnixType.Kind.Missing or UnixType.Kind.Regular => null,
            UnixType.Kind.Link => LinkProblem,
            var kind => $"it is not a regular file but a {UnixType.Describe(kind)}",
        };
    }

    /// <summary>Opens <paramref name="fullPath"/> to append, creating it (owner read/write only) when missing.</summary>
    /// <exception cref="IOException">It is not a regular file, or cannot be opened.</exception>
    public static FileStream OpenToAppend(string fullPath, FileShare share)
    {
        if (Problem(fullPath) is { } problem)
        {
            throw new IOException($"The file {fullPath} is refused: {problem}.");
        }

        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = share, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        var stream = new FileStream(fullPath, options);
        if (!OperatingSystem.IsWindows() && UnixType.Of(stream) is var kind && kind != UnixType.Kind.Regular)
        {
            stream.Dispose(); // replaced between the check and the open
            throw new IOException($"The file {fullPath} is refused: it is not a regular file but a {UnixType.Describe(kind)}.");
        }

        return stream;
    }

    /// <summary>
    /// lstat and fstat through the runtime's own native shim (System.Native, shipped with every .NET on
    /// Unix): .NET's file APIs do not tell a FIFO or a device from a file. Its FileStatus begins with
    /// two int32s, Flags then Mode, in every .NET version; the rest of the buffer is room for the fields after.
    /// </summary>
    private static class UnixType
    {
        private const int FileTypeMask = 0xF000;

        public enum Kind
        {
            Missing,
            Regular,
            Folder,
            Fifo,
            CharacterDevice,
            BlockDevice,
            Socket,
            Link,
            Other,
        }

        public static Kind Of(string path)
        {
            var status = new byte[512];
            return LStat(path, status) == 0 ? FromMode(BitConverter.ToInt32(status, 4)) : File.Exists(path) || Directory.Exists(path) ? Kind.Other : Kind.Missing;
        }

        public static Kind Of(FileStream stream)
        {
            var status = new byte[512];
            return FStat(stream.SafeFileHandle, status) == 0 ? FromMode(BitConverter.ToInt32(status, 4)) : Kind.Other;
        }

        public static string Describe(Kind kind) => kind switch
        {
            Kind.Folder => "folder",
            Kind.Fifo => "FIFO (named pipe)",
            Kind.CharacterDevice or Kind.BlockDevice => "device",
            Kind.Socket => "socket",
            Kind.Link => "symbolic link",
            _ => "special file",
        };

        private static Kind FromMode(int mode) => (mode & FileTypeMask) switch
        {
            0x8000 => Kind.Regular,
            0x4000 => Kind.Folder,
            0x1000 => Kind.Fifo,
            0x2000 => Kind.CharacterDevice,
            0x6000 => Kind.BlockDevice,
            0xC000 => Kind.Socket,
            0xA000 => Kind.Link,
            _ => Kind.Other,
        };

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
        private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] output);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
        private static extern int FStat(SafeHandle fd, [Out] byte[] output);
    }
}
