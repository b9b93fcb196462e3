using MedQA.Gateway.Schema;

namespace MedQA.Gateway.Http;

public static class EndpointRegistration
{
    /// <summary>
    /// Maps <c>/graphql</c> (GET and POST, JSON only), <c>/schema.graphql</c> (the SDL) and the in-browser IDE at
    /// <c>/ide/</c>, and adds the headers every response carries.
    /// </summary>
    public static WebApplication MapMedQaGraphQL(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            // The API answers JSON only: nothing in it may load or run. The IDE (GraphiQL) loads its own files only;
            // its editor (Monaco) adds inline styles, draws icons from data: fonts and runs its own workers.
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/ide")
                ? "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'none'"
                : "default-src 'none'; frame-ancestors 'none'";
            return next(http);
        });
        app.UseCors(); // MedQaCorsPolicyProvider: public origins, each partner's own; answers preflights
        app.UseRateLimiter();
        var handler = app.Services.GetRequiredService<GraphQLHttpHandler>();
        app.MapMethods("/graphql", [HttpMethods.Get, HttpMethods.Post], handler.HandleAsync);
        // Liveness: the process answers. Readiness: the catalogue answers too (503 while it does not).
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).DisableRateLimiting();
        var sdl = SchemaExport.Print(app.Services.GetRequiredService<MedQaSchema>());
        app.MapGet("/schema.graphql", () => Results.Text(sdl, "text/plain; charset=utf-8"));
        if (app.Configuration.GetValue("MedQA:Ide:Enabled", true))
        {
            app.MapGet("/", () => Results.Redirect("/ide/"));
            app.UseDefaultFiles();
            app.UseStaticFiles();
        }
        return app;
    }
}
