using MedQA.Gateway.Schema;
using MedQA.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Http;

public sealed class IdeTests(MedQaFactory factory) : IClassFixture<MedQaFactory>
{
    [Fact]
    public async Task The_IDE_page_and_its_script_are_served()
    {
        var client = factory.CreateClient();

        var page = await client.GetAsync("/ide/");
        var script = await client.GetStringAsync("/ide/ide.js");

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("MedQA GraphQL IDE", await page.Content.ReadAsStringAsync());
        Assert.Contains("fetch('/graphql'", script);
    }

    [Fact]
    public async Task The_served_SDL_is_the_schema()
    {
        var sdl = await factory.CreateClient().GetStringAsync("/schema.graphql");

        Assert.Equal(SchemaExport.Print(factory.Services.GetRequiredService<MedQaSchema>()), sdl);
    }
}
