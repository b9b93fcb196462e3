using GraphQL;
using GraphQL.Execution;
using MedQA.Gateway.Http;

namespace MedQA.Gateway.Schema;

public static class GraphQLRegistration
{
    public static IServiceCollection AddMedQaGraphQL(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<MedQaSchema>()
            .AddSystemTextJson()
            .AddErrorInfoProvider(new MedQaErrorInfoProvider(environment.IsDevelopment())));
        services.AddSingleton<GraphQLHttpHandler>();
        services.AddSingleton(sp => new DocumentCache(sp.GetRequiredService<IConfiguration>().GetValue("MedQA:GraphQL:DocumentCacheSize", 1000)));
        return services;
    }
}
