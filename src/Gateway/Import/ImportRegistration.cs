namespace MedQA.Gateway.Import;

public static class ImportRegistration
{
    public static IServiceCollection AddPageImport(this IServiceCollection services) =>
        services.AddSingleton<PageImporter>().AddSingleton<PageImportRunner>().AddSingleton<Export.PageExporter>();
}
