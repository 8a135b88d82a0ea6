using System;
using System.Globalization;
using System.IO;
using System.Net;

namespace TokenAdmin.Core.Http;

/// <summary>A response body went past <see cref="ConnectionOptions.MaxResponseBytes"/>; reading stopped there.</summary>
public sealed class ResponseTooLargeException : IOException
{
    public ResponseTooLargeException(long limit)
        : base($"the response body is larger than {Describe(limit)}, the most TokenAdmin reads")
    {
        Limit = limit;
    }

    public long Limit { get; }

    internal static string Describe(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
}
