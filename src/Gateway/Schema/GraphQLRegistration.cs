using GraphQL;
using MedQA.Gateway.Http;
using MedQA.Gateway.Limits;

namespace MedQA.Gateway.Schema;

public static class GraphQLRegistration
{
    public static IServiceCollection AddMedQaGraphQL(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var limits = configuration.GetSection(GraphQLLimits.Section).Get<GraphQLLimits>() ?? new GraphQLLimits();
        services.AddSingleton(limits);
        services.AddGraphQL(graphQL =>
        {
            graphQL
                .AddSchema<MedQaSchema>()
                .AddSystemTextJson()
                .AddErrorInfoProvider(new MedQaErrorInfoProvider(environment.IsDevelopment()))
                .AddValidationRule(new MaxDepthRule(limits.MaxDepth))
                .AddValidationRule(new MaxAliasesRule(limits.MaxAliases))
                .AddComplexityAnalyzer(options =>
                {
                    options.MaxComplexity = limits.MaxComplexity;
                    options.DefaultListImpactMultiplier = 10;
                })
                .ConfigureExecutionOptions(options => options.Timeout = limits.Timeout);
            if (!(limits.Introspection ?? environment.IsDevelopment()))
            {
                graphQL.AddValidationRule(new NoIntrospectionRule());
            }
        });
        services.AddSingleton<GraphQLHttpHandler>();
        services.AddSingleton(new DocumentCache(limits.DocumentCacheSize));
        return services;
    }
}
