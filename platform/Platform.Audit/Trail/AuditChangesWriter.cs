using System.Buffers;
using System.Text;
using System.Text.Json;
using Platform.Metadata.Definitions;
using Platform.Records.Events;

namespace Platform.Audit.Trail;

/// <summary>
/// Writes the "changes" column of record writes (<see cref="AuditChanges.Of"/>'s JSON text, byte for byte) straight
/// into one reused buffer: a bulk write of a thousand records builds no JSON node tree per record and value.
/// One instance per batch, not thread-safe.
/// </summary>
public sealed class AuditChangesWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public AuditChangesWriter() => _writer = new Utf8JsonWriter(_buffer);

    /// <summary>The JSON text of <see cref="AuditChanges.Of"/> for <paramref name="change"/>.</summary>
    public string Write(RecordChange change, EntityDefinition entity)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        foreach (var field in entity.Fields)
        {
            var before = change.Before?.GetValueOrDefault(field.Name);
            var after = change.After?.GetValueOrDefault(field.Name);
            switch (change.Kind)
            {
                case RecordChangeKind.Created when after is not null && !AuditChanges.IsEmptyList(after):
                    _writer.WriteStartObject(field.Name);
                    WriteValue("new", field, after);
                    _writer.WriteEndObject();
                    break;
                case RecordChangeKind.Deleted when before is not null && !AuditChanges.IsEmptyList(before):
                    _writer.WriteStartObject(field.Name);
                    WriteValue("old", field, before);
                    _writer.WriteEndObject();
                    break;
                case RecordChangeKind.Updated when !field.Type.Descriptor.SameValue(before, after):
                    _writer.WriteStartObject(field.Name);
                    WriteValue("old", field, before);
                    WriteValue("new", field, after);
                    _writer.WriteEndObject();
                    break;
            }
        }
        _writer.WriteEndObject();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    private void WriteValue(string name, FieldDefinition field, object? value)
    {
        _writer.WritePropertyName(name);
        if (value is null) _writer.WriteNullValue();
        else if (field.Encrypted) _writer.WriteStringValue(AuditValues.Encrypted);
        else AuditValues.Write(_writer, value);
    }

    public void Dispose() => _writer.Dispose();
}
