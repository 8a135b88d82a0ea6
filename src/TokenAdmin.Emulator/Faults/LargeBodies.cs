using System;
using System.IO;
using System.IO.Compression;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TokenAdmin.Emulator;

/// <summary>
/// Bodies a client must not read whole: very large, endless, or a gzip bomb (a small download that
/// inflates to <see cref="FaultStep.BodyBytes"/>). Written in chunks as they go, so the emulator
/// itself holds only one chunk; writing stops when the client goes away.
/// </summary>
internal static class LargeBodies
{
    private const int ChunkSize = 64 * 1024;

    public static async Task WriteAsync(HttpContext context, FaultStep step, CancellationToken abandoned)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonResults.ContentType;
        if (step.Gzip)
        {
            context.Response.Headers.ContentEncoding = "gzip";
        }

        var chunk = new byte[ChunkSize];
        chunk.AsSpan().Fill((byte)' '); // whitespace: valid inside JSON, so only the size is wrong
        chunk[0] = (byte)'[';
        try
        {
            await using var target = step.Gzip
                ? new GZipStream(context.Response.Body, CompressionLevel.Optimal, leaveOpen: true)
                : (Stream)new NonClosingStream(context.Response.Body);
            for (var remaining = step.BodyBytes; remaining > 0; remaining = step.BodyBytes == FaultStep.Endless ? remaining : remaining - ChunkSize)
            {
                var size = (int)Math.Min(ChunkSize, remaining);
                await target.WriteAsync(chunk.AsMemory(0, size), abandoned);
                chunk[0] = (byte)' ';
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            ConnectionAbort.Abort(context); // the client stopped reading: it did what it should
        }
    }

    /// <summary>Lets the response body outlive the <c>await using</c> above.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(buffer, cancellationToken);
    }
}
