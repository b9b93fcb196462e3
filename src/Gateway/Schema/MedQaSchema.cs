using GraphQL.Types;
using MedQA.Gateway.Plugins;
using MedQA.Kernel.GraphQL;

namespace MedQA.Gateway.Schema;

/// <summary>
/// The one schema: the root query type with every module's type extensions applied, then each active plugin's
/// fields (all or nothing per plugin). Graph types are singletons, so the instance an extension adds fields to is
/// the one the schema serves; a plugin's own graph types come from the plugin's container.
/// </summary>
public sealed class MedQaSchema : GraphQL.Types.Schema
{
    public MedQaSchema(IServiceProvider services, QueryType query, IEnumerable<IObjectTypeExtension> extensions,
        PluginCatalog plugins, ILogger<MedQaSchema> logger)
        : base(new PluginComposer.FallbackProvider(services, new PluginTypeProvider(plugins)))
    {
        foreach (var extension in extensions)
        {
            extension.Extend((IObjectGraphType)services.GetRequiredService(extension.ExtendedType));
        }
        new PluginComposer(services, plugins, logger).Compose(query);
        Query = query;
        Description = "MedQA: patients' medical questions, doctors' replies, articles and FAQ topics.";
    }

    private sealed class PluginTypeProvider(PluginCatalog plugins) : IServiceProvider
    {
        public object? GetService(Type serviceType) => plugins.ResolveGraphType(serviceType);
    }
}
