using GraphQL;
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
    private readonly PluginCatalog _plugins;

    public MedQaSchema(IServiceProvider services, QueryType query, IEnumerable<IObjectTypeExtension> extensions,
        PluginCatalog plugins, ILogger<MedQaSchema> logger)
        : base(new PluginComposer.FallbackProvider(services, new PluginTypeProvider(plugins)))
    {
        _plugins = plugins;
        foreach (var extension in extensions)
        {
            extension.Extend((IObjectGraphType)services.GetRequiredService(extension.ExtendedType));
        }
        new PluginComposer(services, plugins, logger).Compose(query);
        Query = query;
        Description = "MedQA: patients' medical questions, doctors' replies, articles and FAQ topics.";
        // What graphql-js's full introspection query asks for: __Directive.isRepeatable, args(includeDeprecated:),
        // __Type.specifiedByURL (added below: GraphQL.NET 8 has no @specifiedBy of its own).
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        Directives.Register(new SpecifiedByDirective());
    }

    /// <summary>
    /// Completes GraphQL.NET 8's introspection types where graphql-js's full query asks for more:
    /// <c>__Type.specifiedByURL</c>, and <c>__Directive.args(includeDeprecated:)</c>.
    /// </summary>
    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        if (graphType is IComplexGraphType complex && _plugins.Active.FirstOrDefault(p => p.Assembly == graphType.GetType().Assembly) is { } plugin)
        {
            PluginComposer.Guard(plugin, complex);
        }
        if (graphType is GraphQL.Introspection.__Type type && type.GetField("specifiedByURL") is null)
        {
            type.Field<StringGraphType>("specifiedByURL")
                .Description("The URL that specifies the behaviour of a custom scalar (its @specifiedBy), else null.")
                .Resolve(context => SpecifiedByDirective.UrlOf(context.Source));
        }
        if (graphType is GraphQL.Introspection.__Directive directive && directive.GetField("args") is { } args
            && args.Arguments?.Find("includeDeprecated") is null && args.Resolver is { } resolver)
        {
            (args.Arguments ??= []).Add(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false });
            args.Resolver = new GraphQL.Resolvers.FuncFieldResolver<object?>(async context =>
            {
                var all = await resolver.ResolveAsync(context);
                if (context.GetArgument("includeDeprecated", false) || all is not IEnumerable<QueryArgument> arguments)
                {
                    return all;
                }
                return arguments.Where(a => a.DeprecationReason is null).ToList();
            });
        }
    }

    private sealed class PluginTypeProvider(PluginCatalog plugins) : IServiceProvider
    {
        public object? GetService(Type serviceType) => plugins.ResolveGraphType(serviceType);
    }
}
