using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using RestSharp.Interceptors;

namespace TokenAdmin.Core.Http;

/// <summary>
/// Hands a 2xx body to a <see cref="StreamedBodyReader"/> as soon as the headers are in (RestSharp
/// then finds it read and buffers nothing). Any other status is read whole, as always, within the
/// response size limit. What went wrong while reading is kept here, for the client to report.
/// </summary>
internal sealed class StreamedBodyInterceptor(StreamedBodyReader read) : Interceptor
{
    /// <summary>The status line and headers of the 2xx whose body was handed over; null until then.</summary>
    public StreamedHead? Head { get; private set; }

    public Exception? Failure { get; private set; }

    public override ValueTask BeforeHttpRequest(HttpRequestMessage requestMessage, CancellationToken cancellationToken)
    {
        requestMessage.Options.Set(ResponseSizeLimitHandler.StreamedSuccess, true);
        return ValueTask.CompletedTask;
    }

    public override async ValueTask AfterHttpRequest(HttpResponseMessage responseMessage, CancellationToken cancellationToken)
    {
        if (!responseMessage.IsSuccessStatusCode)
        {
            return;
        }

        Head = new StreamedHead((int)responseMessage.StatusCode, responseMessage.ReasonPhrase,
            responseMessage.Content.Headers.ContentType?.MediaType,
            responseMessage.Headers.Concat(responseMessage.Content.Headers)
                .Select(header => new KeyValuePair<string, string>(header.Key, string.Join(", ", header.Value)))
                .ToArray());
        try
        {
            var body = await responseMessage.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await read(body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Releases the connection now, and RestSharp reports the failure without reading the rest.
            Failure = ex;
            responseMessage.Dispose();
            throw;
        }
    }
}
