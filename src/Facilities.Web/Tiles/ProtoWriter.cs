using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Facilities.Web.Tiles;

/// <summary>The few protocol-buffer encodings a vector tile needs: varints, length-delimited fields, packed uint32s, doubles.</summary>
internal sealed class ProtoWriter
{
    private readonly ArrayBufferWriter<byte> _buffer;

    public ProtoWriter(int capacity = 256) => _buffer = new ArrayBufferWriter<byte>(capacity);

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public int Length => _buffer.WrittenCount;

    public void Clear() => _buffer.ResetWrittenCount();

    public void Varint(ulong value)
    {
        var span = _buffer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _buffer.Advance(i);
    }

    /// <summary>A field key: field number and wire type (0 varint, 1 64-bit, 2 length-delimited).</summary>
    public void Key(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    public void UInt(int field, ulong value)
    {
        Key(field, 0);
        Varint(value);
    }

    public void Bytes(int field, ReadOnlySpan<byte> bytes)
    {
        Key(field, 2);
        Varint((ulong)bytes.Length);
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }

    /// <summary>Bytes already encoded (whole fields).</summary>
    public void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }

    public void String(int field, string text)
    {
        var count = Encoding.UTF8.GetByteCount(text);
        Key(field, 2);
        Varint((ulong)count);
        _buffer.Advance(Encoding.UTF8.GetBytes(text, _buffer.GetSpan(count)));
    }

    public void Double(int field, double value)
    {
        Key(field, 1);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    /// <summary>A packed repeated uint32 field; <paramref name="scratch"/> holds the varints while the length is unknown.</summary>
    public void Packed(int field, ReadOnlySpan<uint> values, ProtoWriter scratch)
    {
        scratch.Clear();
        foreach (var v in values)
        {
            scratch.Varint(v);
        }

        Bytes(field, scratch.Written);
    }
}
