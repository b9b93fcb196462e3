using MedQA.Kernel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace MedQA.Gateway.Import;

/// <summary>An entity's table and column names as the provider quotes them, read from the EF model.</summary>
internal sealed class TableSql
{
    private readonly StoreObjectIdentifier _table;
    private readonly ISqlGenerationHelper _sql;

    public TableSql(MedQaDbContext db, Type type)
    {
        Entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        _table = StoreObjectIdentifier.Table(Entity.GetTableName()!, Entity.GetSchema());
        _sql = db.GetService<ISqlGenerationHelper>();
        Name = _sql.DelimitIdentifier(_table.Name, _table.Schema);
    }

    public IEntityType Entity { get; }

    public string Name { get; }

    public string Column(IProperty property) => _sql.DelimitIdentifier(property.GetColumnName(_table)!);

    public string Column(string property) => Column(Entity.FindProperty(property) ?? throw new InvalidOperationException($"{Entity.DisplayName()} has no {property}."));
}
