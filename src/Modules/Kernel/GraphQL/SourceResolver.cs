using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;

namespace MedQA.Kernel.GraphQL;

/// <summary>
/// A resolver that reads its value from the parent object alone: no services, arguments, selection or waiting. The
/// gateway's execution strategy calls <see cref="Resolve"/> directly, without a resolve context (most of a list
/// page's fields are such reads); anything else calls <see cref="IFieldResolver.ResolveAsync"/> as usual.
/// </summary>
public interface ISourceResolver : IFieldResolver
{
    object? Resolve(object? source);
}

/// <summary>An <see cref="ISourceResolver"/> over a function of the source.</summary>
public sealed class SourceResolver<TSource>(Func<TSource, object?> read) : ISourceResolver
{
    public object? Resolve(object? source) => read((TSource)source!);

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => new(read((TSource)context.Source!));
}

public static class SourceResolverExtensions
{
    /// <summary>Resolves the field with a function of the source object only (see <see cref="ISourceResolver"/>).</summary>
    public static FieldBuilder<TSource, TReturn> ResolveSource<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Func<TSource, object?> read)
    {
        field.FieldType.Resolver = new SourceResolver<TSource>(read);
        return field;
    }
}

/// <summary>
/// A resolver that reads its value from the parent object and one request-scoped service (a batch loader): no
/// arguments, selection or waiting of its own. The gateway's compiled execution calls <see cref="Resolve"/> with the
/// request's instance of <see cref="Service"/>, without a resolve context; anything else calls
/// <see cref="IFieldResolver.ResolveAsync"/> as usual.
/// </summary>
public interface IServiceResolver : IFieldResolver
{
    Type Service { get; }

    object? Resolve(object service, object? source);
}

/// <summary>An <see cref="IServiceResolver"/> over a function of a request service and the source.</summary>
public sealed class ServiceResolver<TSource, TService>(Func<TService, TSource, object?> read) : IServiceResolver
    where TService : notnull
{
    public Type Service => typeof(TService);

    public object? Resolve(object service, object? source) => read((TService)service, (TSource)source!);

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => new(read(context.Service<TService>(), (TSource)context.Source!));
}

public static class ServiceResolverExtensions
{
    /// <summary>Resolves the field with a function of a request-scoped service and the source (see <see cref="IServiceResolver"/>).</summary>
    public static FieldBuilder<TSource, TReturn> ResolveWith<TService, TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, Func<TService, TSource, object?> read)
        where TService : notnull
    {
        field.FieldType.Resolver = new ServiceResolver<TSource, TService>(read);
        return field;
    }
}
