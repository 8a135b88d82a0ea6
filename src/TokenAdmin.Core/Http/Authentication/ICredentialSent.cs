namespace TokenAdmin.Core.Http.Authentication;

/// <summary>
/// What one attempt carried, by name, never by value (PowerClerk: which second factor), set by the
/// authenticator on that attempt and kept on its failure: a refusal is explained by what that request
/// sent, not by whatever another request of the connection sent since.
/// </summary>
public interface ICredentialSent
{
}
