using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using RestSharp;
using TokenAdmin.Core.Http.Authentication;
using TokenAdmin.Core.Redaction;

namespace TokenAdmin.Core.Http;

/// <summary>
/// The shared HTTP core: one RestClient (one connection pool) per connection, reused by every
/// request of that connection and safe for concurrent use. Adds credentials per attempt,
/// applies the timeout, retries by <see cref="RetryPolicy"/>, traces redacted request and
/// response lines, and turns every failure into a <see cref="ServiceException"/>.
/// </summary>
public sealed class ServiceHttpClient : IDisposable
{
    private const int ErrorExcerptLength = 300;

    /// <summary>What an unexpected success body shows: enough to recognise a login page, short enough for one line.</summary>
    private const int UnexpectedExcerptLength = 120;

    private readonly RestClient _rest;
    private readonly ConnectionOptions _options;
    private readonly IRequestAuthenticator? _authenticator;
    private readonly RedactionRules _rules;
    private readonly IServiceErrorReader? _errorReader;
    private readonly IClock _clock;
    private readonly Func<double> _random;
    private int _disposed;
    private long _pausedUntilTicks; // UTC ticks; 429/503 pause the whole connection, not only the request told

    public ServiceHttpClient(ConnectionOptions options, IRequestAuthenticator? authenticator, RedactionRules rules,
        IServiceErrorReader? errorReader = null, IClock? clock = null, Func<double>? random = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.MaximumRetryCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaximumRetryCount must not be negative.");
        }

