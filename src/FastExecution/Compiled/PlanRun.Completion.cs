using System.Collections;
using GraphQL.DataLoader;

namespace MedQA.FastExecution.Compiled;

/// <summary>
/// Completion, as GraphQL.NET completes a resolved value: pending data-loader results wait for their batch, lists
/// become <see cref="ResultList"/>s of completed items, objects <see cref="ResultObject"/>s whose fields are queued,
/// scalars are serialized by their graph type; what GraphQL.NET would report as an error ends the run.
/// </summary>
internal sealed partial class PlanRun
{
    private void Complete(Slot slot, object? value)
    {
        if (value is IDataLoaderResult pending)
        {
            _loaders.Add((slot, pending));
            return;
        }
        try
        {
            if (!TryComplete(slot, value)) // not `_failed |= ...`: that reads _failed before a list's items can set it
            {
                _failed = true;
            }
        }
        catch (Exception e) when (!IsCancellation(e))
        {
            _failed = true;
        }
    }

    private bool TryComplete(Slot slot, object? value)
    {
        var shape = slot.Shape;
        if (value is null)
        {
            return !shape.NonNull;
        }
        if (shape.Item is { } item)
        {
            if (value is not IEnumerable values || value is string)
            {
                return false;
            }
            var list = values as IList ?? values.Cast<object?>().ToList();
            var items = new object?[list.Count];
            slot.Set(new ResultList(items, value));
            for (var i = 0; i < items.Length; i++)
            {
                Complete(new Slot(slot.Holder, slot.Field, items, i, item), list[i]);
            }
            return true;
        }
        if (shape.Selection is { } selection)
        {
            var type = selection.Type;
            if (type.IsTypeOf is { } isTypeOf && !type.SkipTypeCheck && !isTypeOf(value))
            {
                return false;
            }
            slot.Set(Enqueue(new ResultObject(selection, value, slot.Holder, slot.Field, slot.Index)));
            return true;
        }
        var serialized = shape.Scalar!.Serialize(value);
        slot.Set(serialized);
        return serialized is not null || !shape.NonNull;
    }

    private ResultObject Enqueue(ResultObject result)
    {
        _objects.Enqueue(result);
        return result;
    }

    /// <summary>Where a value goes: a field of an object, or an item of the list that field holds.</summary>
    private readonly record struct Slot(ResultObject Holder, int Field, object?[]? Items, int Index, PlanShape Shape)
    {
        public void Set(object? value)
        {
            if (Items is null)
            {
                Holder.Values[Field] = value;
            }
            else
            {
                Items[Index] = value;
            }
        }
    }
}
