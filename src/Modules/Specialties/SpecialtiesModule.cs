using MedQA.Kernel;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Specialties;

public static class SpecialtiesModule
{
    /// <summary>Registers the Specialties module: its entity, graph types, root fields and loaders.</summary>
    public static IServiceCollection AddSpecialtiesModule(this IServiceCollection services) =>
        services.AddContentModule(typeof(SpecialtiesModule).Assembly).AddScoped<SpecialtyLoaders>().AddSingleton<SpecialtyCache>();
}
