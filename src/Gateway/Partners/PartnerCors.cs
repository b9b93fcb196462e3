namespace MedQA.Gateway.Partners;

/// <summary>CORS for partner origins: each partner's key works from the browser origins it lists, and no others.</summary>
public static class PartnerCors
{
    /// <summary>
    /// Adds the CORS headers to a partner's response when the request comes from one of its origins. Every partner
    /// response varies by Origin, with it or without: a shared cache must not hand the copy made for a request
    /// without Origin (no CORS headers) to the partner's browser.
    /// </summary>
    public static void Allow(HttpContext http, ActivePartner partner)
    {
        http.Response.Headers.Append("Vary", "Origin");
        if (http.Request.Headers.Origin is { Count: > 0 } origin && partner.Origins.Contains(origin.ToString()))
        {
            http.Response.Headers.AccessControlAllowOrigin = origin.ToString();
            http.Response.Headers.AccessControlExposeHeaders = "ETag, Retry-After";
        }
    }

    /// <summary>Answers a preflight: allowed for an origin some partner lists (a preflight carries no key).</summary>
    public static IResult Preflight(HttpContext http, PartnerDirectory partners)
    {
        var origin = http.Request.Headers.Origin.ToString();
        http.Response.Headers.Append("Vary", "Origin");
        if (origin.Length > 0 && partners.IsPartnerOrigin(origin))
        {
            http.Response.Headers.AccessControlAllowOrigin = origin;
            http.Response.Headers.AccessControlAllowMethods = "GET, POST";
            http.Response.Headers.AccessControlAllowHeaders = $"Content-Type, Accept, {PartnerKeys.Header}, If-None-Match";
            http.Response.Headers.AccessControlMaxAge = "600";
        }
        return Results.NoContent();
    }
}
