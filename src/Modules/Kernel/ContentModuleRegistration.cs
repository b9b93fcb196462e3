using System.Reflection;
using GraphQL.Types;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedQA.Kernel;

public static class ContentModuleRegistration
{
    /// <summary>
    /// Registers what a content module's assembly holds, found by scanning: its graph types (singletons, as the
    /// schema is), its type extensions and its node sources. Loaders are request-scoped and registered by the module;
    /// they share the request's <see cref="RequestDb"/>.
    /// </summary>
    public static IServiceCollection AddContentModule(this IServiceCollection services, Assembly assembly)
    {
        services.TryAddScoped<RequestDb>();
        services.TryAddSingleton(SelectionReads.On);
        return services.Scan(scan => scan.FromAssemblies(assembly)
            .AddClasses(c => c.AssignableTo<IGraphType>(), publicOnly: false).AsSelf().WithSingletonLifetime()
            .AddClasses(c => c.AssignableTo<IObjectTypeExtension>(), publicOnly: false).As<IObjectTypeExtension>().WithSingletonLifetime()
            .AddClasses(c => c.AssignableTo<INodeSource>(), publicOnly: false).As<INodeSource>().WithSingletonLifetime());
    }
}
