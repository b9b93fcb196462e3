using System.Reflection;
using GraphQL.Types;
using MedQA.Kernel.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Kernel;

public static class ContentModuleRegistration
{
    /// <summary>
    /// Registers what a content module's assembly holds, found by scanning: its graph types (singletons, as the
    /// schema is), its type extensions and its node sources. Loaders are request-scoped and registered by the module.
    /// </summary>
    public static IServiceCollection AddContentModule(this IServiceCollection services, Assembly assembly) =>
        services.Scan(scan => scan.FromAssemblies(assembly)
            .AddClasses(c => c.AssignableTo<IGraphType>(), publicOnly: false).AsSelf().WithSingletonLifetime()
            .AddClasses(c => c.AssignableTo<IObjectTypeExtension>(), publicOnly: false).As<IObjectTypeExtension>().WithSingletonLifetime()
            .AddClasses(c => c.AssignableTo<INodeSource>(), publicOnly: false).As<INodeSource>().WithSingletonLifetime());
}
