using Microsoft.AspNetCore.Authorization;

namespace IntegrationsPlattform.Contracts.Web;

/// <summary>
/// Marks a page (a routable Razor component) as public: anyone may open it without signing in, it speaks the
/// visitor's language (<c>?lang=</c>, one of <c>Platform:PublicLanguages</c>), and the host wraps it in the
/// public layout — no staff navigation, a language switch, the legal pages in the footer. Texts on it go
/// through <see cref="LocalizedText"/>, so that a text without a translation is marked as German.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublicPageAttribute : AllowAnonymousAttribute;
