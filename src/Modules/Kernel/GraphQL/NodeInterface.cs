using GraphQL.Types;

namespace MedQA.Kernel.GraphQL;

/// <summary>The Relay <c>Node</c> interface: every content type has an opaque global id.</summary>
public sealed class NodeInterface : InterfaceGraphType
{
    public NodeInterface()
    {
        Name = "Node";
        Description = "A piece of content with an opaque global id, refetchable with `node(id:)`.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The opaque global id of this content.");
    }
}
