using System.IO;

namespace TokenAdmin.Emulator;

/// <summary>
/// The --url-file contract for scripts: the HTTP base URL on the first line, the HTTPS one on a
/// second line when enabled. Written atomically, so a script that sees the file sees all of it.
/// </summary>
internal static class UrlFile
{
    public static void Write(string path, EmulatorHost host)
    {
        var content = host.HttpsBaseAddress is null
            ? host.BaseAddress.AbsoluteUri
            : host.BaseAddress.AbsoluteUri + "\n" + host.HttpsBaseAddress.AbsoluteUri;
        var fullPath = Path.GetFullPath(path);
        var temporary = fullPath + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, fullPath, overwrite: true);
    }

    public static void Delete(string path) => File.Delete(Path.GetFullPath(path));
}
