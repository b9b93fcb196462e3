using MedQA.Kernel.Data;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Data;

/// <summary>The context for SQLite, the embedded default; its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteMedQaDbContext(DbContextOptions<SqliteMedQaDbContext> options) : MedQaDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => ContentModules.ConfigureModel(modelBuilder);
}

/// <summary>The context for SQL Server, the production provider; its migrations are in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerMedQaDbContext(DbContextOptions<SqlServerMedQaDbContext> options) : MedQaDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => ContentModules.ConfigureModel(modelBuilder);
}

/// <summary>
/// The context for PostgreSQL, the database MedQA scales out on (several gateways on one database); its migrations
/// are in Data/Migrations/Postgres.
/// </summary>
public sealed class PostgresMedQaDbContext(DbContextOptions<PostgresMedQaDbContext> options) : MedQaDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => ContentModules.ConfigureModel(modelBuilder);
}
