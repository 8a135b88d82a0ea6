using System;

namespace TokenAdmin.Core.Http;

/// <summary>Which base URLs a connection may use, checked before any request is built.</summary>
public static class EndpointPolicy
{
    /// <summary>Throws <see cref="ServiceException"/> (kind InvalidEndpoint) when the URL may not be used.</summary>
    public static Uri Validate(Uri baseUri, bool allowUnencryptedAuthentication, string parameterName = "BaseUri")
    {
        if (baseUri is null || !baseUri.IsAbsoluteUri)
        {
            throw ServiceException.InvalidEndpoint($"-{parameterName} must be an absolute http:// or https:// URL.");
        }

        if (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp)
        {
            throw ServiceException.InvalidEndpoint($"-{parameterName} must use https:// (or http:// to this computer); '{baseUri.Scheme}://' is not supported.");
        }

        if (!string.IsNullOrEmpty(baseUri.UserInfo))
        {
            throw ServiceException.InvalidEndpoint($"-{parameterName} must not contain a user name or password; pass them with -Credential.");
        }

        if (baseUri.Query.Length > 0 || baseUri.Fragment.Length > 0)
        {
            // Request paths are appended to the base URL; a query or fragment there would be dropped or misplaced.
            throw ServiceException.InvalidEndpoint($"-{parameterName} must not have a query string or fragment ('?...' or '#...'); give the service's base URL alone.");
        }

        if (baseUri.Scheme == Uri.UriSchemeHttp && !baseUri.IsLoopback && !allowUnencryptedAuthentication)
        {
            throw ServiceException.InvalidEndpoint(
                $"Refusing to send credentials over unencrypted http:// to {baseUri.Host}. Use https://, or add -AllowUnencryptedAuthentication if you accept that risk.");
        }

        return WithTrailingSlash(baseUri);
    }

    /// <summary>The URL without user name and password: what errors about a URL may show.</summary>
    public static string WithoutUserInfo(Uri uri)
    {
        if (!uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.UserInfo))
        {
            return uri.OriginalString;
        }

        return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.AbsoluteUri;
    }

    /// <summary>-Proxy: an absolute http(s) URL without user info (its credentials go in -ProxyCredential, which is never shown).</summary>
    public static void ValidateProxy(Uri proxy)
    {
        if (!proxy.IsAbsoluteUri || (proxy.Scheme != Uri.UriSchemeHttp && proxy.Scheme != Uri.UriSchemeHttps))
        {
            throw ServiceException.InvalidEndpoint("-Proxy must be an absolute http:// or https:// URL.");
        }

        if (!string.IsNullOrEmpty(proxy.UserInfo))
        {
            throw ServiceException.InvalidEndpoint("-Proxy must not contain a user name or password; pass them with -ProxyCredential.");
        }
    }

    /// <summary>Relative request paths resolve below the base path only when it ends with '/'.</summary>
    public static Uri WithTrailingSlash(Uri uri)
    {
        var builder = new UriBuilder(uri) { Query = string.Empty, Fragment = string.Empty };
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        return builder.Uri;
    }
}
