using MedQA.Gateway.Partners;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace MedQA.Gateway.Http;

/// <summary>
/// The CORS policy of a request, for ASP.NET Core's CORS middleware: the public endpoint (and <c>/schema.graphql</c>)
/// answers the origins <c>MedQA:Cors:Origins</c> lists (in Development, by default, http://localhost and
/// http://127.0.0.1 on any port); a request with a partner's key answers only the origins that partner lists; a
/// preflight, which carries no key, is allowed for both. Requests without an Origin never reach it.
/// </summary>
public sealed class MedQaCorsPolicyProvider(PartnerDirectory partners, CorsOrigins publicOrigins) : ICorsPolicyProvider
{
    private static readonly string[] Headers = ["Content-Type", "Accept", PartnerKeys.Header, "If-None-Match"];

    public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        Func<string, bool> allowed;
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            allowed = origin => publicOrigins.Allows(origin) || partners.IsPartnerOrigin(origin);
        }
        else if (context.Request.Headers[PartnerKeys.Header] is { Count: > 0 } key)
        {
            var partner = partners.FindByKey(key.ToString());
            allowed = origin => partner?.Origins.Contains(origin) == true;
        }
        else
        {
            allowed = publicOrigins.Allows;
        }
        return Task.FromResult<CorsPolicy?>(new CorsPolicyBuilder()
            .SetIsOriginAllowed(allowed)
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders(Headers)
            .WithExposedHeaders("ETag", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
            .Build());
    }
}

/// <summary>
/// The browser origins the public endpoint answers (<c>MedQA:Cors:Origins</c>: "https://www.example.org", or
/// "http://localhost:*" for any port). Unset, Development allows http://localhost and http://127.0.0.1 on any port,
/// and other environments none.
/// </summary>
public sealed class CorsOrigins
{
    public const string Section = "MedQA:Cors:Origins";

    private readonly HashSet<string> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _anyPort = [];

    public CorsOrigins(IEnumerable<string> origins)
    {
        foreach (var origin in origins.Select(o => o.Trim().TrimEnd('/')).Where(o => o.Length > 0))
        {
            if (origin.EndsWith(":*", StringComparison.Ordinal))
            {
                _anyPort.Add(origin[..^1]); // "http://localhost:"
            }
            else
            {
                _exact.Add(origin);
            }
        }
    }

    public static CorsOrigins From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(Section);
        var listed = section.GetChildren().Select(c => c.Value ?? "")
            .Concat((section.Value ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)).ToList();
        return new CorsOrigins(section.Exists() || !environment.IsDevelopment() ? listed : ["http://localhost", "http://localhost:*", "http://127.0.0.1", "http://127.0.0.1:*"]);
    }

    public bool Allows(string origin) =>
        _exact.Contains(origin)
        || _anyPort.Any(prefix => origin.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && origin.Length > prefix.Length
            && origin.AsSpan(prefix.Length).ContainsAnyExceptInRange('0', '9') is false);
}
