namespace TokenAdmin.Core.Http;

/// <summary>
/// What a route's classifier (<see cref="ServiceRequest.Classify"/>) makes of a 2xx answer, reading
/// its body once: the documented success with what it parsed (<see cref="Body"/>), a failure the
/// service reports inside it (<see cref="Reported"/>), or why it is not the documented success
/// (<see cref="Problem"/>: a login page, a malformed body, another item's details).
/// </summary>
public readonly struct SuccessReading
{
    private SuccessReading(object? body, ServiceError? reported, string? problem)
    {
        Body = body;
        Reported = reported;
        Problem = problem;
    }

    /// <summary>What the classifier parsed from a success, for its client (<see cref="ServiceResponse.BodyAs{T}"/>).</summary>
    public object? Body { get; }

    /// <summary>A failure the service reports inside a 2xx: failed with the service's own code, never retried.</summary>
    public ServiceError? Reported { get; }

    /// <summary>Why the answer is not the documented success: an UnexpectedResponse failure, never retried.</summary>
    public string? Problem { get; }

    public static SuccessReading Success(object? body = null) => new(body, null, null);

    public static SuccessReading Failure(ServiceError reported) => new(null, reported, null);

    public static SuccessReading NotSuccess(string problem) => new(null, null, problem);
}
