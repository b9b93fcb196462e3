using GraphQL.Types;

namespace MedQA.Kernel.GraphQL;

public static class NodeTypeExtensions
{
    /// <summary>Makes a content type a <c>Node</c>: adds its global <c>id</c> field and the interface.</summary>
    public static void ImplementNode<TSource>(this ObjectGraphType<TSource> type, Func<TSource, int> key)
    {
        var typeName = type.Name;
        type.Interface<NodeInterface>();
        type.IsTypeOf = value => value is TSource;
        type.Field<NonNullGraphType<IdGraphType>>("id")
            .Description($"The opaque global id of this {TypeWords.Of(typeName)}, for `node(id:)`.")
            .Resolve(context => GlobalId.Encode(typeName, key(context.Source)));
    }
}
