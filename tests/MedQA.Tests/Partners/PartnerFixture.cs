using MedQA.Gateway.Partners;
using MedQA.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Partners;

/// <summary>MedQA with two partners: "portal" (origin https://portal.example, the shipped example documents) and "other".</summary>
public sealed class PartnerFixture : IAsyncLifetime
{
    public MedQaFactory Factory { get; } = new();

    public string PortalKey { get; private set; } = "";

    public string OtherKey { get; private set; } = "";

    public Dictionary<string, string> Documents { get; } = [];

    public PartnerAdmin Admin => Factory.Services.GetRequiredService<PartnerAdmin>();

    public async Task InitializeAsync()
    {
        PortalKey = await Admin.AddAsync("portal", ["https://portal.example"]);
        OtherKey = await Admin.AddAsync("other", []);
        var files = Directory.GetFiles(RepositoryRoot.File("samples", "partner-documents"), "*.graphql").Order().ToList();
        foreach (var (file, id) in await Admin.AddDocumentsAsync("portal", files))
        {
            Documents[Path.GetFileNameWithoutExtension(file)] = id;
        }
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public async Task<HttpResponseMessage> GetAsync(string? key, string document, object? variables = null, Action<HttpRequestMessage>? configure = null)
    {
        var query = $"/graphql?documentId={Uri.EscapeDataString(document)}" +
            (variables is null ? "" : "&variables=" + Uri.EscapeDataString(System.Text.Json.JsonSerializer.Serialize(variables)));
        using var request = new HttpRequestMessage(HttpMethod.Get, query);
        if (key is not null)
        {
            request.Headers.Add(PartnerKeys.Header, key);
        }
        configure?.Invoke(request);
        return await Factory.CreateClient().SendAsync(request);
    }
}
