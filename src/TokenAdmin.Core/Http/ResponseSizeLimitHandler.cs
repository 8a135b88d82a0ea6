using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenAdmin.Core.Http;

/// <summary>
/// Bounds what one response may make TokenAdmin read. It sits above the handler that inflates
/// gzip and deflate, so it counts the bytes after decompression: a small bomb is stopped as soon
/// as it has inflated past the limit, and an endless body as soon as it has sent that much.
/// </summary>
internal sealed class ResponseSizeLimitHandler : DelegatingHandler
{
    /// <summary>
    /// Set on a request whose 2xx body is streamed (<see cref="StreamedBodyReader"/>): that body is
    /// never held whole, and its reader bounds it by count and the request timeout bounds it by time.
    /// An error body of the same request is still bounded here.
    /// </summary>
    internal static readonly HttpRequestOptionsKey<bool> StreamedSuccess = new("TokenAdmin.StreamedSuccess");

    private readonly long _limit;

    public ResponseSizeLimitHandler(HttpMessageHandler inner, long limit)
        : base(inner)
    {
        _limit = limit;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode && request.Options.TryGetValue(StreamedSuccess, out var streamed) && streamed)
        {
            return response;
        }

        if (response.Content.Headers.ContentLength > _limit)
        {
            response.Dispose();
            throw new ResponseTooLargeException(_limit);
        }

        response.Content = new LimitedContent(response.Content, _limit);
        return response;
    }

    private sealed class LimitedContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly long _limit;

        public LimitedContent(HttpContent inner, long limit)
        {
            _inner = inner;
            _limit = limit;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await using var source = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }

        protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            new LimitedStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _limit);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Read-only; throws once more than the limit has been read.</summary>
    private sealed class LimitedStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _limit;
        private long _read;

        public LimitedStream(Stream inner, long limit)
        {
            _inner = inner;
            _limit = limit;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(_inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            _read += read;
            if (_read > _limit)
            {
                throw new ResponseTooLargeException(_limit);
            }

            return read;
        }
    }
}
