using MedQA.Gateway.Data;
using MedQA.Gateway.Import;
using MedQA.Gateway.Partners;
using MedQA.Gateway.Plugins;
using MedQA.Gateway.Replicas;
using MedQA.Gateway.Schema;
using MedQA.Gateway.Search;
using MedQA.Gateway.Telemetry;

namespace MedQA.Gateway;

public static class MedQaServices
{
    /// <summary>Everything the gateway serves: database, content modules, GraphQL, importer, what replicas share.</summary>
    public static IServiceCollection AddMedQa(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services
            .AddMedQaDatabase(configuration)
            .AddSearchRankingCache(configuration)
            .AddContentModules()
            .AddMedQaPlugins(configuration)
            .AddMedQaPartners(configuration)
            .AddMedQaReplicas(configuration)
            .AddMedQaTelemetry(configuration)
            .AddMedQaGraphQL(configuration, environment)
            .AddPageImport();
}
