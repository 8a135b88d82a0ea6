using System.Linq;

namespace TokenAdmin.Core.Text;

/// <summary>
/// A service's request id as TokenAdmin keeps it (errors, the audit log): at most 128 characters of
/// letters, digits and . _ : / + = - (what UUIDs, AWS, Azure and the four services use). Anything
/// else is not a request id but text a hostile or broken server put there, possibly echoing the
/// request: it is dropped, never copied.
/// </summary>
public static class RequestIds
{
    public const int MaxLength = 128;

    public static string? Safe(string? value)
    {
        var id = value?.Trim();
        return string.IsNullOrEmpty(id) || id.Length > MaxLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '/' or '+' or '=' or '-')
            ? null
            : id;
    }
}
