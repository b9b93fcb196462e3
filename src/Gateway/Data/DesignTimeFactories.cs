using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MedQA.Gateway.Data;

// Used by `dotnet ef migrations add` only: no database is opened to write a migration.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMedQaDbContext>
{
    public SqliteMedQaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMedQaDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMedQaDbContext>
{
    public SqlServerMedQaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMedQaDbContext>()
            .UseSqlServer("Server=localhost;Database=MedQA;Integrated Security=true;TrustServerCertificate=true").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMedQaDbContext>
{
    public PostgresMedQaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMedQaDbContext>().UseNpgsql("Host=localhost;Database=medqa").Options);
}
