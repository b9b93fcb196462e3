namespace MedQA.Tests.Support;

/// <summary>A new folder under the system's temp folder, deleted with the test class that made it.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix) => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a file still held on a slow shutdown: the OS cleans its temp folder
        }
    }
}
