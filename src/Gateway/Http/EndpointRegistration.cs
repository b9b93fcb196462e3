namespace MedQA.Gateway.Http;

public static class EndpointRegistration
{
    /// <summary>Maps <c>/graphql</c> (GET and POST) and adds the headers every response carries.</summary>
    public static WebApplication MapMedQaGraphQL(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return next(http);
        });
        var handler = app.Services.GetRequiredService<GraphQLHttpHandler>();
        app.MapMethods("/graphql", [HttpMethods.Get, HttpMethods.Post], handler.HandleAsync);
        return app;
    }
}
