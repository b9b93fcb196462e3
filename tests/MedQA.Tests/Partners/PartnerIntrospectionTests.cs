using MedQA.Tests.Support;

namespace MedQA.Tests.Partners;

public sealed class PartnerIntrospectionTests
{
    [Fact]
    public async Task Partner_keys_cannot_introspect_by_default_even_where_the_public_can()
    {
        var fixture = new PartnerFixture();
        fixture.Factory.WithSetting("MedQA:GraphQL:Introspection", "true");
        await fixture.InitializeAsync();
        try
        {
            var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "types.graphql");
            await File.WriteAllTextAsync(file, "query Types { __type(name: \"Question\") { name } }");
            var (_, id) = (await fixture.Admin.AddDocumentsAsync("portal", [file])).Single();

            var partner = await GraphQLClient.ReadAsync(await fixture.GetAsync(fixture.PortalKey, id));
            var anyone = await fixture.Factory.QueryAsync("query Types { __type(name: \"Question\") { name } }");

            Assert.Equal("INTROSPECTION_DISABLED", partner.Code());
            Assert.Equal("Question", anyone.Data()["__type"]!["name"]!.GetValue<string>());
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}
