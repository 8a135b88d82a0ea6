namespace TokenAdmin.Core.Http.Authentication;

/// <summary>
/// What a request tells its service's authenticator (apstrata: the action and parameters it signs;
/// PowerClerk: which second factor it must carry). Each service defines its own; never a secret.
/// </summary>
public interface IAuthenticationHint
{
}
