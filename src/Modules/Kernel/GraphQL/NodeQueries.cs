using GraphQL;
using GraphQL.Types;

namespace MedQA.Kernel.GraphQL;

/// <summary>Adds <c>node(id:)</c> to the root query.</summary>
public sealed class NodeQueries(IEnumerable<INodeSource> sources) : ObjectTypeExtension<QueryType>
{
    private readonly Dictionary<string, INodeSource> _sources = sources.ToDictionary(s => s.TypeName, StringComparer.Ordinal);

    protected override void Extend(QueryType type) =>
        type.Field<NodeInterface>("node")
            .Description("Any content by its global id; null when nothing has that id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global id, as returned by a content type's `id` field.")
            .Resolve(context =>
            {
                var id = context.GetArgument<string>("id");
                if (!GlobalId.TryDecode(id, out var typeName, out var key))
                {
                    throw ErrorCodes.UserInput($"'{id}' is not a MedQA global id.", ErrorCodes.InvalidId);
                }
                return _sources.TryGetValue(typeName, out var source)
                    ? source.Load(context.RequestServices!, key)
                    : null;
            });
}
