using System.Collections.Concurrent;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Kernel.GraphQL;

/// <summary>
/// The request's scoped services as resolvers use them (batch loaders): each resolved once per request, then read
/// without a lock. The request container takes its scope's lock on every resolution, and with sibling fields
/// resolved in parallel that lock was contended on nearly every field of a list page.
/// </summary>
public sealed class RequestServices(IServiceProvider services)
{
    /// <summary>The <c>UserContext</c> entry the HTTP handler puts it under.</summary>
    public const string Key = "medqa.services";

    private readonly ConcurrentDictionary<Type, object> _resolved = new();

    public T Get<T>() where T : notnull =>
        (T)_resolved.GetOrAdd(typeof(T), static (type, services) => services.GetRequiredService(type), services);
}

public static class RequestServicesExtensions
{
    /// <summary>
    /// A request-scoped service, from the request's cache when there is one (the HTTP handler puts it there), else
    /// from the execution's <c>RequestServices</c> (an execution started in process, by a test or a tool).
    /// </summary>
    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        context.UserContext.TryGetValue(RequestServices.Key, out var cache) && cache is RequestServices services
            ? services.Get<T>()
            : (context.RequestServices ?? throw new MissingRequestServicesException()).GetRequiredService<T>();
}
