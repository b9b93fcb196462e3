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
