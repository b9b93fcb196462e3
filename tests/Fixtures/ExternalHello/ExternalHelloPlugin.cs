using GraphQL.Types;
using MedQA.Plugins;

namespace ExternalHello;

/// <summary>A well-behaved plugin with its own GraphQL type, a content field and a root field.</summary>
public sealed class ExternalHelloPlugin : MedQaPlugin
{
    public override string Name => "external-hello";

    public override string Description => "Says hello from outside the solution.";
}

public sealed record Hello(string Text, int ContentId);

public sealed class HelloType : ObjectGraphType<Hello>
{
    public HelloType()
    {
        Name = "Hello";
        Description = "A greeting.";
        Field<NonNullGraphType<StringGraphType>>("text").Description("The greeting.").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<IntGraphType>>("contentId").Description("The key of the content greeted.").Resolve(c => c.Source.ContentId);
    }
}

public sealed class HelloFields : IContentFields
{
    public void AddFields(IContentFieldRegistry fields)
    {
        fields.AddField<NonNullGraphType<HelloType>>(ContentType.Question, "hello").Description("A greeting for this question.")
            .Resolve(c => new Hello($"Hello, question {c.Source.Id}", c.Source.Id));
        fields.AddQueryField<StringGraphType>("externalPing").Description("Answers pong.").Resolve(_ => "pong");
    }
}
