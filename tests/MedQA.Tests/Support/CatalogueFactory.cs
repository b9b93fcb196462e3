using MedQA.Gateway.Import;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Support;

/// <summary>MedQA with a catalogue of <see cref="Size"/> generated pages: three specialties, two replies each.</summary>
public class CatalogueFactory : IAsyncLifetime
{
    public const int Size = 60;
    private static readonly string[] Specialties = ["Neurology", "Cardiology", "Dermatology"];

    public EmptyMedQaFactory Factory { get; } = new();

    public async Task InitializeAsync()
    {
        var folder = Directory.CreateTempSubdirectory("medqa-catalogue-").FullName;
        for (var i = 0; i < Size; i++)
        {
            var specialty = Specialties[i % Specialties.Length];
            var date = new DateOnly(2020, 1, 1).AddDays(i / 2).ToString("yyyy/MM/dd"); // two questions a day: ties on the date
            var text = Pages.Minimal(title: $"Question {i:000}", alias: $"Asker{i}", date: date, specialty: specialty, doctor: $"Doctor {i % 7}")
                + $"\n\nDr. Second {i % 5} reply {specialty}\n\nA second opinion.\n\nReply Date: {date}\n"
                + $"\nMore Info\n\nAbout question {i}.\n\nCauses of Pain\n1. Strain: Too much load.\n\n2. Injury: A fall.\n"
                + "\nTreatment Options\n1. Rest: A week off.\n\n2. Physical Therapy: Exercises.\n";
            await File.WriteAllTextAsync(Path.Combine(folder, $"{i:000}.txt"), text);
        }
        var report = await Factory.Services.GetRequiredService<PageImportRunner>().ImportAsync([folder], TextWriter.Null);
        Directory.Delete(folder, recursive: true);
        if (report.Imported != Size)
        {
            throw new InvalidOperationException($"catalogue import failed: {string.Join("; ", report.Failed)}");
        }
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
