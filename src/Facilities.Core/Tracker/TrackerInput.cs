using System.Globalization;
using Facilities.Core.Validation;

namespace Facilities.Core.Tracker;

/// <summary>
/// Limits on the free text users type into the tracker, checked before anything reaches a store, so that SQLite and
/// PostgreSQL see the same text (PostgreSQL cannot hold U+0000 and answered a NUL with a database error, SQLite stored
/// it) and a 20 MB note is refused instead of stored.
/// </summary>
public static class TrackerInput
{
    /// <summary>Longest note, in characters (UTF-16 code units).</summary>
    public const int MaxNoteLength = 4000;

    /// <summary>Longest attachment reference (file name, id or URL).</summary>
    public const int MaxAttachmentLength = 500;

    /// <summary>Most attachment references on one move.</summary>
    public const int MaxAttachments = 20;

    /// <summary>Longest login name.</summary>
    public const int MaxNameLength = 100;

    /// <summary>
    /// Why <paramref name="value"/> cannot be stored in <paramref name="field"/>, or null when it can: longer than
    /// <paramref name="maxLength"/>, a control character (tab, line feed and carriage return are allowed only when
    /// <paramref name="multiline"/>), or a lone UTF-16 surrogate (not text).
    /// </summary>
    public static LocalizedText? Check(string field, string? value, int maxLength, bool multiline)
    {
        value ??= "";
        if (value.Length > maxLength)
        {
            return new LocalizedText(
                $"trường '{field}' dài {value.Length} ký tự, tối đa {maxLength}.",
                $"field '{field}' has {value.Length} characters; at most {maxLength} are allowed.");
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) && !(multiline && c is '\t' or '\n' or '\r'))
            {
                var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                return new LocalizedText(
                    $"trường '{field}' có ký tự điều khiển U+{code} ở vị trí {i + 1}; hãy xoá ký tự này.",
                    $"field '{field}' has the control character U+{code} at position {i + 1}; remove it.");
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++; // a pair: one character outside the BMP (an emoji, a rare Han character)
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return new LocalizedText(
                    $"trường '{field}' có ký tự không hợp lệ ở vị trí {i + 1} (nửa cặp UTF-16).",
                    $"field '{field}' has an invalid character at position {i + 1} (half a UTF-16 pair).");
            }
        }

        return null;
    }

    /// <summary>Why a login name cannot be used, or null: empty, too long or with a control character.</summary>
    public static LocalizedText? CheckName(string field, string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? new LocalizedText($"trường '{field}' trống.", $"field '{field}' is empty.")
            : Check(field, name, MaxNameLength, multiline: false);

    /// <summary>Why the note and attachments of a move cannot be stored, or null.</summary>
    public static LocalizedText? CheckMove(string? note, IReadOnlyList<string>? attachments)
    {
        if (Check("note", note, MaxNoteLength, multiline: true) is { } bad)
        {
            return bad;
        }

        attachments ??= [];
        if (attachments.Count > MaxAttachments)
        {
            return new LocalizedText(
                $"trường 'attachments' có {attachments.Count} tệp, tối đa {MaxAttachments}.",
                $"field 'attachments' has {attachments.Count} references; at most {MaxAttachments} are allowed.");
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            if (Check($"attachments[{i}]", attachments[i], MaxAttachmentLength, multiline: false) is { } badAttachment)
            {
                return badAttachment;
            }
        }

        return null;
    }

    /// <summary>
    /// Why an account cannot be linked to <paramref name="communeCode"/>, or null when it can: with the dataset's
    /// commune codes known (<paramref name="communes"/>), a code that is not one of them (a typo would give an official
    /// an empty commune, and their real one's cases would stay out of reach without any error).
    /// </summary>
    public static LocalizedText? CheckCommune(string? communeCode, IReadOnlyCollection<string>? communes)
    {
        if (string.IsNullOrEmpty(communeCode) || communes is null || communes.Contains(communeCode, StringComparer.Ordinal))
        {
            return null;
        }

        var known = string.Join(", ", communes.Order(StringComparer.Ordinal).Take(5)) + (communes.Count > 5 ? ", …" : "");
        return new LocalizedText(
            $"Mã xã/phường '{communeCode}' không có trong lớp wards của bộ dữ liệu ({communes.Count} xã/phường: {known}).",
            $"Commune code '{communeCode}' is not a ward of the dataset's wards layer ({communes.Count} communes: {known}).");
    }
}
