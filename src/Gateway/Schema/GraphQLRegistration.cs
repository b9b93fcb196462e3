using MedQA.FastExecution;
using GraphQL;
using Microsoft.Extensions.DependencyInjection.Extensions;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using MedQA.Gateway.Http;
using MedQA.Gateway.Limits;
using MedQA.Gateway.Partners;

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
                .AddValidationRule(new DocumentCostRule(limits))
                // GraphQL.NET's analyzer, also on cached documents: page sizes can come from variables.
                .AddValidationRule(new DataComplexityRule(new ComplexityOptions
                {
                    MaxComplexity = limits.MaxComplexity,
                    DefaultListImpactMultiplier = 10,
                }), useForCachedDocuments: true)
                .AddValidationRule(new NoIntrospectionRule(limits.Introspection ?? environment.IsDevelopment(), limits.PartnerIntrospection), useForCachedDocuments: true)
                .UsePersistedDocuments(options =>
                {
                    options.AllowOnlyPersistedDocuments = false; // the public endpoint takes ad-hoc queries; partner keys do not (HTTP handler)
                    options.AllowedPrefixes.Add("sha256");
                    // A partner runs its own documents; a request without a key, the first-party apps' (documents add).
                    options.GetQueryDelegate = (execution, prefix, payload) => new(
                        execution.UserContext.TryGetValue(GraphQLHttpHandler.PartnerKey, out var partner) && partner is ActivePartner active
                            ? active.Documents.GetValueOrDefault($"{prefix}:{payload}")
                            : execution.RequestServices!.GetRequiredService<PartnerDirectory>().FindAppDocument($"{prefix}:{payload}"));
                })
                .ConfigureExecutionOptions(options =>
                {
                    options.Timeout = limits.Timeout;
                });
            if (!limits.ReferenceExecution)
            {
                graphQL.AddExecutionStrategy(new PlannedExecutionStrategy(limits.CompiledExecution), GraphQLParser.AST.OperationType.Query);
            }
        });
        services.AddSingleton<GraphQLHttpHandler>().AddSingleton<GraphQLResponseWriter>().AddSingleton<ClientErrorLog>().AddSingleton<ServerErrorLog>();
        // Kept GET answers: in the process, and in Redis when it is configured (ReplicaRegistration adds it as L2).
        // Bounded: answers of at most MaxAnswerBytes are kept, in at most MaxMegabytes of the process's memory (the
        // least recently used dropped first); without the bound, GETs with ever-new variables would fill the memory for a minute.
        var answers = configuration.GetSection("MedQA:Caching").Get<AnswerCacheOptions>() ?? new AnswerCacheOptions();
        services.AddMemoryCache(options => options.SizeLimit = answers.MaxMegabytes * 1024L * 1024L);
        services.AddHybridCache(options => options.MaximumPayloadBytes = answers.MaxAnswerBytes * 2); // JSON, body in base64
        services.AddSingleton<AnswerCache>();
        services.AddSingleton(CorsOrigins.From(configuration, environment));
        services.AddCors();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.Replace(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider, MedQaCorsPolicyProvider>());
        services.AddSingleton<GraphQL.DI.IConfigureExecution, DocumentCostGate>();
        services.AddSingleton(new DocumentCache(limits.ReferenceExecution ? 0 : limits.DocumentCacheSize));
        if (limits.ReferenceExecution)
        {
            services.Replace(ServiceDescriptor.Singleton(new MedQA.Kernel.GraphQL.SelectionReads(false)));
        }
        else
        {
            services.AddSingleton<GraphQL.Validation.IDocumentValidator, CachedDocumentValidator>();
            services.AddSingleton<GraphQL.DI.IConfigureExecution, DocumentCacheExecution>();
        }
        services.AddScoped(_ => new MedQA.Kernel.GraphQL.CacheHint(configuration.GetValue("MedQA:Caching:MaxAgeSeconds", 60)));
        return services;
    }
}
