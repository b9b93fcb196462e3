using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace MedQA.Kernel.GraphQL;

/// <summary>
/// <c>@specifiedBy(url:)</c>: where a custom scalar's format is specified (GraphQL spec, "@specifiedBy"), so that
/// code generators and clients can map it. GraphQL.NET 8 has no such directive; the gateway registers this one and
/// answers <c>__Type.specifiedByURL</c> from it.
/// </summary>
public sealed class SpecifiedByDirective : Directive
{
    public const string DirectiveName = "specifiedBy";

    public SpecifiedByDirective()
        : base(DirectiveName, DirectiveLocation.Scalar)
    {
        Description = "Exposes a URL that specifies the behaviour of this scalar.";
        Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>>
        {
            Name = "url",
            Description = "The URL that specifies the behaviour of this scalar.",
        });
    }

    /// <summary>Listed in <c>__schema.directives</c>, as graphql-js lists it (GraphQL.NET hides schema-only directives).</summary>
    public override bool? Introspectable => true;

    /// <summary>The URL a scalar's <c>@specifiedBy</c> names, or null.</summary>
    public static string? UrlOf(IGraphType type) =>
        type is ScalarGraphType scalar ? scalar.FindAppliedDirective(DirectiveName)?.FindArgument("url")?.Value as string : null;
}
