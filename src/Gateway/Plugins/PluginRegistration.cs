using MedQA.Kernel.GraphQL;

namespace MedQA.Gateway.Plugins;

public static class PluginRegistration
{
    /// <summary>
    /// Finds and registers the plugins (the gateway references none of them), and the core fields about them:
    /// <c>plugins</c> and <c>enrichments</c>.
    /// </summary>
    public static IServiceCollection AddMedQaPlugins(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PluginOptions.Section).Get<PluginOptions>() ?? new PluginOptions();
        var discovered = PluginDiscovery.Discover(configuration);
        services.AddSingleton(sp => new PluginCatalog(discovered, sp, options, sp.GetRequiredService<ILogger<PluginCatalog>>()));
        services.AddSingleton<PluginBackfill>();
        services.AddScoped<EnrichmentLoaders>().AddScoped(sp => new PluginBudgets(sp.GetRequiredService<PluginCatalog>().TimeBudget));
        services.AddSingleton<PluginType>().AddSingleton<PluginStatusType>().AddSingleton<PluginHealthType>().AddSingleton<PluginFaultType>().AddSingleton<PluginBreakerStateType>().AddSingleton<CountGraphType>().AddSingleton<EnrichmentItemType>().AddSingleton<EnrichmentSectionInterface>();
        services.AddSingleton<IObjectTypeExtension, PluginQueries>()
            .AddSingleton<IObjectTypeExtension, QuestionEnrichments>()
            .AddSingleton<IObjectTypeExtension, ReplyEnrichments>()
            .AddSingleton<IObjectTypeExtension, SpecialtyEnrichments>()
            .AddSingleton<IObjectTypeExtension, FaqEnrichments>();
        return services;
    }
}
