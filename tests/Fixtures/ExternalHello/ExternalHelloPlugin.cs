using GraphQL.Types;
using MedQA.Plugins;
using Microsoft.Extensions.Configuration;

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

/// <summary>Its greeting comes from the plugin's settings: MedQA:Plugins:external-hello:Greeting.</summary>
public sealed class HelloFields(IConfiguration settings) : IContentFields
{
    public void AddFields(IContentFieldRegistry fields)
    {
        var greeting = settings["Greeting"] ?? "Hello";
        fields.AddField<NonNullGraphType<HelloType>>(ContentType.Question, "hello").Description("A greeting for this question.")
            .Resolve(c => new Hello($"{greeting}, question {c.Source.Id}", c.Source.Id));
        fields.AddQueryField<StringGraphType>("externalPing").Description("Answers pong.").Resolve(_ => "pong");
    }
}

/// <summary>An enrichment section on another content type than Question, made for every specialty asked for.</summary>
public sealed class MottoSection : IEnrichmentSection
{
    public ContentType ContentType => ContentType.Specialty;

    public string FieldName => "motto";

    public string TypeName => "MottoSection";

    public string Description => "The specialty's motto.";

    public Task<IReadOnlyDictionary<int, EnrichmentSection>> LoadAsync(IReadOnlyCollection<int> contentIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, EnrichmentSection>>(contentIds.ToDictionary(
            id => id, id => new EnrichmentSection("Motto", $"Specialty {id} cares.", [new EnrichmentItem("Care", "First.")])));
}
