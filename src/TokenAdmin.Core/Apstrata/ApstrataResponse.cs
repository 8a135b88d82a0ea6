using System;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using TokenAdmin.Core.Http;
using TokenAdmin.Core.Redaction;
using TokenAdmin.Core.Wire;

namespace TokenAdmin.Core.Apstrata;

/// <summary>
/// [doc] apstrata answers &lt;response&gt;&lt;metadata&gt;&lt;requestId/&gt;&lt;status/&gt;&lt;errorCode/&gt;&lt;errorDetail/&gt;&lt;/metadata&gt;[&lt;result/&gt;]&lt;/response&gt;
/// or the same as JSON ({"response":{"metadata":..,"result":..}}); TokenAdmin asks for JSON and
/// reads both. A failure may arrive with HTTP 200.
/// </summary>
internal sealed record ApstrataResponse(string? Status, string? ErrorCode, string? ErrorMessage, string? RequestId, Func<string, string?> Result)
{
    public bool IsFailure => string.Equals(Status, ApstrataProtocol.FailureStatus, StringComparison.OrdinalIgnoreCase) || ErrorCode is not null;

    /// <exception cref="FormatException">Neither apstrata XML nor JSON.</exception>
    public static ApstrataResponse Read(ServiceResponse response)
    {
        var kind = BodyKinds.Detect(response.Content, response.ContentType);
        return kind == BodyKind.Xml ? FromXml(response.Content) : FromJson(response.Content);
    }

    /// <summary>
    /// Every apstrata answer's classifier (<see cref="ServiceRequest.Classify"/>), reading the body
    /// once: status success is success with the parsed response; a failure status or an error code is
    /// apstrata's own error, also with HTTP 200; anything else is not an apstrata answer.
    /// </summary>
    public static SuccessReading Classify(ServiceResponse response)
    {
        ApstrataResponse read;
        try
        {
            read = Read(response);
        }
        catch (FormatException ex)
        {
            return SuccessReading.NotSuccess($"{response.DescribeContent()} ({ex.Message})");
        }

        if (read.IsFailure)
        {
            return SuccessReading.Failure(new ServiceError(read.ErrorCode, read.ErrorMessage, read.RequestId));
        }

        return string.Equals(read.Status, ApstrataProtocol.SuccessStatus, StringComparison.OrdinalIgnoreCase)
            ? SuccessReading.Success(read)
            : SuccessReading.NotSuccess($"status '{read.Status ?? "(none)"}'");
    }

    /// <summary>For the error reader (an answer that is not a 2xx): the failure the body reports, or null.</summary>
    public static ServiceError? Failure(ServiceResponse response)
    {
        if (string.IsNullOrWhiteSpace(response.Content))
        {
            return null;
        }

        try
        {
            var read = Read(response);
            return read.IsFailure ? new ServiceError(read.ErrorCode, read.ErrorMessage, read.RequestId) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static ApstrataResponse FromXml(string body)
    {
        var root = TolerantXml.Parse(body) ?? throw new FormatException("an empty body");
        var response = TolerantXml.Find(root, "response") ?? throw new FormatException("no <response>");
        var metadata = TolerantXml.Find(response, "metadata") ?? throw new FormatException("no <metadata>");
        var result = response.Elements().FirstOrDefault(e => TolerantXml.Is(e, "result"));
        return new ApstrataResponse(
            TolerantXml.Value(metadata, "status"),
            TolerantXml.Value(metadata, "errorCode"),
            ApstrataProtocol.ErrorMessageFields.Select(f => TolerantXml.Value(metadata, f)).FirstOrDefault(v => v is not null),
            TolerantXml.Value(metadata, "requestId"),
            name => result is null ? null : TolerantXml.Value(result, name));
    }

    private static ApstrataResponse FromJson(string body)
    {
        var root = TolerantJson.Parse(body);
        if (TolerantJson.Property(root, "response") is not { ValueKind: JsonValueKind.Object } response
            || TolerantJson.Property(response, "metadata") is not { ValueKind: JsonValueKind.Object } metadata)
        {
            throw new FormatException("expected {\"response\":{\"metadata\":{...}}}");
        }

        var result = TolerantJson.Property(response, "result");
        return new ApstrataResponse(
            TolerantJson.Text(metadata, "status"),
            TolerantJson.Text(metadata, "errorCode"),
            ApstrataProtocol.ErrorMessageFields.Select(f => TolerantJson.Text(metadata, f)).FirstOrDefault(v => v is not null),
            TolerantJson.Text(metadata, "requestId"),
            name => result is { } r ? TolerantJson.Text(r, name) : null);
    }
}
