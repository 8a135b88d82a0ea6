using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TokenAdmin.Emulator;

/// <summary>A request body as UTF-8 text, read without closing the stream (the journal rewinds it for the endpoint).</summary>
internal static class RequestBodyText
{
    public static async Task<string> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