        BaseUri = EndpointPolicy.Validate(options.BaseUri, options.AllowUnencryptedAuthentication);
        _authenticator = authenticator;
        _rules = rules;
        _errorReader = errorReader;
        _clock = clock ?? SystemClock.Instance;
        _random = random ?? Random.Shared.NextDouble;
        _rest = new RestClient(CreateRestOptions(BaseUri, options));
    }

    public Uri BaseUri { get; }

    public ConnectionOptions Options => _options;

    public IClock Clock => _clock;

    public string? AuthenticationScheme => _authenticator?.Scheme;

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    internal static string UserAgent { get; } =
        $"TokenAdmin/{typeof(ServiceHttpClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"} (PowerShell module; {Environment.OSVersion.Platform})";

    /// <summary>Sends the request (with retries) and returns the successful response.</summary>
    /// <exception cref="ServiceException">The service answered with an error, or could not be reached.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled (Ctrl+C).</exception>
    public Task<ServiceResponse> SendAsync(ServiceRequest request, RequestContext call) =>
        call.Tally is { } tally && request.Method != HttpMethod.Get && !request.IsRead
            ? SendTalliedAsync(tally, request, call)
            : SendCoreAsync(request, null, call);

    /// <summary>An audited change: its attempts and request id go to the call's tally, however it ends.</summary>
    private async Task<ServiceResponse> SendTalliedAsync(RequestTally tally, ServiceRequest request, RequestContext call)
    {
        try
        {
            var response = await SendCoreAsync(request, null, call).ConfigureAwait(false);
            tally.Record(response.Attempts, response.RequestId);
            return response;
        }
        catch (ServiceException exception)
        {
            tally.Record(exception.Attempts, exception.RequestId);
            throw;
        }
    }

    /// <summary>
    /// Sends a read whose 2xx body goes to <paramref name="readBody"/> as it arrives, not into
    /// <see cref="ServiceResponse.Content"/> (which stays empty). Retried like any request until a
    /// 2xx body begins; from then on never: a list that breaks off is reported, not read twice.
    /// The body is bounded by the request timeout and by what the reader accepts, not by
    /// <see cref="ConnectionOptions.MaxResponseBytes"/> (it is never held whole).
    /// </summary>
    /// <exception cref="ServiceException">An error answer, no answer, or a body that broke off or is not what the reader expects (FormatException from it).</exception>
    public Task<ServiceResponse> SendStreamingAsync(ServiceRequest request, StreamedBodyReader readBody, RequestContext call) =>
        SendCoreAsync(request, readBody ?? throw new ArgumentNullException(nameof(readBody)), call);

    private async Task<ServiceResponse> SendCoreAsync(ServiceRequest request, StreamedBodyReader? readBody, RequestContext call)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var trace = call.Trace;
        var gate = call.Admission;
        var cancellationToken = call.CancellationToken;
        var outcomeUnknown = false; // an earlier attempt may have been applied
        for (var retries = 0; ; retries++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // In this order: a slot (a bulk run's retries queue for one like new items do, so a lowered
            // limit holds for them too), then the connection's pause, then fresh credentials (a signature
            // or JWT made before a wait could be too old when it leaves), then the request.
            var slot = gate is null ? null : await gate.EnterAttemptAsync(retries, cancellationToken).ConfigureAwait(false);
            OutgoingRequest outgoing;
            Redactor redactor;
            RestRequest restRequest;
            StreamedBodyInterceptor? streamed;
            try
            {
                await WaitWhilePausedAsync(trace, cancellationToken).ConfigureAwait(false);
                outgoing = request.ToOutgoing();
                if (_authenticator is not null)
                {
                    await _authenticator.AuthenticateAsync(outgoing, cancellationToken).ConfigureAwait(false);
                }

                redactor = new Redactor(_rules, outgoing.SensitiveValues);
                restRequest = ToRestRequest(outgoing);
                streamed = readBody is null ? null : new StreamedBodyInterceptor(readBody);
                if (streamed is not null)
                {
                    restRequest.CompletionOption = HttpCompletionOption.ResponseHeadersRead;
                    restRequest.Interceptors = [streamed];
                }
            }
            catch
            {
                slot?.Dispose();
                throw;
            }

            // The redacted URL costs a URI build and a scrub: made only for a log line or an error.
            string? shown = null;
            string ShownUrl() => shown ??= redactor.Url(_rest.BuildUri(restRequest));
            TraceRequest(trace, outgoing, ShownUrl, redactor, retries);

            var started = Stopwatch.GetTimestamp();
            Attempt attempt;
            try
            {
                attempt = await ExecuteOnceAsync(restRequest, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (streamed?.Failure is not null)
            {
                attempt = default; // the reader's own failure, reported below from what the interceptor kept
            }
            finally
            {
                slot?.Dispose();
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            gate?.Answered(streamed?.Head?.StatusCode ?? (attempt is { Outcome: AttemptOutcome.Response, Response: { } answer } ? (int)answer.StatusCode : 0), elapsed);
            if (streamed?.Head is { } head)
            {
                return FinishStreamed(request, outgoing, ShownUrl(), head, streamed.Failure, retries + 1, elapsed, redactor, trace, outcomeUnknown, cancellationToken);
            }

            RetryDecision decision;
            if (attempt.Outcome == AttemptOutcome.Response)
            {
                // Everything the service sent passes the redactor before any log, error or caller sees it.
                var response = ToServiceResponse(attempt.Response!, retries + 1, elapsed, redactor);
                response.CredentialSent = outgoing.CredentialSent;
                TraceResponse(trace, outgoing, ShownUrl, response, redactor);
                if (response.IsSuccess)
                {
                    return CheckSuccess(request, outgoing, ShownUrl, response, redactor, outcomeUnknown);
                }

                var serviceError = ReadError(response, redactor); // once, for "already done" and for the failure
                if (outcomeUnknown && (response.StatusCode == request.AlreadyDoneStatus || response.StatusCode == request.AlsoAlreadyDoneStatus
                    || (request.AlreadyDoneErrorCode is { } goneCode && string.Equals(serviceError?.Code, goneCode, StringComparison.OrdinalIgnoreCase))))
                {
                    trace.Verbose($"{outgoing.Method.Method} {ShownUrl()}: already gone after a retry; the earlier attempt whose outcome was unknown did it.");
                    return response.AsAlreadyDone();
                }

                var retryAfter = RetryPolicy.ParseRetryAfter(response.Header("Retry-After"), _clock.UtcNow);
                decision = RetryPolicy.Decide(AttemptOutcome.Response, response.StatusCode, request.Idempotent, retryAfter,
                    retries, _options.MaximumRetryCount, _options.Retry, _random());
                if (response.StatusCode is 429 or 503)
                {
                    // The service said "slow down": the next request of this connection waits too,
                    // also when this one gives up (but never longer than TokenAdmin would wait).
                    var pause = decision.Retry ? decision.Delay : retryAfter;
                    if (pause is { } wait && wait <= _options.Retry.MaxRetryAfter)
                    {
                        PauseConnection(wait);
                    }
                }

                if (!decision.Retry)
                {
                    throw ServiceException.FromResponse(outgoing, ShownUrl(), response, serviceError,
                        redactor.Body(response.Content, response.ContentType, ErrorExcerptLength), retryAfter, decision.GiveUpReason, outcomeUnknown,
                        mayHaveActed: !request.IsRead && RetryPolicy.LeavesOutcomeUnknown(AttemptOutcome.Response, response.StatusCode));
                }

                outcomeUnknown |= !request.IsRead && RetryPolicy.LeavesOutcomeUnknown(AttemptOutcome.Response, response.StatusCode);
                if (trace.IsVerboseEnabled)
                {
                    trace.Verbose($"{response.StatusCode} {response.ReasonPhrase}: retrying {outgoing.Method.Method} {ShownUrl()} in {RetryPolicy.FormatDuration(decision.Delay)} (retry {retries + 1} of {_options.MaximumRetryCount}).");
                }
            }
            else
            {
                var cause = redactor.Scrub(attempt.Cause, 300);
                if (trace.IsVerboseEnabled)
                {
                    trace.Verbose($"HTTP {outgoing.Method.Method} {ShownUrl()} failed after {elapsed.TotalMilliseconds:0} ms: {cause}");
                }

                decision = RetryPolicy.Decide(attempt.Outcome, 0, request.Idempotent, null,
                    retries, _options.MaximumRetryCount, _options.Retry, _random());
                if (!decision.Retry)
                {
                    // This attempt's own unknown outcome is said by the failure itself (timeout, connection lost).
                    throw ServiceException.FromTransport(outgoing, ShownUrl(), ToFailure(attempt.Outcome), cause, retries + 1, decision.GiveUpReason, outcomeUnknown,
                        mayHaveActed: !request.IsRead && RetryPolicy.LeavesOutcomeUnknown(attempt.Outcome, 0));
                }

                outcomeUnknown |= !request.IsRead && RetryPolicy.LeavesOutcomeUnknown(attempt.Outcome, 0);
                if (trace.IsVerboseEnabled)
                {
                    trace.Verbose($"Retrying {outgoing.Method.Method} {ShownUrl()} in {RetryPolicy.FormatDuration(decision.Delay)} (retry {retries + 1} of {_options.MaximumRetryCount}).");
                }
            }

            await _clock.DelayAsync(decision.Delay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A 2xx whose body went to a <see cref="StreamedBodyReader"/>: done, or failed while reading.
    /// Either way it is not retried, since the reader may already have passed items on.
    /// </summary>
    private ServiceResponse FinishStreamed(ServiceRequest request, OutgoingRequest outgoing, string shownUrl, StreamedHead head, Exception? failure,
        int attempts, TimeSpan elapsed, Redactor redactor, IHttpTrace trace, bool outcomeUnknown, CancellationToken cancellationToken)
    {
        var response = ToServiceResponse(head.StatusCode, head.ReasonPhrase, null, head.ContentType, head.Headers, attempts, elapsed, redactor);
        TraceResponse(trace, outgoing, () => shownUrl, response, redactor);
        switch (failure)
        {
            case null:
                return response;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                throw new OperationCanceledException(cancellationToken);
            case OperationCanceledException:
                throw ServiceException.FromTransport(outgoing, shownUrl, ServiceFailure.Timeout, $"{TimeoutCause()}, while reading the body", attempts,
                    StreamBrokeOff, outcomeUnknown);
            case FormatException or System.Text.Json.JsonException:
                throw ServiceException.UnexpectedResponse(request, shownUrl, response, redactor.Scrub(failure.Message, 200), null, outcomeUnknown);
            default:
                var transport = TransportFailures.Classify(failure, failure.Message);
                throw ServiceException.FromTransport(outgoing, shownUrl, ToFailure(transport.Outcome), redactor.Scrub(transport.Cause, 300), attempts,
                    StreamBrokeOff, outcomeUnknown);
        }
    }

    private const string StreamBrokeOff = "The body broke off after it had begun; TokenAdmin does not repeat a read whose items may already have been written.";

    /// <summary>
    /// A 2xx is success only when it is what the service documents: not the request's own body sent
    /// back (a proxy or test server that echoes; no service answers a change with its request), then
    /// what the route's classifier reads in it (<see cref="ServiceRequest.Classify"/>): a failure the
    /// service reports, or a body that is not its success. None of them is retried.
    /// </summary>
    private static ServiceResponse CheckSuccess(ServiceRequest request, OutgoingRequest outgoing, Func<string> shownUrl, ServiceResponse response, Redactor redactor, bool outcomeUnknown)
    {
        if (!string.IsNullOrWhiteSpace(outgoing.Body) && string.Equals(response.Content.Trim(), outgoing.Body.Trim(), StringComparison.Ordinal))
        {
            throw ServiceException.UnexpectedResponse(request, shownUrl(), response, "the request's own body, sent back", null, outcomeUnknown);
        }

        if (request.Classify is not { } classify)
        {
            return response;
        }

        SuccessReading reading;
        try
        {
            reading = classify(response);
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or System.Xml.XmlException)
        {
            reading = SuccessReading.NotSuccess($"{response.DescribeContent()} ({ex.Message})"); // a classifier that let a parse error through
        }

        if (Redacted(reading.Reported, redactor) is { } reported)
        {
            throw ServiceException.ReportedInSuccess(request, shownUrl(), response, reported,
                redactor.Body(response.Content, response.ContentType, UnexpectedExcerptLength), outcomeUnknown);
        }

        if (reading.Problem is { } problem)
        {
            throw ServiceException.UnexpectedResponse(request, shownUrl(), response, redactor.Scrub(problem, 200),
                redactor.Body(response.Content, response.ContentType, UnexpectedExcerptLength), outcomeUnknown);
        }

        return response.WithBody(reading.Body);
    }

    /// <summary>For service clients: a success response whose body cannot be read.</summary>
    public ServiceException UnexpectedResponse(ServiceRequest request, ServiceResponse response, string problem)
    {
        var redactor = new Redactor(_rules, request.SensitiveValues);
        // The absolute URL, as every other message gives it (the query, where there is one, is left out: it may carry a credential).
        var url = redactor.Url(new Uri(BaseUri, request.Path));
        return ServiceException.UnexpectedResponse(request, url, response, redactor.Scrub(problem, 200),
            redactor.Body(response.Content, response.ContentType, UnexpectedExcerptLength));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _rest.Dispose();
        }
    }

    /// <summary>The service said "slow down": every request of this connection waits, so bulk runs back off together.</summary>
    private void PauseConnection(TimeSpan delay)
    {
        var until = (_clock.UtcNow + delay).UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _pausedUntilTicks);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _pausedUntilTicks, until, current) != current);
    }

    /// <summary>
    /// Waits out the connection's pause, and again after waking if a later 429/503 moved it: no
    /// request leaves inside any Retry-After window the service has announced.
    /// </summary>
    private async Task WaitWhilePausedAsync(IHttpTrace trace, CancellationToken cancellationToken)
    {
        var said = false;
        while (true)
        {
            var wait = new DateTimeOffset(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero) - _clock.UtcNow;
            if (wait <= TimeSpan.Zero)
            {
                return; // a timer that fired a little early just waits the rest: never leave inside the window
            }

            if (!said)
            {
                trace.Verbose($"The service asked to slow down; waiting {RetryPolicy.FormatDuration(wait)}.");
                said = true;
            }

            await _clock.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Attempt> ExecuteOnceAsync(RestRequest request, CancellationToken cancellationToken)
    {
        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.Timeout is { } timeout)
        {
            attemptCts.CancelAfter(timeout);
        }

        RestResponse response;
        try
        {
            response = await _rest.ExecuteAsync(request, attemptCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt(AttemptOutcome.TimedOut, null, TimeoutCause());
        }
        catch (Exception ex) when (ex is System.IO.IOException or HttpRequestException && request.CompletionOption == HttpCompletionOption.ResponseHeadersRead)
        {
            // A streamed request's error body is read after RestSharp's own handling: too large, or broken off.
            return TransportFailures.Classify(ex, ex.Message);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (attemptCts.IsCancellationRequested)
        {
            return new Attempt(AttemptOutcome.TimedOut, null, TimeoutCause());
        }

        if (response.ResponseStatus == ResponseStatus.Completed && response.StatusCode != 0)
        {
            return new Attempt(AttemptOutcome.Response, response, null);
        }

        return TransportFailures.Classify(response.ErrorException, response.ErrorMessage);
    }

    private string TimeoutCause() =>
        $"no response within {_options.TimeoutSec} s (-TimeoutSec)";

    private ServiceError? ReadError(ServiceResponse response, Redactor redactor) =>
        ReadSafely(_errorReader is null ? null : _errorReader.Read, response, redactor);

    /// <summary>A service's own error, read by <paramref name="read"/> and redacted like every other text it sends.</summary>
    private static ServiceError? ReadSafely(Func<ServiceResponse, ServiceError?>? read, ServiceResponse response, Redactor redactor)
    {
        ServiceError? error;
        try
        {
            error = read?.Invoke(response);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or System.Text.Json.JsonException or System.Xml.XmlException)
        {
            error = null; // an unreadable error body must not hide the status code
        }

        return Redacted(error, redactor);
    }

    private static ServiceError? Redacted(ServiceError? error, Redactor redactor) =>
        error is null
            ? null
            : new ServiceError(
                error.Code is null ? null : redactor.Scrub(error.Code, 100),
                error.Message is null ? null : redactor.Scrub(error.Message, 500),
                Text.RequestIds.Safe(error.RequestId is null ? null : redactor.RemoveKnownSecrets(error.RequestId)));

    private static RestRequest ToRestRequest(OutgoingRequest outgoing)
    {
        var request = new RestRequest(outgoing.Path, ToRestMethod(outgoing.Method));
        foreach (var (name, value) in outgoing.Query)
        {
            request.AddQueryParameter(name, value);
        }

        foreach (var (name, value) in outgoing.Headers)
        {
            // .NET refuses such a value at send time with a message that quotes it (a credential, here).
            if (value.Any(c => c is < ' ' and not '\t' or '\u007f'))
            {
                throw ServiceException.InvalidCredential($"The {name} header would carry a line break or a control character, which HTTP cannot; nothing was sent. Check the credentials given to the Connect command.");
            }

            request.AddHeader(name, value);
        }

        if (outgoing.Body is not null)
        {
            request.AddStringBody(outgoing.Body, outgoing.ContentType ?? "application/json");
        }

        return request;
    }

    private static Method ToRestMethod(HttpMethod method) => method.Method switch
    {
        "GET" => Method.Get,
        "POST" => Method.Post,
        "PUT" => Method.Put,
        "DELETE" => Method.Delete,
        "PATCH" => Method.Patch,
        "HEAD" => Method.Head,
        "OPTIONS" => Method.Options,
        _ => throw new NotSupportedException($"HTTP method {method.Method} is not supported."),
    };

    /// <summary>
    /// The reason phrase is scrubbed like free text and every header value of the secrets this
    /// request carried: a hostile or broken service that echoes the Authorization header (in the
    /// reason, X-Request-Id, Location) cannot put it into a log, an error or an exception property.
    /// </summary>
    private static ServiceResponse ToServiceResponse(RestResponse response, int attempts, TimeSpan elapsed, Redactor redactor) =>
        ToServiceResponse((int)response.StatusCode, response.StatusDescription, response.Content, response.ContentType,
            (response.Headers ?? Array.Empty<HeaderParameter>()).Concat(response.ContentHeaders ?? Array.Empty<HeaderParameter>())
                .Where(header => header.Name is not null)
                .Select(header => new KeyValuePair<string, string>(header.Name!, header.Value ?? string.Empty)),
            attempts, elapsed, redactor);

    private static ServiceResponse ToServiceResponse(int statusCode, string? reasonPhrase, string? content, string? contentType,
        IEnumerable<KeyValuePair<string, string>> rawHeaders, int attempts, TimeSpan elapsed, Redactor redactor)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, raw) in rawHeaders)
        {
            var value = redactor.RemoveKnownSecrets(raw);
            headers[name] = headers.TryGetValue(name, out var existing) ? $"{existing}, {value}" : value;
        }

        var reason = string.IsNullOrEmpty(reasonPhrase) ? reasonPhrase : redactor.Scrub(reasonPhrase, 100);
        return new ServiceResponse(statusCode, reason, content, contentType, headers, attempts, elapsed);
    }

    private static ServiceFailure ToFailure(AttemptOutcome outcome) => outcome switch
    {
        AttemptOutcome.TimedOut => ServiceFailure.Timeout,
        AttemptOutcome.CertificateRejected => ServiceFailure.CertificateRejected,
        AttemptOutcome.ResponseTooLarge => ServiceFailure.ResponseTooLarge,
        _ => ServiceFailure.ConnectionFailed,
    };

    private static void TraceRequest(IHttpTrace trace, OutgoingRequest outgoing, Func<string> shownUrl, Redactor redactor, int retries)
    {
        if (trace.IsVerboseEnabled)
        {
            // A change says which item it is for (a bulk run's lines share one URL); a read says nothing more.
            var what = outgoing.Source.IsRead || outgoing.Method == HttpMethod.Get ? null : redactor.Scrub(outgoing.Source.Operation, 200);
            var notes = string.Join("; ", new[] { what, retries == 0 ? null : $"retry {retries}" }.Where(n => n is not null));
            trace.Verbose(notes.Length == 0 ? $"HTTP {outgoing.Method.Method} {shownUrl()}" : $"HTTP {outgoing.Method.Method} {shownUrl()} ({notes})");
        }

        if (trace.IsDebugEnabled)
        {
            var headers = outgoing.ContentType is null
                ? outgoing.Headers
                : outgoing.Headers.Append(new KeyValuePair<string, string>("Content-Type", outgoing.ContentType));
            trace.Debug($"HTTP request {outgoing.Method.Method} {shownUrl()}{Environment.NewLine}{redactor.Headers(headers)}{Environment.NewLine}{redactor.Body(outgoing.Body, outgoing.ContentType)}");
        }
    }

    private static void TraceResponse(IHttpTrace trace, OutgoingRequest outgoing, Func<string> shownUrl, ServiceResponse response, Redactor redactor)
    {
        if (trace.IsVerboseEnabled)
        {
            var what = outgoing.Source.IsRead || outgoing.Method == HttpMethod.Get ? string.Empty : $" ({redactor.Scrub(outgoing.Source.Operation, 200)})";
            trace.Verbose(string.Create(CultureInfo.InvariantCulture,
                $"HTTP {response.StatusCode} {response.ReasonPhrase} from {outgoing.Method.Method} {shownUrl()}{what} in {response.Elapsed.TotalMilliseconds:0} ms"));
        }

        if (trace.IsDebugEnabled)
        {
            trace.Debug($"HTTP response {response.StatusCode} {response.ReasonPhrase}{Environment.NewLine}{redactor.Headers(response.Headers)}{Environment.NewLine}{redactor.Body(response.Content, response.ContentType)}");
        }
    }

    private static RestClientOptions CreateRestOptions(Uri baseUri, ConnectionOptions options)
    {
        var restOptions = new RestClientOptions(baseUri)
        {
            // Redirects would re-send credentials somewhere else (or drop them); report them instead.
            FollowRedirects = false,
            ThrowOnAnyError = false,
            SetErrorExceptionOnUnsuccessfulStatusCode = false,
            // Any HTTP answer is a completed exchange; the retry policy judges the status code.
            CalculateResponseStatus = _ => ResponseStatus.Completed,
            // The per-attempt timeout is ours (see ExecuteOnceAsync), so it can be told from Ctrl+C.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            UserAgent = UserAgent,
            ConfigureMessageHandler = handler =>
            {
                if (handler is HttpClientHandler httpHandler)
                {
                    httpHandler.MaxConnectionsPerServer = Math.Max(1, options.MaxConnectionsPerServer);
                }

                return new ResponseSizeLimitHandler(handler, options.MaxResponseBytes);
            },
        };

        if (options.Proxy is not null)
        {
            restOptions.Proxy = new WebProxy(options.Proxy) { Credentials = options.ProxyCredential, BypassProxyOnLocal = false };
        }

        if (options.SkipCertificateCheck)
        {
            restOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }

        return restOptions;
    }

    internal readonly record struct Attempt(AttemptOutcome Outcome, RestResponse? Response, string? Cause);
}
